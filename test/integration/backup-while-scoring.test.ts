import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { commitField, criterionField, sheetEntries } from '@judgehub/model';
import { DocSync } from '@judgehub/sync-client';
import { backupDatabase, restoreDatabase } from '@judgehub/store';
import { TestHubs, tokenFor, type TestHub } from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';
import { BrowserLikeWebSocketImpl } from '../helpers/browserLikeWebSocket.js';

const hubs = new TestHubs();
const syncs: DocSync[] = [];
afterEach(async () => {
  for (const s of syncs.splice(0)) s.destroy();
  await hubs.cleanup();
});

function tablet(testHub: TestHub, doc: Y.Doc): DocSync {
  const sync = new DocSync({
    serverUrl: testHub.syncUrl,
    docName: 'sheets/J1',
    token: tokenFor(testHub, 'judge', 'J1'),
    doc,
    eventId: 'demo-2026',
    WebSocketImpl: BrowserLikeWebSocketImpl,
    minBackoffMs: 50,
    maxBackoffMs: 200,
  });
  syncs.push(sync);
  return sync;
}

const TEAMS = ['T01', 'T03', 'T05', 'T08', 'T10', 'T12'];
const CRITERIA = ['mechanical', 'programming', 'strategy', 'innovation'];

/** The n-th distinct score J1 can give in Robot Design (team × criterion, value 1–10). */
function score(doc: Y.Doc, n: number): void {
  commitField(doc, {
    teamId: TEAMS[Math.floor(n / CRITERIA.length) % TEAMS.length]!,
    categoryId: 'robot-design',
    field: criterionField(CRITERIA[n % CRITERIA.length]!),
    value: (n % 10) + 1,
    author: 'J1',
    device: 'tablet-1',
  });
}

const allDurable = (sync: DocSync, doc: Y.Doc) =>
  [...sheetEntries(doc).keys()].every((k) => sync.isMapEntryDurable(sheetEntries(doc), k));

describe('backup while judges score', () => {
  it('takes a consistent copy mid-scoring; a hub restored from it gets the rest back from the tablet', async () => {
    const live = await hubs.start();
    const doc = new Y.Doc();
    const sync = tablet(live, doc);
    for (let n = 0; n < 10; n++) score(doc, n);
    await waitFor(() => allDurable(sync, doc), 5_000, 'first 10 values saved on hub');
    const ackedBeforeBackup = new Set(sheetEntries(doc).keys());

    // The judge keeps scoring while the backup runs.
    const out = path.join(hubs.makeDataDir(), 'event-backup.sqlite');
    let n = 10;
    // Some values are in flight as the backup starts (a fast backup may finish before the
    // timer fires even once), and more keep coming while it runs.
    while (n < 15) score(doc, n++);
    const scoring = setInterval(() => score(doc, n++), 2);
    const backup = await backupDatabase(live.dataDir, out);
    clearInterval(scoring);
    expect(backup).toEqual({ ok: true, bytes: expect.any(Number) });
    await waitFor(() => allDurable(sync, doc), 5_000, 'every value saved on the live hub');
    const total = sheetEntries(doc).size;
    expect(total).toBeGreaterThan(10);

    // A second backup to the same file is refused, not overwritten.
    expect(await backupDatabase(live.dataDir, out)).toEqual({
      ok: false,
      problem: expect.stringContaining('already exists'),
    });

    // The venue laptop dies; the organiser restores the backup on another machine.
    await hubs.stop(live);
    sync.destroy();
    const restoredDir = path.join(hubs.makeDataDir(), 'restored');
    expect(await restoreDatabase(out, restoredDir)).toEqual({ ok: true, file: expect.any(String) });
    const restored = await hubs.start({ dataDir: restoredDir });
    const onRestored = sheetEntries(restored.hub.registry.get('sheets/J1').doc);
    for (const id of ackedBeforeBackup) expect(onRestored.has(id)).toBe(true);

    // The tablet reconnects to the restored hub and sends what the backup did not have.
    const again = tablet(restored, doc);
    await waitFor(
      () => again.status.synced && allDurable(again, doc),
      5_000,
      'all values saved on restored hub',
    );
    expect(onRestored.size).toBe(total);

    // Restoring over an existing database is refused and changes nothing.
    const before = fs.readFileSync(path.join(restoredDir, 'judgehub.sqlite'));
    expect(await restoreDatabase(out, restoredDir)).toEqual({
      ok: false,
      problem: expect.stringContaining('already holds a database'),
    });
    expect(fs.readFileSync(path.join(restoredDir, 'judgehub.sqlite')).equals(before)).toBe(true);
  });

  it('refuses a file that is not a JudgeHub backup', async () => {
    const dir = hubs.makeDataDir();
    const bogus = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(bogus, 'these are my notes, not a database');
    const result = await restoreDatabase(bogus, path.join(dir, 'target'));
    expect(result).toEqual({
      ok: false,
      problem: expect.stringContaining('not a usable JudgeHub backup'),
    });
    expect(fs.existsSync(path.join(dir, 'target'))).toBe(false);
  });
});
