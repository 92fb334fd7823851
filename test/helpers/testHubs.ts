import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { MessageType, demoEvent } from '@judgehub/model';
import {
  createMemoryLogger,
  setUpEvent,
  startHub,
  type ConnectionLimits,
  type HubTls,
  type LogRecord,
  type RunningHub,
} from '@judgehub/hub';
import type { Role } from '@judgehub/store';

export interface TestHub {
  hub: RunningHub;
  dataDir: string;
  log: { records: LogRecord[] };
  /** `ws://127.0.0.1:<port>/sync` (`wss://` with TLS) */
  syncUrl: string;
}

export interface HubSetup {
  /** Reuse a data folder (a restart); a fresh temp folder otherwise. */
  dataDir?: string;
  /** Create the demo event and issue its tokens; default true for a fresh folder. */
  withDemoEvent?: boolean;
  maxPayloadBytes?: number;
  compactAfter?: number;
  /** Per-connection rate and size limits (the hub's defaults otherwise). */
  limits?: Partial<ConnectionLimits>;
  /** Serve https/wss with this certificate and key. */
  tls?: HubTls;
}

/**
 * Everything a test starts — hubs, temp data folders, clients, raw sockets — tracked so that
 * `cleanup()` (call it in afterEach) tears it all down even when the test failed half-way.
 */
export class TestHubs {
  private readonly hubs = new Set<RunningHub>();
  private readonly dirs: string[] = [];
  private readonly providers = new Set<WebsocketProvider>();
  private readonly sockets = new Set<WebSocket>();
  private readonly closers = new Set<() => void>();

  async start(setup: HubSetup = {}): Promise<TestHub> {
    const dataDir = setup.dataDir ?? this.makeDataDir();
    const log = createMemoryLogger();
    const hub = await startHub({
      dataDir,
      port: 0,
      host: '127.0.0.1',
      webRoot: null,
      log,
      maxPayloadBytes: setup.maxPayloadBytes,
      compactAfter: setup.compactAfter,
      limits: setup.limits,
      tls: setup.tls,
    });
    this.hubs.add(hub);
    if (setup.withDemoEvent ?? setup.dataDir === undefined) {
      const result = setUpEvent(hub, demoEvent());
      if (!result.ok) throw new Error(`demo event set-up failed: ${result.problems.join('; ')}`);
    }
    const scheme = hub.secure ? 'wss' : 'ws';
    return { hub, dataDir, log, syncUrl: `${scheme}://127.0.0.1:${hub.port}/sync` };
  }

  async stop(testHub: TestHub): Promise<void> {
    await testHub.hub.close();
    this.hubs.delete(testHub.hub);
  }

  makeDataDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-test-'));
    this.dirs.push(dir);
    return dir;
  }

  /**
   * A stock y-websocket client, as a browser tablet without our sync-client would use. It does
   * not know our message types (handshake, durable ack), so those get a no-op handler instead of
   * its "Unable to compute message" console error.
   */
  connect(testHub: TestHub, docName: string, token: string, doc = new Y.Doc()): WebsocketProvider {
    const provider = new WebsocketProvider(testHub.syncUrl, docName, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token },
      connect: true,
      disableBc: true,
    });
    provider.messageHandlers[MessageType.DurableAck] = () => {};
    provider.messageHandlers[MessageType.Handshake] = () => {};
    this.providers.add(provider);
    return provider;
  }

  /** A stock client that has finished its first sync with the hub. */
  async connectSynced(
    testHub: TestHub,
    docName: string,
    token: string,
    doc = new Y.Doc(),
  ): Promise<WebsocketProvider> {
    const provider = this.connect(testHub, docName, token, doc);
    await whenSynced(provider);
    return provider;
  }

  destroy(provider: WebsocketProvider): void {
    provider.destroy();
    this.providers.delete(provider);
  }

  /** A raw `ws` socket on a sync URL, for speaking (or breaking) the protocol by hand. */
  rawSocket(testHub: TestHub, docName: string, token: string | null): WebSocket {
    const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
    const ws = new WebSocket(`${testHub.syncUrl}/${docName}${query}`);
    ws.on('error', () => {}); // a refused or oversized socket errors; the close code is what we check
    this.sockets.add(ws);
    return ws;
  }

  /** Registers something else to tear down (e.g. a DocSync). */
  onCleanup(close: () => void): void {
    this.closers.add(close);
  }

  async cleanup(): Promise<void> {
    for (const provider of this.providers) provider.destroy();
    this.providers.clear();
    for (const close of this.closers) close();
    this.closers.clear();
    for (const ws of this.sockets) ws.terminate();
    this.sockets.clear();
    const hubs = [...this.hubs];
    this.hubs.clear();
    await Promise.allSettled(hubs.map((hub) => hub.close()));
    for (const dir of this.dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The token issued for a role (and judge), as the organiser would hand it out. */
export function tokenFor(testHub: TestHub, role: Role, judgeId: string | null = null): string {
  const record = testHub.hub.store
    .listTokens()
    .find((t) => t.role === role && t.judgeId === judgeId);
  if (!record) throw new Error(`no ${role} token${judgeId ? ` for ${judgeId}` : ''} on this hub`);
  return record.token;
}

export function allTokens(testHub: TestHub): string[] {
  return testHub.hub.store.listTokens().map((t) => t.token);
}

/** Resolves once the provider completed its first sync; rejects if the hub refuses it. */
export function whenSynced(provider: WebsocketProvider, timeoutMs = 5_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${provider.roomname} did not sync within ${timeoutMs} ms`));
    }, timeoutMs);
    const onSync = (synced: boolean) => {
      if (!synced) return;
      cleanup();
      resolve();
    };
    const onClosed = (event: { code: number; reason: string }) => {
      cleanup();
      reject(new Error(`${provider.roomname} refused: ${event.code} ${event.reason}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
    };
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
  });
}

/** The code and reason the socket was closed with. */
export function whenClosed(
  ws: WebSocket,
  timeoutMs = 5_000,
): Promise<{ code: number; reason: string }> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.reject(new Error('socket already closed'));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`socket not closed within ${timeoutMs} ms`)),
      timeoutMs,
    );
    ws.once('close', (code: number, reason: Buffer) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });
}

export function whenOpen(ws: WebSocket, timeoutMs = 5_000): Promise<void> {
  if (ws.readyState === WebSocket.OPEN) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`socket not open within ${timeoutMs} ms`)),
      timeoutMs,
    );
    ws.once('open', () => {
      clearTimeout(timer);
      resolve();
    });
    ws.once('close', (code: number) => {
      clearTimeout(timer);
      reject(new Error(`socket closed with ${code} before opening`));
    });
  });
}
