import { describe, it, expect } from 'vitest';
import { demoEvent } from './demoEvent.js';
import type { JudgingEvent } from './event.js';
import { validateEvent } from './validateEvent.js';

/** A deep copy of the demo event, safe to break. */
function demo(): JudgingEvent {
  return structuredClone(demoEvent());
}

function at<T>(items: T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}

describe('validateEvent', () => {
  it('finds no problem in the demo event', () => {
    expect(validateEvent(demoEvent())).toEqual([]);
  });

  it('requires an event name and a valid event id', () => {
    const event = demo();
    event.settings.name = '   ';
    event.settings.id = 'demo 2026';
    expect(validateEvent(event)).toEqual([
      'settings.name: must not be empty',
      'settings.id: "demo 2026" is not a valid id',
    ]);
  });

  it('names a duplicate team id by its position', () => {
    const event = demo();
    at(event.teams, 1).id = 'T01';
    const problems = validateEvent(event);
    expect(problems).toContain('teams[1].id: duplicate "T01"');
  });

  it('names duplicate judge, category and criterion ids', () => {
    const event = demo();
    at(event.judges, 3).id = 'J1';
    at(event.categories, 1).id = 'robot-design';
    at(at(event.categories, 0).criteria, 2).id = 'mechanical';
    const problems = validateEvent(event);
    expect(problems).toContain('judges[3].id: duplicate "J1"');
    expect(problems).toContain('categories[1].id: duplicate "robot-design"');
    expect(problems).toContain('categories[0].criteria[2].id: duplicate "mechanical"');
  });

  it('rejects ids with characters that would break document names', () => {
    const event = demo();
    at(event.judges, 0).id = '../J1';
    at(event.teams, 0).id = '';
    const problems = validateEvent(event);
    expect(problems).toContain(
      'judges[0].id: "../J1" is not a valid id (letters, digits, _ and -)',
    );
    expect(problems).toContain('teams[0].id: "" is not a valid id (letters, digits, _ and -)');
  });

  it('names assignments to unknown judges, teams and categories', () => {
    const event = demo();
    event.assignments = [
      { judgeId: 'J99', teamId: 'T01', categoryId: 'robot-design' },
      { judgeId: 'J1', teamId: 'T99', categoryId: 'robot-design' },
      { judgeId: 'J1', teamId: 'T01', categoryId: 'cooking' },
    ];
    expect(validateEvent(event)).toEqual([
      'assignments[0].judgeId: unknown judge "J99"',
      'assignments[1].teamId: unknown team "T99"',
      'assignments[2].categoryId: unknown category "cooking"',
    ]);
  });

  it('names a team entered in an unknown category', () => {
    const event = demo();
    at(event.teams, 4).categoryIds = ['robot-design', 'cooking'];
    expect(validateEvent(event)).toContain('teams[4].categoryIds[1]: unknown category "cooking"');
  });

  it('names an assignment to a category the team is not entered in', () => {
    const event = demo();
    at(event.teams, 0).categoryIds = ['innovation-project'];
    const problems = validateEvent(event);
    expect(problems).toContain(
      'assignments[0]: team "T01" is not entered in category "robot-design"',
    );
    expect(problems.every((p) => p.includes('is not entered in category "robot-design"'))).toBe(
      true,
    );
  });

  it('names a duplicate assignment', () => {
    const event = demo();
    const first = at(event.assignments, 0);
    event.assignments.push({ ...first });
    const last = event.assignments.length - 1;
    expect(validateEvent(event)).toEqual([`assignments[${last}]: duplicate assignment`]);
  });

  it('names a category without criteria', () => {
    const event = demo();
    at(event.categories, 1).criteria = [];
    expect(validateEvent(event)).toEqual(['categories[1].criteria: needs at least one criterion']);
  });

  it('names criteria with a bad range, step or weight', () => {
    const event = demo();
    const criteria = at(event.categories, 0).criteria;
    Object.assign(at(criteria, 0), { min: 5, max: 5 });
    Object.assign(at(criteria, 1), { min: 0, max: 5, step: 2 });
    Object.assign(at(criteria, 2), { step: 0 });
    Object.assign(at(criteria, 3), { weight: -1 });
    Object.assign(at(criteria, 4), { min: 10, max: 1 });
    expect(validateEvent(event)).toEqual([
      'categories[0].criteria[0]: max (5) must be greater than min (5)',
      'categories[0].criteria[1].step: 2 does not divide the range 0–5',
      'categories[0].criteria[2].step: must be greater than 0',
      'categories[0].criteria[3].weight: must be 0 or more',
      'categories[0].criteria[4]: max (1) must be greater than min (10)',
    ]);
  });

  it('accepts decimal steps that divide the range despite floating point', () => {
    const event = demo();
    const criteria = at(event.categories, 1).criteria;
    Object.assign(at(criteria, 0), { min: 0, max: 0.3, step: 0.1 });
    Object.assign(at(criteria, 1), { min: 0, max: 1, step: 0.05 });
    Object.assign(at(criteria, 2), { min: 0.5, max: 2, step: 0.25 });
    expect(validateEvent(event)).toEqual([]);
  });

  it('names a NaN weight or step from a bad import', () => {
    const event = demo();
    const criteria = at(event.categories, 1).criteria;
    Object.assign(at(criteria, 0), { weight: Number.NaN });
    Object.assign(at(criteria, 1), { step: Number.NaN });
    expect(validateEvent(event)).toEqual([
      'categories[1].criteria[0].weight: must be 0 or more',
      'categories[1].criteria[1].step: must be greater than 0',
    ]);
  });
  it('names a level description for a value the criterion does not have, or given twice', () => {
    const event = demo();
    const criterion = at(at(event.categories, 0).criteria, 0);
    Object.assign(criterion, { min: 1, max: 10, step: 1 });
    criterion.levels = [
      { value: 1, label: 'Weak' },
      { value: 5.5, label: 'Between' },
      { value: 1, label: 'Weak again' },
    ];
    expect(validateEvent(event)).toEqual([
      'categories[0].criteria[0].levels[1].value: 5.5 is not a value of this criterion (1 to 10 in steps of 1)',
      'categories[0].criteria[0].levels[2].value: a second description for 1',
    ]);
  });

  it('names a tie-breaker on a criterion the category does not have', () => {
    const event = demo();
    at(event.categories, 1).scoring = {
      tieBreakers: [
        { kind: 'aggregation', aggregation: 'median' },
        { kind: 'criterion', criterionId: 'no-such-criterion' },
      ],
    };
    expect(validateEvent(event)).toEqual([
      'categories[1].scoring.tieBreakers[1]: unknown criterion "no-such-criterion"',
    ]);
  });

  it('names a category listed twice for one team', () => {
    const event = demo();
    const team = at(event.teams, 2);
    team.categoryIds = [...team.categoryIds, at(team.categoryIds, 0)];
    expect(validateEvent(event)).toEqual([
      `teams[2].categoryIds[${team.categoryIds.length - 1}]: "${at(team.categoryIds, 0)}" is listed twice`,
    ]);
  });
});
