import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  demoEvent,
  readSheets,
  sheetEntries,
  sheetKey,
  type FieldState,
  type SheetEntry,
} from '@judgehub/model';
import { TestHubs, tokenFor, type TestHub } from '../helpers/testHubs.js';
import { ScoringDevice } from '../helpers/scoringDevice.js';
import { scoreSlots, type ScoreSlot } from '../helpers/scoreSlots.js';
import { SeededRandom } from '../helpers/seededRandom.js';
import { waitFor } from '../helpers/waitFor.js';

const event = demoEvent();
/** Eight devices on three sheets: three devices each for J1 and J2, two for J3. */
const DEVICES = [
  ['J1', 'a'],
  ['J1', 'b'],
  ['J1', 'c'],
  ['J2', 'a'],
  ['J2', 'b'],
  ['J2', 'c'],
  ['J3', 'a'],
  ['J3', 'b'],
] as const;
const STEPS = 400;

/** The same criterion edited on two devices that could not see each other's edit. */
interface PlannedConflict {
  docName: string;
  slot: ScoreSlot;
  edits: [SheetEntry, SheetEntry];
  resolution: SheetEntry | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const slotKey = (docName: string, slot: ScoreSlot) =>
  `${docName}|${slot.teamId}|${slot.categoryId}|${slot.criterionId}`;

function fieldState(doc: Y.Doc, slot: ScoreSlot): FieldState<number> | undefined {
  return readSheets(doc).get(sheetKey(slot.teamId, slot.categoryId))?.values.get(slot.criterionId);
}

/** Ids of the values a replica shows as unresolved alternatives for a criterion. */
const conflictIds = (state: FieldState<number> | undefined) =>
  (state?.conflicts ?? []).map((e) => e.id);

describe('seeded random edits and partitions converge', () => {
  const hubs = new TestHubs();
  const devices: ScoringDevice[] = [];
  afterEach(async () => {
    for (const device of devices.splice(0)) device.destroy();
    await hubs.cleanup();
  });

  it.each([1337, 2024, 77])(
    'eight devices on three sheets end equal, with nothing lost and conflicts kept (seed %i)',
    async (seed) => {
      const random = new SeededRandom(seed);
      const testHub: TestHub = await hubs.start();
      for (const [judgeId, letter] of DEVICES) {
        devices.push(
          new ScoringDevice({
            judgeId,
            device: `${judgeId}-${letter}`,
            token: tokenFor(testHub, 'judge', judgeId),
            serverUrl: testHub.syncUrl,
            slots: scoreSlots(event, judgeId),
            minBackoffMs: 10,
            maxBackoffMs: 150,
          }),
        );
      }
      for (const device of devices) device.connect();
      await waitFor(() => devices.every((d) => d.sync?.status.synced), 5_000, 'first sync');

      const docNames = [...new Set(devices.map((d) => d.docName))];
      /** Criteria kept for conflicts: random edits never touch them, so their heads are known. */
      const reserved = new Set<string>();
      const edited = new Set<string>();
      const conflicts: PlannedConflict[] = [];
      const online = () => devices.filter((d) => d.sync);
      const offline = () => devices.filter((d) => !d.sync);
      const counts = { edits: 0, partitions: 0, heals: 0, drops: 0, conflicts: 0, resolved: 0 };

      for (let step = 0; step < STEPS; step++) {
        const roll = random.next();
        if (roll < 0.5) {
          const device = random.pick(devices);
          const slots = device.options.slots.filter(
            (s) => !reserved.has(slotKey(device.docName, s)),
          );
          const slot = random.pick(slots);
          if (device.commit(slot, random.pick(slot.values))) {
            edited.add(slotKey(device.docName, slot));
            counts.edits++;
          }
        } else if (roll < 0.6) {
          const candidates = online();
          if (candidates.length > 0) {
            random.pick(candidates).disconnect();
            counts.partitions++;
          }
        } else if (roll < 0.72) {
          const candidates = offline();
          if (candidates.length > 0) {
            random.pick(candidates).connect();
            counts.heals++;
          }
        } else if (roll < 0.77) {
          // The socket drops mid-traffic; the device reconnects by itself.
          const candidates = online();
          if (candidates.length > 0) {
            random.pick(candidates).sync!.reconnectNow();
            counts.drops++;
          }
        } else if (roll < 0.83) {
          const docName = random.pick(docNames);
          const sameSheet = devices.filter((d) => d.docName === docName);
          const first = random.pick(sameSheet);
          const second = random.pick(sameSheet.filter((d) => d !== first));
          const fresh = first.options.slots.filter((s) => {
            const key = slotKey(docName, s);
            return !reserved.has(key) && !edited.has(key);
          });
          if (fresh.length === 0) continue;
          const slot = random.pick(fresh);
          reserved.add(slotKey(docName, slot));
          // At least one of the two is cut off before either edits, so neither sees the other.
          first.disconnect();
          if (random.chance(0.5)) second.disconnect();
          const firstValue = random.pick(slot.values);
          const secondValue = random.pick(slot.values.filter((v) => v !== firstValue));
          const a = first.commit(slot, firstValue)!;
          if (random.chance(0.5)) await sleep(random.int(0, 20));
          const b = second.commit(slot, secondValue)!;
          conflicts.push({ docName, slot, edits: [a, b], resolution: null });
          counts.conflicts++;
        } else if (roll < 0.87) {
          // A device that sees both values of a conflict resolves it by committing on top.
          const open = conflicts.filter((c) => !c.resolution);
          const conflict = open.length > 0 ? random.pick(open) : null;
          const resolver = conflict
            ? devices.find(
                (d) =>
                  d.docName === conflict.docName &&
                  conflict.edits.every((e) => d.entries.has(e.id)),
              )
            : undefined;
          if (conflict && resolver) {
            const before = fieldState(resolver.doc, conflict.slot);
            const shown = before?.entry;
            const other = conflict.edits.find((e) => e.id !== shown?.id)!;
            expect(
              conflictIds(before),
              `${resolver.options.device} shows the other value before resolving`,
            ).toContain(other.id);
            conflict.resolution = resolver.commit(conflict.slot, random.pick(conflict.slot.values));
            expect(conflict.resolution, 'a commit on a conflict is never a no-op').not.toBeNull();
            counts.resolved++;
          }
        } else {
          await sleep(random.int(1, 30));
        }
        await sleep(random.int(0, 3));
      }

      // Every device comes back; the hub and all replicas of a sheet must end identical.
      for (const device of offline()) device.connect();
      const hubDoc = (name: string) => testHub.hub.registry.get(name).doc;
      const sameAsHub = (d: ScoringDevice) =>
        Buffer.from(Y.encodeStateVector(d.doc)).equals(
          Buffer.from(Y.encodeStateVector(hubDoc(d.docName))),
        );
      await waitFor(
        () =>
          devices.every(
            (d) => d.sync?.status.synced && d.notDurable().length === 0 && sameAsHub(d),
          ),
        20_000,
        'every device synced, equal to the hub, every value saved on the hub',
      );
      console.log(`seeded convergence (seed ${seed}): ${JSON.stringify(counts)}`);
      expect(counts.conflicts, 'conflicts the schedule created').toBeGreaterThan(2);
      expect(counts.partitions, 'partitions the schedule created').toBeGreaterThan(10);

      // What a fresh hub loads from the data folder is what every device shows.
      for (const device of devices) device.disconnect();
      await hubs.stop(testHub);
      const restarted = await hubs.start({ dataDir: testHub.dataDir });
      for (const name of docNames) {
        const stored = restarted.hub.registry.get(name).doc;
        const committed = devices.filter((d) => d.docName === name).flatMap((d) => d.committed);
        const onDisk = sheetEntries(stored);
        expect(
          committed.filter((e) => !onDisk.has(e.id)).map((e) => e.id),
          `${name}: committed values missing on the hub`,
        ).toEqual([]);
        for (const device of devices.filter((d) => d.docName === name)) {
          expect(Y.encodeStateVector(device.doc)).toEqual(Y.encodeStateVector(stored));
          expect(readSheets(device.doc)).toEqual(readSheets(stored));
        }
      }

      for (const conflict of conflicts) {
        for (const replica of [
          restarted.hub.registry.get(conflict.docName).doc,
          ...devices.filter((d) => d.docName === conflict.docName).map((d) => d.doc),
        ]) {
          const state = fieldState(replica, conflict.slot);
          const where = `${conflict.docName} ${slotKey('', conflict.slot)}`;
          if (conflict.resolution) {
            expect(state?.value, `${where}: resolved value`).toBe(conflict.resolution.value);
            expect(conflictIds(state), `${where}: nothing left to resolve`).toEqual([]);
            continue;
          }
          expect(
            state?.heads.map((e) => e.id).sort(),
            `${where}: both concurrent values are heads`,
          ).toEqual(conflict.edits.map((e) => e.id).sort());
          const shown = state!.entry;
          const other = conflict.edits.find((e) => e.id !== shown.id)!;
          expect(state!.conflicts, `${where}: the other value is kept`).toEqual([other]);
        }
      }
    },
    60_000,
  );
});
