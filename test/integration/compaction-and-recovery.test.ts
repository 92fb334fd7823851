import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { commitField, criterionField, readSheets, sheetEntries, sheetKey } from '@judgehub/model';
import { DATABASE_FILE } from '@judgehub/store';
import { TestHubs, tokenFor, type TestHub } from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';

const hubs = new TestHubs();
afterEach(() => hubs.cleanup());

// J1 judges T01 in Robot Design in the demo event; these are its 1–10 criteria.
const CRITERIA = ['mechanical', 'programming', 'strategy', 'innovation'];

/** Commits `count` values (from `firstValue` up) one by one from a J1 device and waits until the hub has them all. */
async function scoreAsJ1(
  testHub: TestHub,
  count: number,
  device: string,
  firstValue = 1,
): Promise<Y.Doc> {
  const doc = new Y.Doc();
  await hubs.connectSynced(testHub, 'sheets/J1', tokenFor(testHub, 'judge', 'J1'), doc);
  for (let i = 0; i < count; i++) {
    commitField(doc, {
      teamId: 'T01',
      categoryId: 'robot-design',
      field: criterionField(CRITERIA[i % CRITERIA.length]!),
      value: ((firstValue - 1 + i) % 10) + 1,
      author: 'J1',
      device,
    });
  }
  const hubDoc = testHub.hub.registry.get('sheets/J1').doc;
  await waitFor(
    () => sheetEntries(hubDoc).size === sheetEntries(doc).size,
    5_000,
    'hub has every entry',
  );
  testHub.hub.registry.flush();
  return doc;
}

describe('compaction and recovery', () => {
  it('folds a long log into a snapshot, keeps who changed what, and reloads every value', async () => {
    const first = await hubs.start({ compactAfter: 10 });
    const tablet = await scoreAsJ1(first, 25, 'tablet-1');
    const store = first.hub.store;

    expect(store.compaction.snapshot('sheets/J1')).not.toBeNull();
    expect(store.countUpdates('sheets/J1')).toBeLessThan(10);

    // Every one of the 25 scores is still in the audit trail, with who sent it.
    const history = store.compaction.history('sheets/J1', () => '{}');
    const retired = history.filter((h) => h.source === 'audit');
    const live = history.filter((h) => h.source === 'log');
    // One row per commit; compaction ran whenever 10 or more had gathered, so fewer than 10 are
    // left in the log and every other row was retired into the audit table.
    expect(retired.length + live.length).toBe(25);
    expect(live.length).toBeLessThan(10);
    expect(retired.every((h) => h.origin === 'judge:J1')).toBe(true);
    const auditedValues = retired.flatMap((h) =>
      (JSON.parse(h.changes) as { set: { value: { author: string; value: number } }[] }).set.map(
        (s) => s.value,
      ),
    );
    expect(auditedValues).toHaveLength(retired.length);
    expect(auditedValues.every((v) => v.author === 'J1' && typeof v.value === 'number')).toBe(true);

    const expected = readSheets(tablet).get(sheetKey('T01', 'robot-design'));
    await hubs.stop(first);

    const second = await hubs.start({ dataDir: first.dataDir, compactAfter: 10 });
    expect(second.hub.quarantined).toBe(0);
    const reread = new Y.Doc();
    await hubs.connectSynced(second, 'sheets/J1', tokenFor(second, 'organiser'), reread);
    expect(sheetEntries(reread).size).toBe(25);
    const sheet = readSheets(reread).get(sheetKey('T01', 'robot-design'));
    expect([...sheet!.values].map(([id, s]) => [id, s.value])).toEqual(
      [...expected!.values].map(([id, s]) => [id, s.value]),
    );
  });

  it('sets a damaged log row aside, says so, and loads and serves everything else', async () => {
    const first = await hubs.start();
    await scoreAsJ1(first, 3, 'tablet-1');
    await hubs.stop(first);

    // A row whose bytes are not a Yjs update (e.g. a torn write or a bad disk block).
    const db = new Database(path.join(first.dataDir, DATABASE_FILE));
    db.prepare('INSERT INTO updates (doc, data, origin, created_at) VALUES (?, ?, ?, ?)').run(
      'sheets/J1',
      Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37]),
      'judge:J1',
      Date.now(),
    );
    db.close();

    const second = await hubs.start({ dataDir: first.dataDir });
    expect(second.hub.quarantined).toBe(1);
    expect(
      second.log.records.some((r) => r.event === 'store.row_quarantined' && r.doc === 'sheets/J1'),
    ).toBe(true);
    expect(second.hub.store.compaction.quarantined()).toEqual([
      expect.objectContaining({ doc: 'sheets/J1', error: expect.any(String) }),
    ]);

    // The three good scores are there, and the hub still takes new ones.
    // A different value from the one already there, so it is a real change.
    const tablet = await scoreAsJ1(second, 1, 'tablet-2', 7);
    expect(sheetEntries(tablet).size).toBe(4);
    await hubs.stop(second);

    // The damaged row is out of the log for good: the next start is clean.
    const third = await hubs.start({ dataDir: first.dataDir });
    expect(third.hub.quarantined).toBe(0);
    expect(sheetEntries(third.hub.registry.get('sheets/J1').doc).size).toBe(4);
  });
});
