import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commitField, criterionField, sheetKey, type SheetField } from './sheetDoc.js';
import { readAcceptedSheets, readNotAccepted, recordNotAccepted } from './reviewNotAccepted.js';
import { headJudgeAuthor } from './sheetAuthor.js';
import { LockTable } from './locks.js';
import { reviewCategory, reviewTeam } from './review.js';
import { assign, category, criterion, eventOf, team } from './scoring/scoring.fixture.js';

const cat = category([criterion('build', { weight: 2 }), criterion('code')]);
const teams = [team('T1', 'Alpha'), team('T2', 'Bravo')];
const event = eventOf([cat], teams, [...assign('T1', ['J1', 'J2', 'J3']), ...assign('T2', ['J1'])]);
let clock = 1_000;

function write(
  doc: Y.Doc,
  field: SheetField,
  value: number | string,
  author: string,
  teamId = 'T1',
) {
  return commitField(doc, {
    teamId,
    categoryId: 'robot',
    field,
    value,
    author,
    device: `d-${author}`,
    at: clock++,
  })!;
}
function sheet(judgeId: string, build: number, code: number): Y.Doc {
  const doc = new Y.Doc();
  write(doc, criterionField('build'), build, judgeId);
  write(doc, criterionField('code'), code, judgeId);
  write(doc, 'status', 'submitted', judgeId);
  return doc;
}

describe('review of one team', () => {
  it('lays out criteria × judges with totals, outliers and corrections', () => {
    const docs = new Map([
      ['J1', sheet('J1', 8, 7)],
      ['J2', sheet('J2', 7, 7)],
      ['J3', sheet('J3', 1, 2)],
    ]);
    write(docs.get('J2')!, criterionField('code'), 8, headJudgeAuthor('HJ'));
    const review = reviewTeam(event, cat, teams[0]!, {
      sheetDocs: docs,
      held: new Set(),
      locks: new LockTable([]),
    });
    expect(review.judges.map((j) => [j.judgeId, j.total, j.counted])).toEqual([
      ['J1', 23, true],
      ['J2', 22, true],
      ['J3', 4, true],
    ]);
    // Totals range 0–30, limit 6: J3 (4) is 18 below the panel's median (22).
    expect(review.judges.map((j) => !!j.totalOutlier)).toEqual([false, false, true]);
    const build = review.rows[0]!;
    expect(build.cells.map((c) => c.state?.value)).toEqual([8, 7, 1]);
    expect(build.cells.map((c) => !!c.outlier)).toEqual([false, false, true]);
    const code = review.rows[1]!;
    expect(code.cells[1]).toMatchObject({ correction: true, state: { value: 8 } });
    expect(review.corrections).toBe(1);
  });

  it('counts conflicts, leaves out held values and lists them as waiting', () => {
    const a = sheet('J1', 8, 7);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    write(a, criterionField('build'), 9, 'J1');
    write(b, criterionField('build'), 4, 'J1');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const late = write(a, criterionField('code'), 1, 'J1');
    const review = reviewTeam(event, cat, teams[0]!, {
      sheetDocs: new Map([['J1', a]]),
      held: new Set([late.id]),
      locks: new LockTable([
        { id: 'L', kind: 'lock', categoryId: 'robot', prev: [], by: 'head:HJ', device: 'x', at: 1 },
      ]),
    });
    expect(review.conflicts).toBe(1);
    expect(review.locked).toBe(true);
    expect(review.rows[1]!.cells[0]!.state?.value).toBe(7);
    expect(review.judges[0]!.notAccepted.map((e) => e.value)).toEqual([1]);
    // Judges not yet loaded are blank, never a low score.
    expect(review.judges[1]).toMatchObject({ judgeId: 'J2', sheet: null, total: null });
  });

  it('reviews every listed team of a category', () => {
    const list = reviewCategory(event, cat, {
      sheetDocs: new Map(),
      held: new Set(),
      locks: new LockTable([]),
    });
    expect(list.map((r) => [r.team.id, r.judges.length])).toEqual([
      ['T1', 3],
      ['T2', 1],
    ]);
  });
});

describe('sheets as the hub counts them', () => {
  it('leave out what the results document lists as not accepted, for that judge only', () => {
    const sheetDoc = sheet('J1', 8, 7);
    const late = write(sheetDoc, criterionField('build'), 2, 'J1');
    const results = new Y.Doc();
    recordNotAccepted(
      results,
      {
        entryId: late.id,
        judgeId: 'J1',
        teamId: 'T1',
        categoryId: 'robot',
        field: late.field,
        reason: 'locked',
        lockId: 'L',
        at: 1,
      },
      null,
    );
    const key = sheetKey('T1', 'robot');
    expect(readAcceptedSheets(sheetDoc, results, 'J1').get(key)?.values.get('build')?.value).toBe(
      8,
    );
    expect(readAcceptedSheets(sheetDoc, results, 'J2').get(key)?.values.get('build')?.value).toBe(
      2,
    );
    expect(readNotAccepted(results).get(late.id)?.reason).toBe('locked');
  });
});
