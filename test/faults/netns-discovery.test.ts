import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEvent, PROTOCOL_VERSION } from '@judgehub/model';
import { DiscoverProcess } from '../helpers/discoverProcess.js';
import { HubChild } from '../helpers/hubChild.js';
import { NetnsPair, netnsSkipReason } from '../helpers/netnsPair.js';

const skipReason = netnsSkipReason();
if (skipReason) console.warn(`netns-discovery: skipped, ${skipReason}`);

const run = promisify(execFile);
const HUB_PORT = 7420;
/** A goodbye arrives at once; without one, `judgehub discover` waits ~17 s before "gone". */
const GOODBYE_LIMIT_MS = 5_000;

/** The fields of the first JSON log line of `event` the hub printed. */
function logRecord(output: string, event: string): Record<string, unknown> | undefined {
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const record = JSON.parse(line) as Record<string, unknown>;
    if (record.event === event) return record;
  }
  return undefined;
}

describe('a tablet finds the hub on the venue network over mDNS', () => {
  const pair = new NetnsPair('D', 43);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-discovery-'));
  const hubs: HubChild[] = [];
  let tablet: DiscoverProcess | null = null;
  let hubId = '';

  const startHub = async (host: string) => {
    const hub = new HubChild({
      dataDir,
      port: HUB_PORT,
      host,
      prefix: pair.exec(pair.hubNs),
      mdns: true,
    });
    hubs.push(hub);
    await hub.start();
    return hub;
  };

  /** What the tablet gets from the address and port it discovered: /api/health. */
  const healthFromTablet = async (address: string, port: number) => {
    const script = `fetch('http://${address}:${port}/api/health').then((r) => r.json()).then((j) => console.log(JSON.stringify(j)))`;
    const { stdout } = await run(
      'ip',
      ['netns', 'exec', pair.tabletNs, process.execPath, '-e', script],
      { timeout: 10_000 },
    );
    return JSON.parse(stdout) as { hubId?: string };
  };

  beforeAll(() => {
    if (skipReason) return;
    pair.create();
    tablet = new DiscoverProcess(pair.exec(pair.tabletNs));
  });

  afterAll(async () => {
    // Every step runs even if one fails, so the namespaces are always deleted.
    const steps: (() => unknown)[] = [
      () => tablet?.stop(),
      ...hubs.map((hub) => () => hub.kill9()),
      () => pair.destroy(),
      () => fs.rmSync(dataDir, { recursive: true, force: true }),
    ];
    const failures: unknown[] = [];
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, 'netns-discovery cleanup failed');
  });

  it.skipIf(skipReason !== null)(
    'lists the hub with its event, hub id and protocol, and drops it on its goodbye',
    async () => {
      const hub = await startHub(pair.hubAddress);
      expect(hub.output()).toContain(
        `mDNS:          _judgehub._tcp on ${pair.hubVeth} (${pair.hubAddress})`,
      );
      const eventId = logRecord(hub.output(), 'event.created')?.eventId;
      expect(eventId).toMatch(/^demo-/);

      const up = await tablet!.next((c) => c.type === 'up', 15_000, 'hub found');
      hubId = up.hub.hubId;
      expect(up.hub).toEqual({
        hubId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        eventId,
        eventName: demoEvent().settings.name,
        protocolVersion: PROTOCOL_VERSION,
        path: '/sync',
        tls: false,
        port: HUB_PORT,
        addresses: [pair.hubAddress],
      });
      // What was found is reachable from the tablet, and is that very hub.
      expect((await healthFromTablet(pair.hubAddress, HUB_PORT)).hubId).toBe(hubId);

      const stoppedAt = Date.now();
      expect(await hub.stop()).toEqual({ code: 0, signal: null });
      const down = await tablet!.next((c) => c.type === 'down', GOODBYE_LIMIT_MS, 'hub gone');
      expect(down).toMatchObject({ reason: 'goodbye', hub: { hubId } });
      expect(Date.now() - stoppedAt).toBeLessThan(GOODBYE_LIMIT_MS);
    },
    60_000,
  );

  it.skipIf(skipReason !== null)(
    'keeps the hub id across restarts, follows a new address, and drops a hub that died silently',
    async () => {
      // Listening on every interface, so the hub itself picks the interface and its address.
      const hub = await startHub('0.0.0.0');
      const up = await tablet!.next((c) => c.type === 'up', 15_000, 'restarted hub found');
      expect(up.hub).toMatchObject({ hubId, addresses: [pair.hubAddress] });

      // A new DHCP lease: the old address is gone, the hub re-announces on the new one.
      const newAddress = pair.hubAddress.replace(/\.1$/, '.7');
      await run('ip', ['-n', pair.hubNs, 'addr', 'flush', 'dev', pair.hubVeth]);
      await run('ip', ['-n', pair.hubNs, 'addr', 'add', `${newAddress}/24`, 'dev', pair.hubVeth]);
      const moved = await tablet!.next(
        (c) => c.type === 'update' && c.hub.addresses[0] === newAddress,
        15_000,
        'hub at its new address',
      );
      expect(moved.hub.hubId).toBe(hubId);
      expect((await healthFromTablet(newAddress, HUB_PORT)).hubId).toBe(hubId);

      // No goodbye from a killed hub (nor from the vanished address): the tablet stops seeing
      // answers and lets the hub go once its last announcement is too old.
      await hub.kill9();
      const down = await tablet!.next((c) => c.type === 'down', 30_000, 'dead hub dropped');
      expect(down).toMatchObject({ reason: 'expired', hub: { hubId } });
      expect(down.hub.addresses[0]).toBe(newAddress);
    },
    90_000,
  );
});
