import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Category, JudgingEvent } from './event.js';
import { rankCategory, type TeamStanding } from './ranking.js';
import { revealSteps } from './revealSteps.js';
import { commitField, criterionField, readSheets } from './sheetDoc.js';

/** A ranked (or, with rank null, awaiting) standing; only the fields the reveal reads matter. */
function standing(teamId: string, rank: number | null): TeamStanding {
  return {
    teamId,
    teamName: `Team ${teamId}`,
    rank,
    score: rank === null ? null : 100 - rank,
    judgesCounted: rank === null ? 0 : 1,
    judgesAssigned: 1,
    provisional: false,
    complete: rank !== null,
    tieBreakValues: [],
  };
}

/** The reveal as the hall sees it: one line per click, tied teams together. */
const clicks = (steps: ReturnType<typeof revealSteps>) =>
  steps.map((s) => `${s.rank}: ${s.teams.map((t) => t.teamId).join(' + ')}`);

describe('revealSteps', () => {
  it('reveals from the last place to the first, one place per click', () => {
    const standings = [standing('A', 1), standing('B', 2), standing('C', 3), standing('D', 4)];
    expect(clicks(revealSteps(standings))).toEqual(['4: D', '3: C', '2: B', '1: A']);
  });

  it('reveals teams sharing a place in one click, and skips the places a tie uses up', () => {
    // Ranks 1, 2, 2, 4, 5, 5: there is no third place and no sixth.
    const standings = [
      standing('A', 1),
      standing('B', 2),
      standing('C', 2),
      standing('D', 4),
      standing('E', 5),
      standing('F', 5),
    ];
    expect(clicks(revealSteps(standings))).toEqual(['5: E + F', '4: D', '2: B + C', '1: A']);
  });

  it('reveals a shared first place as one click, naming both winners', () => {
    const standings = [standing('A', 1), standing('B', 1), standing('C', 3)];
    expect(clicks(revealSteps(standings))).toEqual(['3: C', '1: A + B']);
  });

  it('leaves out teams awaiting scores', () => {
    const standings = [standing('A', 1), standing('B', 2), standing('X', null)];
    expect(clicks(revealSteps(standings))).toEqual(['2: B', '1: A']);
  });

  it('limits the reveal to the podium, keeping every team tied on its last place', () => {
    // Places 1–3 of ranks 1, 2, 3, 3, 5: both teams sharing third are on the podium.
    const standings = [
      standing('A', 1),
      standing('B', 2),
      standing('C', 3),
      standing('D', 3),
      standing('E', 5),
    ];
    expect(clicks(revealSteps(standings, 3))).toEqual(['3: C + D', '2: B', '1: A']);
    // A three-way tie for second fills the podium: nobody is third.
    const tie = [standing('A', 1), standing('B', 2), standing('C', 2), standing('D', 2)];
    expect(clicks(revealSteps([...tie, standing('E', 5)], 3))).toEqual(['2: B + C + D', '1: A']);
  });

  it('does not depend on the order the standings arrive in', () => {
    const standings = [standing('D', 4), standing('B', 2), standing('A', 1), standing('C', 2)];
    expect(clicks(revealSteps(standings))).toEqual(['4: D', '2: B + C', '1: A']);
  });

  it('has nothing to reveal before any team is ranked', () => {
    expect(revealSteps([standing('A', null), standing('B', null)])).toEqual([]);
    expect(revealSteps([])).toEqual([]);
  });

  it('reveals what the scoring engine ranked: ties shared, withdrawn and awaiting teams left out', () => {
    // One judge scores one 0–20 criterion. Bravo 18; Alpha and Charlie 15 (a shared second
    // place, listed by name); Delta 9 (fourth, since two teams are second); Whiskey 20 but
    // withdrawn; Echo has no submitted sheet (awaiting scores).
    const category: Category = {
      id: 'sprint',
      name: 'Sprint',
      order: 1,
      criteria: [
        { id: 'time', label: 'Time', description: '', min: 0, max: 20, step: 1, weight: 1 },
      ],
    };
    const teams = [
      ['A', 'Alpha', 15],
      ['B', 'Bravo', 18],
      ['C', 'Charlie', 15],
      ['D', 'Delta', 9],
      ['W', 'Whiskey', 20],
      ['E', 'Echo', null],
    ] as const;
    const event: JudgingEvent = {
      settings: { id: 'ev', name: 'Event' },
      categories: [category],
      teams: teams.map(([id, name]) => ({
        id,
        name,
        categoryIds: ['sprint'],
        withdrawn: id === 'W',
      })),
      judges: [{ id: 'J1', name: 'Judge' }],
      assignments: teams.map(([teamId]) => ({ judgeId: 'J1', teamId, categoryId: 'sprint' })),
    };
    const doc = new Y.Doc();
    let at = 1;
    for (const [teamId, , value] of teams) {
      if (value === null) continue;
      const base = { teamId, categoryId: 'sprint', author: 'J1', device: 'tablet', at: at++ };
      commitField(doc, { ...base, field: criterionField('time'), value });
      commitField(doc, { ...base, field: 'status', value: 'submitted', at: at++ });
    }
    const result = rankCategory(event, category, new Map([['J1', readSheets(doc)]]));

    expect(clicks(revealSteps(result.standings))).toEqual(['4: D', '2: A + C', '1: B']);
    expect(revealSteps(result.standings)[1]?.teams.map((t) => t.teamName)).toEqual([
      'Alpha',
      'Charlie',
    ]);
  });
});
