import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { DISPLAY_DOC, setDisplayMode } from '@judgehub/model';
import { TempFolders } from '../helpers/cliProcess.js';
import { parseCsvRecords as parseCsv } from '../helpers/csvRows.js';
import { fetchExport, startScoredHub } from '../helpers/exportsHub.js';
import { TestHubs, allTokens } from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';

/**
 * The audit log from a real hub's store: who changed what, when, on which device, with each score
 * change's old and new value, including rows that compaction already moved out of the log.
 */
describe('audit log export', () => {
  const hubs = new TestHubs();
  const temp = new TempFolders();
  afterEach(async () => {
    await hubs.cleanup();
    temp.cleanup();
  });

  it('lists every stored change, sheets field by field, oldest first, without tokens', async () => {
    // Compacting after 3 rows retires most of the log into the audit table before the export.
    const { testHub, organiser } = await startScoredHub(hubs, temp, { compactAfter: 3 });
    // The organiser switches the scoreboards to rotate from a stock client.
    const display = new Y.Doc();
    await hubs.connectSynced(testHub, DISPLAY_DOC, organiser, display);
    setDisplayMode(display, 'rotate', Date.now());
    await waitFor(
      () => testHub.hub.store.compaction.history(DISPLAY_DOC, () => '{}').length > 0,
      5_000,
      'display change stored',
    );
    expect(
      testHub.hub.store.compaction
        .history('sheets/J3', () => '{}')
        .some((e) => e.source === 'audit'),
    ).toBe(true);

    const answer = await fetchExport(testHub, organiser, 'audit-csv');
    expect(answer.headers.get('content-disposition')).toMatch(
      /filename="regional-2026-audit-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const text = answer.bytes.toString('utf8');
    const rows = parseCsv(text);
    for (const token of allTokens(testHub)) expect(text).not.toContain(token);

    // J3's tablet on the imported draft: set 7, changed 7 → 8, the comment, draft → submitted.
    const j3 = rows.filter((r) => r['Device'] === 'J3-tablet-a');
    expect(j3.map((r) => [r['Field'], r['Old value'], r['New value'], r['Change']])).toEqual([
      ['Clarity (clarity)', '', '7', 'set'],
      ['Clarity (clarity)', '7', '8', 'changed'],
      ['comment', '', 'Loud and clear.\nSlides: =SUM(A1:A3) looked odd.', 'set'],
      ['status', 'draft', 'submitted', 'changed'],
    ]);
    for (const r of j3) {
      expect(r).toMatchObject({
        Role: 'judge',
        'Judge ID': 'J3',
        Judge: "'@Handle Judge",
        Author: 'J3',
        Document: 'sheets/J3',
        'Team ID': 'T1',
        Team: "'=Equals Engineers",
        'Category ID': 'pitch',
      });
      expect(r['Received (UTC)']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(r['Device time (UTC)']).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    // The imported sheets are there too, from the import "device", written by the hub.
    const imported = rows.find(
      (r) =>
        r['Document'] === 'sheets/J1' &&
        r['Team ID'] === 'T1' &&
        r['Field'] === 'Penalties (penalty)',
    );
    expect(imported).toMatchObject({
      Role: 'hub',
      Device: 'import',
      'New value': '-1',
      Author: 'J1',
    });
    // Other documents: one summarised row per change.
    const modeChange = rows.find((r) => r['Document'] === 'display' && r['Role'] === 'organiser');
    expect(modeChange?.['Change']).toContain('mode = rotate');
    expect(
      rows.some(
        (r) => r['Document'] === 'event' && r['Change']?.includes('teams: T1, T2, T3, T4 set'),
      ),
    ).toBe(true);
    // Oldest first, by the order the hub stored them.
    const ids = rows.map((r) => Number(r['Log row']));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});
