import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '@judgehub/model';
import type { HubState } from '../shared/hubState.js';
import type { HubLaunchOptions } from '../hub/hubMessages.js';
import { forkHubProcess } from './forkHubProcess.js';
import { HubSupervisor, type HubProcess, type HubSupervisorOptions } from './hubSupervisor.js';

// The real hub process, as the app ships it (vite build --mode hub), run with child_process.fork:
// the same messages as Electron's utilityProcess. Real SQLite files in temporary folders.
const HUB_ENTRY = fileURLToPath(new URL('../../dist/hub/hubEntry.cjs', import.meta.url));

const supervisors: HubSupervisor[] = [];
const folders: string[] = [];
const sockets: WebSocket[] = [];

beforeAll(() => {
  if (!fs.existsSync(HUB_ENTRY))
    throw new Error(`${HUB_ENTRY} is missing: build first (npm run build).`);
});

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await Promise.all(supervisors.splice(0).map((s) => s.stop()));
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-desktop-'));
  folders.push(dir);
  return dir;
}

function launchOptions(dataDir: string, port = 0): HubLaunchOptions {
  // advertise: false — tests never multicast on the machine's real networks.
  return { dataDir, port, host: '127.0.0.1', webRoot: null, logFile: null, advertise: false };
}

/** A supervisor recording every state it reports. */
function supervise(options: Partial<HubSupervisorOptions> & { launch: HubLaunchOptions }): {
  supervisor: HubSupervisor;
  states: HubState[];
} {
  const supervisor = new HubSupervisor({ spawn: forkHubProcess(HUB_ENTRY), ...options });
  const states: HubState[] = [];
  supervisor.onState((state) => states.push(state));
  supervisors.push(supervisor);
  return { supervisor, states };
}

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The organiser's side of the `event` document over the hub's real WebSocket protocol. */
function openEventDoc(hubUrl: string, organiserLink: string) {
  const token = new URL(organiserLink).searchParams.get('token') ?? '';
  const ws = new WebSocket(`${hubUrl.replace(/^http/, 'ws')}/sync/event?token=${token}`);
  sockets.push(ws);
  const doc = new Y.Doc();
  const fromHub = Symbol('hub');
  let synced = false;
  let durable = new Map<number, number>();
  const closed = new Promise<number>((resolve) => ws.on('close', (code: number) => resolve(code)));
  const send = (build: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    build(encoder);
    if (ws.readyState === WebSocket.OPEN) ws.send(encoding.toUint8Array(encoder));
  };
  ws.on('open', () =>
    send((e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      syncProtocol.writeSyncStep1(e, doc);
    }),
  );
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.DurableAck) {
      durable = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    } else if (type === MessageType.Sync) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      const sub = syncProtocol.readSyncMessage(decoder, encoder, doc, fromHub);
      if (encoding.length(encoder) > 1) ws.send(encoding.toUint8Array(encoder));
      if (sub === syncProtocol.messageYjsSyncStep2) synced = true;
    }
  });
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== fromHub)
      send((e) => {
        encoding.writeVarUint(e, MessageType.Sync);
        syncProtocol.writeUpdate(e, update);
      });
  });
  return {
    doc,
    closed,
    synced: () => until(() => synced, 'the event document to sync'),
    /** Writes a value and resolves once the hub's durable ack covers it. */
    async write(key: string, value: string) {
      doc.getMap('desktop-test').set(key, value);
      const clock = Y.getState(doc.store, doc.clientID);
      await until(() => (durable.get(doc.clientID) ?? 0) >= clock, 'a durable ack');
    },
    read: (key: string) => doc.getMap('desktop-test').get(key),
  };
}

/** A stand-in hub process script: for behaviours the real hub never shows. */
function fakeHubEntry(source: string): string {
  const file = path.join(tempDir(), 'fakeHub.cjs');
  fs.writeFileSync(file, source);
  return file;
}

const READY_MESSAGE = `{ type: 'ready', links: { organiser: null, scoreboard: null }, hub: {
  port: 1, url: 'http://127.0.0.1:1', lanUrl: null, hubId: 'fake-hub-0001', eventName: '',
  eventId: '', generation: 1, quarantined: 0, dataDir: '/nowhere', hasScoreboard: false } }`;

describe('HubSupervisor with the real hub process', () => {
  test('starts the hub and reports it ready: address, hub id, organiser link', async () => {
    const dataDir = tempDir();
    const { supervisor, states } = supervise({ launch: launchOptions(dataDir) });

    const outcome = await supervisor.start();

    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(states.map((s) => s.status)).toEqual(['starting', 'running']);
    expect(supervisor.state).toEqual({ status: 'running', hub: outcome.hub });
    expect(outcome.hub.dataDir).toBe(dataDir);
    expect(outcome.hub.generation).toBe(1);
    expect(outcome.hub.hasScoreboard).toBe(false);
    // It is a live hub on that address, the one it says it is.
    const health = (await (await fetch(`${outcome.hub.url}/api/health`)).json()) as {
      status: string;
      hubId?: string;
    };
    expect(health.status).toBe('ok');
    expect(health.hubId).toBe(outcome.hub.hubId);
    // A fresh data folder still gets an organiser link: the event is set up on that page.
    expect(supervisor.links()?.organiser).toMatch(
      new RegExp(`^${outcome.hub.url}/organiser\\?token=.+`),
    );
    expect(fs.existsSync(path.join(dataDir, 'judgehub.lock'))).toBe(true);
  });

  test('a hub killed with kill -9 is noticed and started again on the same port and data', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const { supervisor, states } = supervise({
      launch: launchOptions(dataDir, port),
      restartDelaysMs: [100],
    });
    const first = await supervisor.start();
    if (!first.ok) throw new Error(first.reason);
    const organiser = openEventDoc(first.hub.url, supervisor.links()!.organiser!);
    await organiser.synced();
    await organiser.write('before-crash', 'kept');

    const pid = supervisor.pid!;
    process.kill(pid, 'SIGKILL');

    await until(
      () => states.some((s) => s.status === 'restarting'),
      'the supervisor to notice the kill',
    );
    const restarting = states.find((s) => s.status === 'restarting');
    expect(restarting).toMatchObject({ attempt: 1, retryInMs: 100 });
    expect(restarting && 'reason' in restarting && restarting.reason).toMatch(/SIGKILL/);
    await until(() => supervisor.state.status === 'running', 'the hub to be running again');
    expect(states.map((s) => s.status)).toEqual([
      'starting',
      'running',
      'restarting',
      'starting',
      'running',
    ]);
    const second = supervisor.state.status === 'running' ? supervisor.state.hub : null;
    expect(second).toMatchObject({ port, hubId: first.hub.hubId, generation: 2 });
    expect(supervisor.pid).not.toBe(pid);

    // What the hub acknowledged before it was killed is there after the restart.
    const again = openEventDoc(second!.url, supervisor.links()!.organiser!);
    await again.synced();
    expect(again.read('before-crash')).toBe('kept');
  });

  test('stop: tablets are told, the hub says stopped, exits 0 and leaves a closed database', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const { supervisor, states } = supervise({ launch: launchOptions(dataDir, port) });
    const started = await supervisor.start();
    if (!started.ok) throw new Error(started.reason);
    const organiserLink = supervisor.links()!.organiser!;
    const organiser = openEventDoc(started.hub.url, organiserLink);
    await organiser.synced();
    await organiser.write('before-stop', 'kept');

    const outcome = await supervisor.stop();

    expect(outcome).toEqual({ clean: true, detail: 'stopped after writing everything' });
    expect(states.map((s) => s.status).slice(-2)).toEqual(['stopping', 'stopped']);
    expect(await organiser.closed).toBe(1001); // "going away": the tablet knows the hub stopped
    // The data folder is free again, and SQLite was closed properly (no write-ahead log left).
    expect(fs.existsSync(path.join(dataDir, 'judgehub.lock'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'judgehub.sqlite-wal'))).toBe(false);
    await expect(fetch(`${started.hub.url}/api/health`)).rejects.toThrow();

    // Started again on the same folder: the value is there.
    const restarted = await supervisor.start();
    if (!restarted.ok) throw new Error(restarted.reason);
    expect(restarted.hub.generation).toBe(2);
    const again = openEventDoc(restarted.hub.url, organiserLink);
    await again.synced();
    expect(again.read('before-stop')).toBe('kept');
  });

  test('a hub that cannot start says why, is retried with backoff, and then given up on', async () => {
    const dataDir = tempDir();
    // Another live process holds the data folder (as `judgehub serve` would): this one.
    fs.writeFileSync(
      path.join(dataDir, 'judgehub.lock'),
      JSON.stringify({
        pid: process.pid,
        hostname: os.hostname(),
        command: 'serve',
        since: new Date().toISOString(),
      }),
    );
    const { supervisor, states } = supervise({
      launch: launchOptions(dataDir),
      restartDelaysMs: [20, 40],
      maxRestarts: 3,
    });

    const outcome = await supervisor.start();

    expect(outcome.ok).toBe(false);
    expect(
      states.filter((s) => s.status === 'restarting').map((s) => 'retryInMs' in s && s.retryInMs),
    ).toEqual([20, 40, 40]);
    expect(supervisor.state.status).toBe('failed');
    const reason = supervisor.state.status === 'failed' ? supervisor.state.reason : '';
    expect(reason).toMatch(/in use by `judgehub serve` \(process \d+/);
    expect(!outcome.ok && outcome.reason).toBe(reason);
  });
});

describe('HubSupervisor with a misbehaving hub process', () => {
  test('a hub that never says ready times out with a clear error and is killed', async () => {
    const fork = forkHubProcess(fakeHubEntry('setInterval(() => {}, 1000);'));
    const spawned: HubProcess[] = [];
    const { supervisor, states } = supervise({
      spawn: () => {
        const child = fork();
        spawned.push(child);
        return child;
      },
      launch: launchOptions(tempDir()),
      readyTimeoutMs: 300,
      maxRestarts: 0,
    });

    const startedAt = Date.now();
    const outcome = await supervisor.start();

    expect(outcome).toEqual({
      ok: false,
      reason: 'The hub did not report ready within 300 ms, so it was stopped.',
    });
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(states.map((s) => s.status)).toEqual(['starting', 'failed']);
    expect(spawned).toHaveLength(1);
    expect(isAlive(spawned[0]!.pid!)).toBe(false);
  });

  test('a hub that ignores stop is killed after the stop timeout, and that is reported', async () => {
    const entry = fakeHubEntry(`
      process.on('message', (m) => { if (m.type === 'start') process.send(${READY_MESSAGE}); });
      setInterval(() => {}, 1000);
    `);
    const { supervisor } = supervise({
      spawn: forkHubProcess(entry),
      launch: launchOptions(tempDir()),
      stopTimeoutMs: 300,
    });
    expect((await supervisor.start()).ok).toBe(true);

    const outcome = await supervisor.stop();

    expect(outcome).toEqual({ clean: false, detail: 'killed after 300 ms without stopping' });
    expect(supervisor.state.status).toBe('stopped');
  });

  test('a message that does not parse is ignored, not taken for ready', async () => {
    const entry = fakeHubEntry(`
      process.on('message', (m) => {
        if (m.type !== 'start') return;
        process.send({ type: 'ready', hub: { port: 'not a port' }, links: {} });
        process.send({ type: 'error', code: 'port-in-use', message: 'Port 7420 is already in use' });
        setTimeout(() => process.exit(1), 50);
      });
    `);
    const { supervisor, states } = supervise({
      spawn: forkHubProcess(entry),
      launch: launchOptions(tempDir()),
      maxRestarts: 0,
    });

    const outcome = await supervisor.start();

    expect(outcome).toEqual({ ok: false, reason: 'Port 7420 is already in use' });
    expect(states.map((s) => s.status)).toEqual(['starting', 'failed']);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
