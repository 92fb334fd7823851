import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoEvent } from './demoEvent.js';
import { computeResults } from './ranking.js';
import { commitField, criterionField, readSheets, type ScoreSheet } from './sheetDoc.js';
import { readRelease, setRelease, teamFeedback } from './teamFeedback.js';
import type { JudgingEvent } from './event.js';

const event = demoEvent();
const design = event.categories.find((c) => c.id === 'robot-design')!;
const judgesOf = (e: JudgingEvent, teamId: string) =>
  e.assignments
    .filter((a) => a.teamId === teamId && a.categoryId === design.id)
    .map((a) => a.judgeId);

/** Each judge gives every criterion `value`, with a comment, and submits (unless told not to). */
function sheets(values: Record<string, { value: number; comment: string; submit?: boolean }>) {
  const byJudge = new Map<string, ReadonlyMap<string, ScoreSheet>>();
  for (const [judgeId, { value, comment, submit = true }] of Object.entries(values)) {
    const doc = new Y.Doc();
    const base = { teamId: 'T01', categoryId: design.id, author: judgeId, device: 'd' };
    for (const c of design.criteria)
      commitField(doc, { ...base, field: criterionField(c.id), value: Math.min(value, c.max) });
    commitField(doc, { ...base, field: 'comment', value: comment });
    if (submit) commitField(doc, { ...base, field: 'status', value: 'submitted' });
    byJudge.set(judgeId, readSheets(doc));
  }
  return byJudge;
}

describe('team feedback', () => {
  it('aggregates each criterion by the category rules and lists comments without names', () => {
    const [a, b, c] = judgesOf(event, 'T01') as [string, string, string];
    const byJudge = sheets({
      [a]: { value: 4, comment: 'Zippy robot' },
      [b]: { value: 8, comment: 'Add more sensors' },
      [c]: { value: 9, comment: 'Not submitted yet', submit: false },
    });
    const results = computeResults(event, byJudge);
    const standing = (categoryId: string) =>
      results.categories
        .find((r) => r.categoryId === categoryId)
        ?.standings.find((s) => s.teamId === 'T01');
    const feedback = teamFeedback(event, 'T01', byJudge, standing)!;
    expect(feedback.teamName).toBe('Circuit Breakers');
    expect(feedback.categories.map((x) => x.categoryId)).toEqual([
      'robot-design',
      'innovation-project',
    ]);
    const robot = feedback.categories[0]!;
    expect(robot.sheetsCounted).toBe(2);
    // Mean of 4 and 8; explanation is capped at its max of 5: mean of 4 and 5.
    expect(robot.criteria.find((x) => x.criterionId === 'mechanical')).toMatchObject({
      value: 6,
      outOf: 10,
      sheets: 2,
    });
    expect(robot.criteria.find((x) => x.criterionId === 'explanation')).toMatchObject({
      value: 4.5,
      outOf: 5,
    });
    expect(robot.comments).toEqual(['Add more sensors', 'Zippy robot']);
    expect(JSON.stringify(feedback)).not.toContain(a);
    expect(robot.score).toBe(standing('robot-design')!.score);
    expect(robot.rank).toBe(1);
    // The other category has nothing yet: no value, never a 0.
    const project = feedback.categories[1]!;
    expect(project.criteria.every((x) => x.value === null)).toBe(true);
    expect(project.score).toBeNull();
  });

  it('follows the median rule, and a sum is out of max times sheets', () => {
    const [a, b, c] = judgesOf(event, 'T01') as [string, string, string];
    const byJudge = sheets({
      [a]: { value: 2, comment: '' },
      [b]: { value: 3, comment: '' },
      [c]: { value: 10, comment: '' },
    });
    const median = structuredClone(event);
    median.categories[0]!.scoring = { aggregation: 'median' };
    expect(
      teamFeedback(median, 'T01', byJudge, () => undefined)!.categories[0]!.criteria[0],
    ).toMatchObject({ value: 3 });
    const summed = structuredClone(event);
    summed.categories[0]!.scoring = { aggregation: 'sum' };
    expect(
      teamFeedback(summed, 'T01', byJudge, () => undefined)!.categories[0]!.criteria[0],
    ).toMatchObject({ value: 15, outOf: 30 });
  });

  it('is null for a team the event does not have', () => {
    expect(teamFeedback(event, 'T99', new Map(), () => undefined)).toBeNull();
  });

  it('release: off until switched on, and a malformed value never releases', () => {
    const doc = new Y.Doc();
    expect(readRelease(doc)).toEqual({ released: false, at: null, by: null });
    setRelease(doc, true, 'Organiser', null, 1000);
    expect(readRelease(doc)).toEqual({ released: true, at: 1000, by: 'Organiser' });
    doc.getMap('release').set('released', 'yes');
    expect(readRelease(doc).released).toBe(false);
  });
});
