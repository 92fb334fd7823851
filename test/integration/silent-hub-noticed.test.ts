import { afterEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import { WebSocketServer } from 'ws';
import { DocSync } from '@judgehub/sync-client';
import { BrowserLikeWebSocketImpl } from '../helpers/browserLikeWebSocket.js';
import { waitFor } from '../helpers/waitFor.js';

/**
 * A "hub" that accepts WebSocket connections and then never says anything: what a client sees
 * when the network dies right after connecting, or a proxy holds the socket open. The client must
 * give up on such a socket by itself, within its heartbeat timeout, and try again.
 */
async function silentServer(): Promise<{
  url: string;
  connections: () => number;
  close: () => Promise<void>;
}> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  let count = 0;
  server.on('connection', () => count++);
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/sync`,
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a hub that never answers', () => {
  it('is given up on after the heartbeat timeout, even before its handshake, and retried', async () => {
    const server = await silentServer();
    cleanups.push(server.close);
    const sync = new DocSync({
      serverUrl: server.url,
      docName: 'results',
      token: 'scoreboard-token',
      doc: new Y.Doc(),
      WebSocketImpl: BrowserLikeWebSocketImpl,
      heartbeatIntervalMs: 50,
      heartbeatTimeoutMs: 300,
      minBackoffMs: 20,
      maxBackoffMs: 40,
    });
    cleanups.push(() => sync.destroy());
    const states: string[] = [];
    sync.subscribe((s) => states.push(s.state));

    const started = Date.now();
    await waitFor(() => states.includes('online'), 2_000, 'the socket to open');
    await waitFor(() => sync.status.state === 'offline', 2_000, 'the silent socket to be dropped');
    // Dropped after the 300 ms of silence, not before, and not much later (one 50 ms tick).
    const dropped = Date.now() - started;
    expect(dropped).toBeGreaterThanOrEqual(300);
    expect(dropped).toBeLessThan(1_000);
    await waitFor(() => server.connections() >= 2, 2_000, 'a new attempt');
    expect(sync.status.synced).toBe(false);
  });

  it('keeps the protocol’s 12 s limit unless told otherwise', async () => {
    const server = await silentServer();
    cleanups.push(server.close);
    const sync = new DocSync({
      serverUrl: server.url,
      docName: 'results',
      token: 'scoreboard-token',
      doc: new Y.Doc(),
      WebSocketImpl: BrowserLikeWebSocketImpl,
    });
    cleanups.push(() => sync.destroy());
    await waitFor(() => sync.status.state === 'online', 2_000, 'the socket to open');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sync.status.state).toBe('online');
    expect(server.connections()).toBe(1);
  });
});
