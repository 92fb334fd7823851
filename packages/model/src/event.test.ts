import { describe, it, expect } from 'vitest';
import {
  assignmentKey,
  assignmentsOf,
  criterionSteps,
  isValidCriterionValue,
  roundTo,
  type Criterion,
} from './event.js';
import { demoEvent } from './demoEvent.js';

function criterion(min: number, max: number, step: number): Criterion {
  return { id: 'c', label: 'C', description: '', min, max, step, weight: 1 };
}

describe('criterionSteps', () => {
  it('offers 0 to 5 in half points as 11 values ending with 5', () => {
    const steps = criterionSteps(criterion(0, 5, 0.5));
    expect(steps).toHaveLength(11);
    expect(steps).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
    expect(steps.at(-1)).toBe(5);
  });

  it('offers 1 to 10 in whole points', () => {
    expect(criterionSteps(criterion(1, 10, 1))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('shows tenths without floating-point noise', () => {
    // 0.1 · 3 is 0.30000000000000004 in binary floating point.
    expect(criterionSteps(criterion(0, 1, 0.1))).toEqual([
      0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1,
    ]);
  });
});

describe('isValidCriterionValue', () => {
  const halfPoints = criterion(0, 5, 0.5);

  it.each([0, 0.5, 2.5, 5])('accepts %d on 0–5 in half points', (value) => {
    expect(isValidCriterionValue(halfPoints, value)).toBe(true);
  });

  it.each([-0.5, 5.5, 2.25, 0.1, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects %d on 0–5 in half points',
    (value) => {
      expect(isValidCriterionValue(halfPoints, value)).toBe(false);
    },
  );

  it('accepts a tenth computed in floating point', () => {
    expect(isValidCriterionValue(criterion(0, 1, 0.1), 0.1 + 0.2)).toBe(true);
  });

  it('measures steps from min, not from 0', () => {
    const fromOne = criterion(1, 10, 2);
    expect(isValidCriterionValue(fromOne, 3)).toBe(true);
    expect(isValidCriterionValue(fromOne, 4)).toBe(false);
  });
});

describe('roundTo', () => {
  it('rounds to the given number of decimals', () => {
    expect(roundTo(24.916666, 2)).toBe(24.92);
    expect(roundTo(17.583333, 2)).toBe(17.58);
    expect(roundTo(0.1 + 0.2, 6)).toBe(0.3);
  });
});

describe('assignments', () => {
  it('keys an assignment by judge, team and category', () => {
    expect(assignmentKey({ judgeId: 'J1', teamId: 'T01', categoryId: 'robot-design' })).toBe(
      'J1|T01|robot-design',
    );
  });

  it('lists one judge’s assignments', () => {
    const event = demoEvent();
    const mine = assignmentsOf(event, 'J2');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.judgeId === 'J2')).toBe(true);
    expect(mine).toHaveLength(event.assignments.filter((a) => a.judgeId === 'J2').length);
    expect(assignmentsOf(event, 'nobody')).toEqual([]);
  });
});
