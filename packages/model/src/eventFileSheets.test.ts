import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseEventFile, type EventFile } from './eventFile.js';
import { commitFileSheet, eventFileSheets } from './eventFileSheets.js';
import {
  commitField,
  criterionField,
  readSheets,
  sheetEntries,
  type ScoreSheet,
} from './sheetDoc.js';

const FULL = new URL(
  '../../../test/fixtures/event-files/good/full-with-sheets.json',
  import.meta.url,
);

function fullFile(): EventFile {
  const result = parseEventFile(fs.readFileSync(FULL, 'utf8'));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.file;
}

/** One Y.Doc per judge holding the file's sheets, as `judgehub import` writes them. */
function importSheets(file: EventFile): Map<string, Y.Doc> {
  const docs = new Map(file.event.judges.map((j) => [j.id, new Y.Doc()]));
  for (const sheet of file.sheets) commitFileSheet(docs.get(sheet.judgeId)!, sheet, 'import');
  return docs;
}

function read(docs: Map<string, Y.Doc>): Map<string, Map<string, ScoreSheet>> {
  return new Map([...docs].map(([judgeId, doc]) => [judgeId, readSheets(doc)]));
}

describe('event file sheets in judges’ documents', () => {
  it('come back out exactly as they went in', () => {
    const file = fullFile();
    expect(eventFileSheets(file.event, read(importSheets(file)))).toEqual({
      sheets: file.sheets,
      notes: [],
    });
  });

  it('are written as the judge’s own commits from the import, status last', () => {
    const file = fullFile();
    const doc = importSheets(file).get('J1')!;
    const entries = [...sheetEntries(doc).values()];
    expect(new Set(entries.map((e) => `${e.author}/${e.device}`))).toEqual(new Set(['J1/import']));
    const sheet = readSheets(doc).get('T1|design')!;
    expect(sheet.status).toBe('submitted');
    expect(sheet.values.get('penalty')?.value).toBe(-1);
    expect(sheet.comment?.value).toBe('Great robot,\nbut "shaky" arm');
  });

  it('note what a re-import could not take, and leave it out', () => {
    const file = fullFile();
    const docs = importSheets(file);
    const j2 = docs.get('J2')!;
    const commit = (
      teamId: string,
      field: Parameters<typeof commitField>[1]['field'],
      value: number | string | null,
      device = 'tablet',
    ) =>
      commitField(j2, { teamId, categoryId: 'design', field, value, author: 'J2', device, at: 1 });
    // J2 is not assigned T4 (any more: the organiser gave it to another judge after J2 scored).
    commit('T4', criterionField('build'), 5);
    // An out-of-range value, and a value cleared again.
    commit('T2', criterionField('code'), 99);
    commit('T3', criterionField('build'), 4);
    commit('T3', criterionField('build'), null);
    // Two devices changed the same value while apart: both are kept, the newer one is shown.
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(j2));
    commitField(replica, {
      teamId: 'T1',
      categoryId: 'design',
      field: criterionField('build'),
      value: 6,
      author: 'J2',
      device: 'phone',
      at: Date.now() + 1000,
    });
    commit('T1', criterionField('build'), 10);
    Y.applyUpdate(j2, Y.encodeStateAsUpdate(replica));

    const { sheets, notes } = eventFileSheets(file.event, read(docs));
    expect(notes).toEqual([
      'sheet of judge "J2" for team "T1" in category "design": "build" has unresolved concurrent values (10); wrote the shown value 6',
      'sheet of judge "J2" for team "T2" in category "design": value 99 for "code" left out, not valid for the rubric',
    ]);
    const j2Sheets = sheets.filter((s) => s.judgeId === 'J2');
    expect(j2Sheets.map((s) => [s.teamId, s.categoryId, s.values])).toEqual([
      ['T1', 'design', { build: 6, code: 3, penalty: -2 }],
      ['T2', 'design', { build: 7.5 }],
      ['T3', 'design', {}],
      ['T3', 'pitch', { clarity: 9 }],
      // Kept, after the assignments: the file is a backup of everything the hub holds.
      ['T4', 'design', { build: 5 }],
    ]);
    const reimported = parseEventFile(
      JSON.stringify({ format: 'judgehub-event', version: 1, event: file.event, sheets }),
    );
    expect(reimported.ok).toBe(true);
  });
});
