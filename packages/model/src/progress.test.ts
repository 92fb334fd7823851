import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoEvent } from './demoEvent.js';
import {
  computeProgress,
  countProgress,
  needsAttention,
  progressKey,
  progressMap,
  readProgress,
  writeProgress,
} from './progress.js';
import { commitField, criterionField, readSheets, type ScoreSheet } from './sheetDoc.js';
import type { JudgingEvent } from './event.js';

const event = demoEvent();
const design = event.categories.find((c) => c.id === 'robot-design')!;
const judgesOf = (teamId: string) =>
  event.assignments
    .filter((a) => a.teamId === teamId && a.categoryId === design.id)
    .map((a) => a.judgeId);

function sheetsOf(doc: Y.Doc): Map<string, ReadonlyMap<string, ScoreSheet>> {
  const [judgeId] = judgesOf('T01');
  return new Map([[judgeId!, readSheets(doc)]]);
}

function score(doc: Y.Doc, judgeId: string, opts: { all: boolean; submit: boolean }) {
  const criteria = opts.all ? design.criteria : design.criteria.slice(0, 1);
  for (const c of criteria)
    commitField(doc, {
      teamId: 'T01',
      categoryId: design.id,
      field: criterionField(c.id),
      value: c.min,
      author: judgeId,
      device: 'd1',
    });
  if (opts.submit)
    commitField(doc, {
      teamId: 'T01',
      categoryId: design.id,
      field: 'status',
      value: 'submitted',
      author: judgeId,
      device: 'd1',
    });
}

describe('progress', () => {
  it('every assigned judge starts as missing, never as a score', () => {
    const grid = computeProgress(event, new Map());
    const cell = grid.get(progressKey(design.id, 'T01'))!;
    expect(Object.keys(cell).sort()).toEqual(judgesOf('T01').sort());
    expect(Object.values(cell)).toEqual(['missing', 'missing', 'missing']);
    expect(grid.size).toBe(event.teams.length * event.categories.length);
    expect(countProgress(cell)).toEqual({ submitted: 0, started: 0, missing: 3, assigned: 3 });
  });

  it('a value makes a sheet started; a complete submission makes it submitted', () => {
    const judgeId = judgesOf('T01')[0]!;
    const doc = new Y.Doc();
    score(doc, judgeId, { all: false, submit: false });
    expect(computeProgress(event, sheetsOf(doc)).get(progressKey(design.id, 'T01'))![judgeId]).toBe(
      'started',
    );
    // Submitted without every required criterion does not count: still in progress.
    score(doc, judgeId, { all: false, submit: true });
    expect(computeProgress(event, sheetsOf(doc)).get(progressKey(design.id, 'T01'))![judgeId]).toBe(
      'started',
    );
    score(doc, judgeId, { all: true, submit: true });
    const cell = computeProgress(event, sheetsOf(doc)).get(progressKey(design.id, 'T01'))!;
    expect(cell[judgeId]).toBe('submitted');
    expect(countProgress(cell)).toMatchObject({ submitted: 1, missing: 2 });
    expect(needsAttention(cell)).toBe(true);
  });

  it('withdrawn teams are left out and a team with no judge needs attention', () => {
    const changed = structuredClone(event);
    changed.teams[0]!.withdrawn = true;
    changed.assignments = changed.assignments.filter((a) => a.teamId !== 'T02');
    const grid = computeProgress(changed, new Map());
    expect(grid.has(progressKey(design.id, 'T01'))).toBe(false);
    expect(grid.get(progressKey(design.id, 'T02'))).toEqual({});
    expect(needsAttention(grid.get(progressKey(design.id, 'T02')))).toBe(true);
  });

  it('round-trips through the results document and rewrites only what changed', () => {
    const doc = new Y.Doc();
    const grid = computeProgress(event, new Map());
    expect(writeProgress(doc, grid)).toBe(true);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    expect(readProgress(replica)).toEqual(grid);

    let updates = 0;
    doc.on('update', () => updates++);
    expect(writeProgress(doc, computeProgress(event, new Map()))).toBe(false);
    expect(updates).toBe(0);

    const judgeId = judgesOf('T01')[0]!;
    const sheets = new Y.Doc();
    score(sheets, judgeId, { all: true, submit: true });
    const onlyDesign = new Set([design.id]);
    const before = Y.encodeStateAsUpdate(doc).length;
    expect(
      writeProgress(doc, computeProgress(event, sheetsOf(sheets), onlyDesign), null, onlyDesign),
    ).toBe(true);
    expect(updates).toBe(1);
    // One entry rewritten, not the grid; the other category's entries are kept.
    expect(Y.encodeStateAsUpdate(doc).length - before).toBeLessThan(200);
    expect(readProgress(doc).get(progressKey(design.id, 'T01'))![judgeId]).toBe('submitted');
    expect(readProgress(doc).size).toBe(grid.size);
  });

  it('a grid of the changed teams only updates them and removes nothing else', () => {
    const doc = new Y.Doc();
    const full = computeProgress(event, new Map());
    writeProgress(doc, full);
    const judgeId = judgesOf('T01')[0]!;
    const sheets = new Y.Doc();
    score(sheets, judgeId, { all: false, submit: false });
    const onlyDesign = new Set([design.id]);
    const partial = computeProgress(
      event,
      sheetsOf(sheets),
      onlyDesign,
      new Map([[design.id, new Set(['T01'])]]),
    );
    expect([...partial.keys()]).toEqual([progressKey(design.id, 'T01')]);
    expect(writeProgress(doc, partial, null, onlyDesign, false)).toBe(true);
    const after = readProgress(doc);
    expect(after.size).toBe(full.size);
    expect(after.get(progressKey(design.id, 'T01'))![judgeId]).toBe('started');
    // Pruning with the same partial grid would drop every other team of the category.
    writeProgress(doc, partial, null, onlyDesign);
    expect(readProgress(doc).size).toBeLessThan(full.size);
  });

  it('drops entries of teams that left, and ignores malformed entries', () => {
    const doc = new Y.Doc();
    writeProgress(doc, computeProgress(event, new Map()));
    const fewer = structuredClone(event);
    fewer.teams = fewer.teams.slice(1);
    writeProgress(doc, computeProgress(fewer, new Map()));
    expect(readProgress(doc).has(progressKey(design.id, 'T01'))).toBe(false);

    progressMap(doc).set('junk', 5);
    progressMap(doc).set(progressKey(design.id, 'T02'), { J1: 'great', J2: 'submitted' });
    expect(readProgress(doc).has('junk')).toBe(false);
    expect(readProgress(doc).get(progressKey(design.id, 'T02'))).toEqual({ J2: 'submitted' });
  });

  it('stays light at 150 teams × 100 judges: one committed value rewrites one small entry', () => {
    const big: JudgingEvent = {
      ...event,
      teams: Array.from({ length: 150 }, (_, i) => ({
        id: `T${i}`,
        name: `Team ${i}`,
        categoryIds: event.categories.map((c) => c.id),
        withdrawn: false,
      })),
      judges: Array.from({ length: 100 }, (_, i) => ({ id: `J${i}`, name: `Judge ${i}` })),
      assignments: [],
    };
    // Five judges per team in each category.
    let next = 0;
    for (const category of big.categories)
      for (const team of big.teams)
        for (let k = 0; k < 5; k++)
          big.assignments.push({
            judgeId: `J${next++ % 100}`,
            teamId: team.id,
            categoryId: category.id,
          });
    const doc = new Y.Doc();
    writeProgress(doc, computeProgress(big, new Map()));
    // The whole grid, as a reader first receives it.
    expect(Y.encodeStateAsUpdate(doc).length).toBeLessThan(100_000);

    const judgeId = big.assignments[0]!.judgeId;
    const sheet = new Y.Doc();
    commitField(sheet, {
      teamId: 'T0',
      categoryId: design.id,
      field: criterionField('mechanical'),
      value: 5,
      author: judgeId,
      device: 'd1',
    });
    const changed = new Set([design.id]);
    const before = Y.encodeStateVector(doc);
    const wrote = writeProgress(
      doc,
      computeProgress(big, new Map([[judgeId, readSheets(sheet)]]), changed),
      null,
      changed,
    );
    expect(wrote).toBe(true);
    expect(Y.encodeStateAsUpdate(doc, before).length).toBeLessThan(200);
    expect(readProgress(doc).get(progressKey(design.id, 'T0'))![judgeId]).toBe('started');
  });
});
