import { describe, it, expect } from 'vitest';
import { demoEvent } from './demoEvent.js';
import { criterionSteps, isValidCriterionValue } from './event.js';

describe('demoEvent', () => {
  const event = demoEvent();

  it('is big enough to exercise judging: ≥12 teams, ≥6 judges, 2 categories of 4–6 criteria', () => {
    expect(event.teams.length).toBeGreaterThanOrEqual(12);
    expect(event.judges.length).toBeGreaterThanOrEqual(6);
    expect(event.categories).toHaveLength(2);
    for (const category of event.categories) {
      expect(category.criteria.length).toBeGreaterThanOrEqual(4);
      expect(category.criteria.length).toBeLessThanOrEqual(6);
    }
  });

  it('uses the given event id', () => {
    expect(demoEvent('autumn-cup').settings.id).toBe('autumn-cup');
    expect(event.settings.id).toBe('demo-2026');
  });

  it('enters every team in both categories and gives it 3 different judges in each', () => {
    for (const team of event.teams) {
      expect(team.withdrawn).toBe(false);
      for (const category of event.categories) {
        expect(team.categoryIds).toContain(category.id);
        const judges = event.assignments
          .filter((a) => a.teamId === team.id && a.categoryId === category.id)
          .map((a) => a.judgeId);
        expect(judges).toHaveLength(3);
        expect(new Set(judges).size).toBe(3);
      }
    }
  });

  it('only assigns known judges, teams and categories', () => {
    const judgeIds = new Set(event.judges.map((j) => j.id));
    const teamIds = new Set(event.teams.map((t) => t.id));
    const categoryIds = new Set(event.categories.map((c) => c.id));
    for (const a of event.assignments) {
      expect(judgeIds.has(a.judgeId)).toBe(true);
      expect(teamIds.has(a.teamId)).toBe(true);
      expect(categoryIds.has(a.categoryId)).toBe(true);
    }
  });

  it('balances the judges’ loads (most and least loaded differ by at most 1)', () => {
    const loads = (categoryId?: string) =>
      event.judges.map(
        (j) =>
          event.assignments.filter(
            (a) => a.judgeId === j.id && (!categoryId || a.categoryId === categoryId),
          ).length,
      );
    const all = loads();
    expect(Math.max(...all) - Math.min(...all)).toBeLessThanOrEqual(1);
    expect(Math.min(...all)).toBeGreaterThan(0);
    for (const category of event.categories) {
      const inCategory = loads(category.id);
      expect(Math.max(...inCategory) - Math.min(...inCategory)).toBeLessThanOrEqual(1);
    }
  });

  it('has criteria whose offered steps are all valid values, ending at the maximum', () => {
    for (const category of event.categories) {
      for (const criterion of category.criteria) {
        const steps = criterionSteps(criterion);
        expect(steps[0]).toBe(criterion.min);
        expect(steps.at(-1)).toBe(criterion.max);
        expect(steps.every((v) => isValidCriterionValue(criterion, v))).toBe(true);
      }
    }
  });

  it('each call returns an independent event, so editing one leaves the next untouched', () => {
    const edited = demoEvent();
    const criterion = edited.categories[0]?.criteria[0];
    if (!criterion) throw new Error('no criterion');
    const original = criterion.weight;
    criterion.weight = 99;
    try {
      expect(demoEvent().categories[0]?.criteria[0]?.weight).toBe(original);
    } finally {
      criterion.weight = original;
    }
  });
});
