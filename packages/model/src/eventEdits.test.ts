import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoEvent } from './demoEvent.js';
import type { JudgingEvent } from './event.js';
import { readEvent, writeEvent } from './eventDoc.js';
import {
  categoryProblems,
  checkChange,
  newEntityId,
  removedScoredCriteria,
  scoredSummary,
  sheetsFor,
  teamCategoriesChange,
  teamsImportChange,
  writeChange,
} from './eventEdits.js';
import { commitField, criterionField, readSheets } from './sheetDoc.js';

const event = (): JudgingEvent => structuredClone(demoEvent('edits-test'));

describe('newEntityId', () => {
  it('makes a readable id from a name and never reuses a taken one', () => {
    expect(newEntityId('Robot Design', new Set())).toBe('robot-design');
    expect(newEntityId('  Crème Brûlée!  ', new Set())).toBe('creme-brulee');
    expect(newEntityId('Robot Design', new Set(['robot-design', 'robot-design-2']))).toBe(
      'robot-design-3',
    );
    expect(newEntityId('???', new Set(), 'team')).toBe('team');
  });
});

describe('checkChange', () => {
  it('accepts a valid change and refuses a bad one with the field named', () => {
    const e = event();
    const team = e.teams[0]!;
    expect(checkChange(e, { teams: [{ ...team, name: 'Renamed' }] }).ok).toBe(true);
    const bad = checkChange(e, { teams: [{ ...team, categoryIds: ['nope'] }] });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems).toContain('teams[0].categoryIds[0]: unknown category "nope"');
  });

  it('refuses a judge conflict with an unknown team and empty names', () => {
    const e = event();
    const result = checkChange(e, {
      judges: [{ id: 'J1', name: ' ', conflicts: ['T404'] }],
    });
    expect(!result.ok && result.problems).toEqual([
      'judges[0].conflicts[0]: unknown team "T404"',
      'judges[0].name: must not be empty',
    ]);
  });

  it('maps rubric problems to the field of the category they are about', () => {
    const e = event();
    const category = structuredClone(e.categories[1]!);
    category.criteria[0]!.max = 0;
    category.criteria[1]!.step = 0;
    category.scoring = { trim: -1 };
    const result = checkChange(e, { categories: [category] });
    expect(result.ok).toBe(false);
    const fields = categoryProblems(result.ok ? [] : result.problems, 1);
    expect([...fields.keys()]).toEqual(['criteria[0]', 'criteria[1].step', 'scoring.trim']);
    expect(categoryProblems(result.ok ? [] : result.problems, 0).size).toBe(0);
  });
});

describe('moving a team between categories', () => {
  it('drops its assignments in the category it leaves and keeps everything else', () => {
    const e = event();
    const team = e.teams[0]!;
    const { change, left, droppedAssignments } = teamCategoriesChange(e, team, [
      'innovation-project',
    ]);
    expect(left).toEqual(['robot-design']);
    expect(droppedAssignments.map((a) => a.categoryId)).toEqual([
      'robot-design',
      'robot-design',
      'robot-design',
    ]);
    const checked = checkChange(e, change);
    expect(checked.ok).toBe(true);
    expect(checked.event.assignments.filter((a) => a.teamId === team.id)).toHaveLength(3);
    expect(teamsImportChange(e, change.teams!).dropAssignments).toEqual(change.dropAssignments);
  });
});

describe('writeChange', () => {
  it('writes whole entities and drops assignments in one transaction; withdrawn is a marker', () => {
    const doc = new Y.Doc();
    const e = event();
    writeEvent(doc, e);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const team = e.teams[1]!;
    const { change } = teamCategoriesChange(e, { ...team, withdrawn: true }, ['robot-design']);
    writeChange(doc, change);
    expect(transactions).toBe(1);
    const after = readEvent(doc);
    expect(after.teams.find((t) => t.id === team.id)).toEqual({
      ...team,
      withdrawn: true,
      categoryIds: ['robot-design'],
    });
    expect(after.teams).toHaveLength(e.teams.length);
    expect(after.assignments).toHaveLength(e.assignments.length - 3);
  });
});

describe('scoredSummary', () => {
  it('counts sheets per team and category and values per criterion, for the organiser’s warnings', () => {
    const doc = new Y.Doc();
    const commit = (
      teamId: string,
      field: ReturnType<typeof criterionField> | 'status',
      value: number | string,
    ) =>
      commitField(doc, {
        teamId,
        categoryId: 'robot-design',
        field,
        value,
        author: 'J1',
        device: 'd1',
        at: 1,
      });
    commit('T01', criterionField('mechanical'), 7);
    commit('T01', criterionField('programming'), 5);
    commit('T01', 'status', 'submitted');
    commit('T02', criterionField('mechanical'), 3);
    const summary = scoredSummary(new Map([['J1', readSheets(doc)]]));
    expect(sheetsFor(summary, 'T01')).toEqual([
      { categoryId: 'robot-design', sheets: 1, submitted: 1 },
    ]);
    const e = event();
    const before = e.categories[0]!;
    const after = {
      ...before,
      criteria: before.criteria.filter((c) => c.id !== 'mechanical' && c.id !== 'strategy'),
    };
    expect(removedScoredCriteria(summary, before, after)).toEqual([
      { criterionId: 'mechanical', label: 'Mechanical design', values: 2 },
    ]);
  });
});
