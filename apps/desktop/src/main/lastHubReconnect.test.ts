import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createMemoryLogger, startHub, type RunningHub } from '@judgehub/hub';
import { probeHub } from './hubProbe.js';
import { LastHubReconnect } from './lastHubReconnect.js';
import type { RememberedHub } from './settingsStore.js';

// Real hubs on loopback, real probes: the judge's laptop looking for the hub it joined last.
const hubs: RunningHub[] = [];
const dirs: string[] = [];
const loops: LastHubReconnect[] = [];

afterEach(async () => {
  for (const loop of loops.splice(0)) loop.cancel();
  await Promise.all(hubs.splice(0).map((h) => h.close()));
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-reconnect-'));
  dirs.push(dir);
  return dir;
}

async function hubOn(dir: string, port: number): Promise<RunningHub> {
  const hub = await startHub({ dataDir: dir, port, host: '127.0.0.1', log: createMemoryLogger() });
  hubs.push(hub);
  return hub;
}

async function stop(hub: RunningHub): Promise<void> {
  hubs.splice(hubs.indexOf(hub), 1);
  await hub.close();
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function looking(candidates: (hub: RememberedHub) => string[], intervalMs = 100) {
  const joined: { origin: string; hubId: string | null }[] = [];
  const probed: string[] = [];
  const loop = new LastHubReconnect({
    probe: (origin) => {
      probed.push(origin);
      return probeHub(origin, { timeoutMs: 1_000 });
    },
    candidates,
    join: (origin, _hub, hubId) => joined.push({ origin, hubId }),
    onChange: () => undefined,
    intervalMs,
  });
  loops.push(loop);
  return { loop, joined, probed };
}

describe('getting back to the last hub', () => {
  test('while the hub is away it keeps trying and says why; once it is back it is joined', async () => {
    const port = await freePort();
    const dir = dataDir();
    const first = await hubOn(dir, port);
    const remembered: RememberedHub = {
      origin: `http://127.0.0.1:${port}`,
      hubId: first.hubId,
      eventName: 'Robotics Regional',
      page: '/judge',
    };
    await stop(first);
    const { loop, joined } = looking((hub) => [hub.origin]);

    loop.start(remembered);

    // A round raises the attempt count as it starts; the view says "waiting" once it has failed.
    await until(
      () => (loop.view?.attempt ?? 0) >= 3 && loop.view?.waiting === true,
      'three failed attempts',
    );
    expect(loop.view).toMatchObject({
      label: 'Robotics Regional',
      address: `127.0.0.1:${port}`,
      waiting: true,
    });
    expect(loop.problem).toMatchObject({
      reason: 'unreachable',
      message: expect.stringContaining(`Nothing answers at 127.0.0.1:${port}`),
    });
    expect(joined).toEqual([]);

    await hubOn(dir, port);

    await until(() => joined.length > 0, 'the hub to be joined');
    expect(joined).toEqual([{ origin: remembered.origin, hubId: first.hubId }]);
    expect(loop.view).toBeNull();
    expect(loop.problem).toBeNull();
  });

  test('another hub at the old address is never joined; ours at its new address is', async () => {
    const ours = await hubOn(dataDir(), 0);
    const stranger = await hubOn(dataDir(), 0);
    const remembered: RememberedHub = {
      origin: stranger.url, // the old address, handed to another laptop since
      hubId: ours.hubId,
      eventName: '',
      page: '/join',
    };
    let announced: string[] = [];
    const { loop, joined } = looking((hub) => [hub.origin, ...announced]);

    loop.start(remembered);

    await until(() => loop.view?.waiting === true, 'a failed round');
    expect(joined).toEqual([]);
    expect(loop.problem).toMatchObject({
      reason: 'not-found',
      message: expect.stringContaining(`Another hub answers at ${new URL(stranger.url).host} now`),
    });

    announced = [ours.url]; // mDNS: our hub id, at a new address
    loop.nudge();

    await until(() => joined.length > 0, 'our hub to be joined');
    expect(joined).toEqual([{ origin: ours.url, hubId: ours.hubId }]);
  });

  test('choosing another hub stops the looking', async () => {
    const port = await freePort();
    const { loop, probed } = looking(() => [`http://127.0.0.1:${port}`], 50);
    loop.start({ origin: `http://127.0.0.1:${port}`, hubId: null, eventName: '', page: '/join' });
    await until(() => probed.length >= 2, 'two probes');

    loop.cancel();
    const count = probed.length;
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(loop.view).toBeNull();
    expect(probed.length).toBeLessThanOrEqual(count + 1);
  });
});
