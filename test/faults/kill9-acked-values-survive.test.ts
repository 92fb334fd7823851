import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoEvent, readSheets, sheetEntries, sheetsDocName } from '@judgehub/model';
import { createMemoryLogger, startHub } from '@judgehub/hub';
import { HubChild, freeLoopbackPort } from '../helpers/hubChild.js';
import { ScoringDevice } from '../helpers/scoringDevice.js';
import { scoreSlots } from '../helpers/scoreSlots.js';
import { SeededRandom } from '../helpers/seededRandom.js';
import { waitFor } from '../helpers/waitFor.js';

const SEED = 20261122;
const KILLS = 50;
const event = demoEvent();
/** Ten devices: every judge's tablet, and a second device for three of them (same sheet). */
const DEVICES = [
  ...event.judges.map((j) => ({ judgeId: j.id, device: `${j.id}-tablet` })),
  ...event.judges.slice(0, 3).map((j) => ({ judgeId: j.id, device: `${j.id}-laptop` })),
];
const DOC_NAMES = [...new Set(DEVICES.map((d) => sheetsDocName(d.judgeId)))];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The sheet entries a hub starting on `dataDir` would serve, read by the hub's own start-up path
 * (integrity check, log replay) from a copy of the folder as the kill left it, so the real folder
 * is not touched (not even checkpointed) before the killed hub restarts on it.
 */
async function entriesOnDisk(dataDir: string): Promise<{
  entries: Map<string, Set<string>>;
  skippedRows: number;
}> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-kill9-copy-'));
  try {
    // The -shm index is rebuilt from the WAL on open, as after any crash.
    fs.cpSync(dataDir, copy, { recursive: true, filter: (src) => !src.endsWith('-shm') });
    const log = createMemoryLogger();
    const hub = await startHub({ dataDir: copy, port: 0, host: '127.0.0.1', webRoot: null, log });
    try {
      const entries = new Map<string, Set<string>>();
      for (const name of DOC_NAMES)
        entries.set(name, new Set(sheetEntries(hub.registry.get(name).doc).keys()));
      const skippedRows = log.records.filter((r) => r.event === 'store.row_skipped').length;
      return { entries, skippedRows };
    } finally {
      await hub.close();
    }
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

describe('kill -9 of the hub while ten devices score', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-kill9-'));
  let hub: HubChild | null = null;
  const devices: ScoringDevice[] = [];
  const timers = new Set<NodeJS.Timeout>();

  afterAll(async () => {
    for (const timer of timers) clearTimeout(timer);
    for (const device of devices) device.destroy();
    await hub?.kill9();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(`keeps every acked value through ${KILLS} kills at random moments, and every device converges (seed ${SEED})`, async () => {
    const random = new SeededRandom(SEED);
    const port = await freeLoopbackPort();
    hub = new HubChild({ dataDir, port, host: '127.0.0.1' });
    await hub.start();
    const firstGeneration = hub.generation;

    for (const [i, plan] of DEVICES.entries()) {
      const token = hub.judgeTokens.get(plan.judgeId);
      if (!token) throw new Error(`the hub printed no link for ${plan.judgeId}:\n${hub.output()}`);
      const device = new ScoringDevice({
        ...plan,
        token,
        serverUrl: `ws://127.0.0.1:${port}/sync`,
        slots: scoreSlots(event, plan.judgeId),
        minBackoffMs: 30,
        maxBackoffMs: 300,
      });
      devices.push(device);
      device.connect();
      // Each device has its own stream of values and pauses, independent of the kill timing.
      const own = new SeededRandom(SEED + 1 + i);
      const scoreNext = () => {
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            device.commitRandom(own);
            scoreNext();
          },
          own.int(20, 100),
        );
        timers.add(timer);
      };
      scoreNext();
    }
    await waitFor(() => devices.every((d) => d.sync!.status.synced), 10_000, 'first sync');

    /** Entry id → the kill before which a device was told it is on the hub's disk. */
    const ackedBeforeKill = new Map<string, number>();
    let killsWithUnackedValues = 0;
    const timing = { start: 0, check: 0 };
    for (let kill = 1; kill <= KILLS; kill++) {
      // Some kills land while devices are still reconnecting and re-sending, most mid-scoring.
      await sleep(random.chance(0.3) ? random.int(0, 150) : random.int(150, 500));
      await hub.kill9();
      // Acks the hub sent before it died may still be in flight: wait until every device has
      // seen its connection drop, so they all count as claims the restarted hub must honour.
      await waitFor(
        () => devices.every((d) => d.sync!.status.state !== 'online'),
        5_000,
        `every device to notice kill ${kill}`,
      );
      let unacked = 0;
      const claimed = new Map<string, string[]>();
      for (const device of devices) {
        for (const entry of device.committed) {
          if (ackedBeforeKill.has(entry.id)) continue;
          if (device.isDurable(entry.id)) ackedBeforeKill.set(entry.id, kill);
          else unacked++;
        }
        // Any entry a device shows as "saved on hub", its own or another device's, counts.
        const ids = claimed.get(device.docName) ?? [];
        for (const id of device.entries.keys()) if (device.isDurable(id)) ids.push(id);
        claimed.set(device.docName, ids);
      }
      if (unacked > 0) killsWithUnackedValues++;

      const checkStarted = Date.now();
      const disk = await entriesOnDisk(dataDir);
      timing.check += Date.now() - checkStarted;
      const lost = [...claimed].flatMap(([doc, ids]) =>
        ids.filter((id) => !disk.entries.get(doc)?.has(id)).map((id) => `${doc} ${id}`),
      );
      if (lost.length > 0)
        throw new Error(
          `${lost.length} values acked before kill ${kill} are missing from the disk, e.g. ` +
            `${lost.slice(0, 5).join(', ')}\nhub output:\n${hub.output().slice(-3000)}`,
        );
      expect(disk.skippedRows, `rows that failed to load after kill ${kill}`).toBe(0);

      const startStarted = Date.now();
      await hub.start();
      timing.start += Date.now() - startStarted;
      expect(hub.generation, 'the hub restarted on the same data folder').toBe(
        firstGeneration + kill,
      );
    }

    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    const committed = devices.reduce((n, d) => n + d.committed.length, 0);
    console.log(
      `kill9 (seed ${SEED}): ${KILLS} kills, ${committed} values committed, ` +
        `${ackedBeforeKill.size} acked before a kill, ${killsWithUnackedValues} kills with unacked values; ` +
        `${timing.start} ms restarting, ${timing.check} ms reading the disk`,
    );
    expect(ackedBeforeKill.size, 'values acked during the run').toBeGreaterThan(committed / 2);
    expect(killsWithUnackedValues, 'kills that landed while values were unsaved').toBeGreaterThan(
      KILLS / 2,
    );

    // Every device reconnects by itself, sends what the hub lacks, and sees it all saved.
    const stateVectorsAgree = () =>
      DOC_NAMES.every((name) => {
        const [first, ...rest] = devices
          .filter((d) => d.docName === name)
          .map((d) => Buffer.from(Y.encodeStateVector(d.doc)).toString('base64'));
        return rest.every((sv) => sv === first);
      });
    await waitFor(
      () =>
        devices.every((d) => d.sync!.status.synced && d.notDurable().length === 0) &&
        stateVectorsAgree(),
      30_000,
      'every device synced, every value saved on the hub, replicas of each sheet equal',
    );

    // What the hub stored is exactly what every device shows.
    await hub.stop();
    const stored = await startHub({
      dataDir,
      port: 0,
      host: '127.0.0.1',
      webRoot: null,
      log: createMemoryLogger(),
    });
    try {
      for (const name of DOC_NAMES) {
        const hubDoc = stored.registry.get(name).doc;
        const onHub = sheetEntries(hubDoc);
        for (const device of devices.filter((d) => d.docName === name)) {
          const missing = device.committed.filter((e) => !onHub.has(e.id)).map((e) => e.id);
          expect(missing, `${device.options.device}: committed values missing on the hub`).toEqual(
            [],
          );
          expect(Y.encodeStateVector(device.doc)).toEqual(Y.encodeStateVector(hubDoc));
          expect(readSheets(device.doc)).toEqual(readSheets(hubDoc));
        }
      }
    } finally {
      await stored.close();
    }
  }, 180_000);
});
