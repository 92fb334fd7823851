import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import type { Assignment, Category, JudgingEvent, Team } from './event.js';
import {
  computeResults,
  maxScore,
  rankCategory,
  sheetTotal,
  type CategoryResult,
} from './ranking.js';
import { commitField, criterionField, readSheets, sheetKey, type ScoreSheet } from './sheetDoc.js';

/**
 * Total for one sheet = 2·build + 1·code + 0.5·pitch.
 * Best possible: 2·10 + 1·10 + 0.5·5 = 32.5.
 */
const DESIGN: Category = {
  id: 'design',
  name: 'Design',
  order: 1,
  criteria: [
    { id: 'build', label: 'Build', description: '', min: 0, max: 10, step: 1, weight: 2 },
    { id: 'code', label: 'Code', description: '', min: 0, max: 10, step: 1, weight: 1 },
    { id: 'pitch', label: 'Pitch', description: '', min: 0, max: 5, step: 0.5, weight: 0.5 },
  ],
};

/** A single criterion with fine steps, to make means that differ only after rounding. */
const SPRINT: Category = {
  id: 'sprint',
  name: 'Sprint',
  order: 2,
  criteria: [
    { id: 'time', label: 'Time', description: '', min: 0, max: 20, step: 0.01, weight: 1 },
  ],
};

const JUDGES = ['J1', 'J2', 'J3'];

interface Setup {
  teams: Team[];
  assignments: Assignment[];
}

function team(id: string, name: string, categoryIds = ['design'], withdrawn = false): Team {
  return { id, name, categoryIds, withdrawn };
}

function assign(teamId: string, judgeIds: string[], categoryId = 'design'): Assignment[] {
  return judgeIds.map((judgeId) => ({ judgeId, teamId, categoryId }));
}

function event({ teams, assignments }: Setup): JudgingEvent {
  return {
    settings: { id: 'regional', name: 'Regional' },
    categories: [DESIGN, SPRINT],
    teams,
    judges: JUDGES.map((id) => ({ id, name: `Judge ${id}` })),
    assignments,
  };
}

/** Each judge's sheets doc, written through the same code path a tablet uses. */
class Tablets {
  private readonly docs = new Map<string, Y.Doc>();
  private clock = 1_000;

  private doc(judgeId: string): Y.Doc {
    let doc = this.docs.get(judgeId);
    if (!doc) this.docs.set(judgeId, (doc = new Y.Doc()));
    return doc;
  }

  /** `values` by criterion id; a missing criterion is left unscored. */
  score(
    judgeId: string,
    teamId: string,
    values: Record<string, number>,
    { submit = true, categoryId = 'design' } = {},
  ): this {
    const doc = this.doc(judgeId);
    const base = { teamId, categoryId, author: judgeId, device: `tablet-${judgeId}` };
    for (const [criterionId, value] of Object.entries(values)) {
      commitField(doc, { ...base, field: criterionField(criterionId), value, at: this.clock++ });
    }
    if (submit)
      commitField(doc, { ...base, field: 'status', value: 'submitted', at: this.clock++ });
    return this;
  }

  clear(judgeId: string, teamId: string, criterionId: string, categoryId = 'design'): this {
    commitField(this.doc(judgeId), {
      teamId,
      categoryId,
      field: criterionField(criterionId),
      value: null,
      author: judgeId,
      device: `tablet-${judgeId}`,
      at: this.clock++,
    });
    return this;
  }

  sheets(): Map<string, Map<string, ScoreSheet>> {
    return new Map([...this.docs].map(([judgeId, doc]) => [judgeId, readSheets(doc)]));
  }
}

function rankDesign(setup: Setup, tablets: Tablets): CategoryResult {
  return rankCategory(event(setup), DESIGN, tablets.sheets());
}

describe('maxScore', () => {
  it('is the weighted sum of every criterion at its maximum', () => {
    // 2·10 + 1·10 + 0.5·5 = 32.5
    expect(maxScore(DESIGN)).toBe(32.5);
    expect(rankDesign({ teams: [], assignments: [] }, new Tablets()).maxScore).toBe(32.5);
  });

  it('rounds to 2 decimals', () => {
    const thirds: Category = {
      ...DESIGN,
      criteria: [{ id: 'x', label: 'X', description: '', min: 0, max: 10, step: 1, weight: 1 / 3 }],
    };
    // 10 · 1/3 = 3.333… → 3.33
    expect(maxScore(thirds)).toBe(3.33);
  });
});

describe('sheetTotal', () => {
  it('is the weighted sum of one judge’s values', () => {
    const sheets = new Tablets().score('J1', 'A', { build: 8, code: 7, pitch: 4 }).sheets();
    const sheet = sheets.get('J1')?.get(sheetKey('A', 'design'));
    // 2·8 + 1·7 + 0.5·4 = 16 + 7 + 2 = 25
    expect(sheet && sheetTotal(DESIGN, sheet)).toBe(25);
  });

  it('is null for a draft or an incomplete sheet', () => {
    const sheets = new Tablets()
      .score('J1', 'A', { build: 8, code: 7, pitch: 4 }, { submit: false })
      .score('J1', 'B', { build: 8, code: 7 })
      .sheets()
      .get('J1');
    const draft = sheets?.get(sheetKey('A', 'design'));
    const incomplete = sheets?.get(sheetKey('B', 'design'));
    expect(draft && sheetTotal(DESIGN, draft)).toBeNull();
    expect(incomplete && sheetTotal(DESIGN, incomplete)).toBeNull();
  });
});

describe('rankCategory', () => {
  it('a team’s score is the mean of its judges’ weighted sums, rounded to 2 decimals', () => {
    const tablets = new Tablets()
      // J1: 2·8 + 7 + 0.5·4   = 16 + 7 + 2    = 25
      .score('J1', 'A', { build: 8, code: 7, pitch: 4 })
      // J2: 2·9 + 6 + 0.5·3   = 18 + 6 + 1.5  = 25.5
      .score('J2', 'A', { build: 9, code: 6, pitch: 3 })
      // J3: 2·7 + 8 + 0.5·4.5 = 14 + 8 + 2.25 = 24.25
      .score('J3', 'A', { build: 7, code: 8, pitch: 4.5 });
    // mean = (25 + 25.5 + 24.25) / 3 = 74.75 / 3 = 24.91666… → 24.92
    const result = rankDesign(
      { teams: [team('A', 'Alpha')], assignments: assign('A', JUDGES) },
      tablets,
    );
    expect(result.standings).toEqual([
      {
        teamId: 'A',
        teamName: 'Alpha',
        rank: 1,
        score: 24.92,
        judgesCounted: 3,
        judgesAssigned: 3,
        provisional: false,
        complete: true,
        tieBreakValues: [],
      },
    ]);
    expect(result.sheetsSubmitted).toBe(3);
    expect(result.sheetsAssigned).toBe(3);
  });

  it('rounds a mean down when the third decimal is below 5', () => {
    const tablets = new Tablets()
      // J1: 2·5 + 5 + 0.5·4   = 10 + 5 + 2    = 17
      .score('J1', 'A', { build: 5, code: 5, pitch: 4 })
      // J2: 2·5 + 5 + 0.5·5   = 10 + 5 + 2.5  = 17.5
      .score('J2', 'A', { build: 5, code: 5, pitch: 5 })
      // J3: 2·5 + 6 + 0.5·4.5 = 10 + 6 + 2.25 = 18.25
      .score('J3', 'A', { build: 5, code: 6, pitch: 4.5 });
    // mean = (17 + 17.5 + 18.25) / 3 = 52.75 / 3 = 17.58333… → 17.58
    const result = rankDesign(
      { teams: [team('A', 'Alpha')], assignments: assign('A', JUDGES) },
      tablets,
    );
    expect(result.standings[0]?.score).toBe(17.58);
  });

  it('teams with equal scores share a rank and the next rank is skipped (1, 2, 2, 4)', () => {
    const tablets = new Tablets()
      // Alpha:   2·10 + 8 + 0.5·4 = 30
      .score('J1', 'A', { build: 10, code: 8, pitch: 4 })
      // Charlie: 2·5 + 8 + 0.5·4 = 20
      .score('J1', 'C', { build: 5, code: 8, pitch: 4 })
      // Bravo:   J1 2·5 + 7 + 2 = 19, J2 2·5 + 9 + 2 = 21, mean 20 — ties with Charlie
      .score('J1', 'B', { build: 5, code: 7, pitch: 4 })
      .score('J2', 'B', { build: 5, code: 9, pitch: 4 })
      // Delta:   2·2 + 4 + 0.5·4 = 10
      .score('J1', 'D', { build: 2, code: 4, pitch: 4 });
    const result = rankDesign(
      {
        teams: [team('D', 'Delta'), team('C', 'Charlie'), team('B', 'Bravo'), team('A', 'Alpha')],
        assignments: [
          ...assign('A', ['J1']),
          ...assign('B', ['J1', 'J2']),
          ...assign('C', ['J1']),
          ...assign('D', ['J1']),
        ],
      },
      tablets,
    );
    expect(result.standings.map((s) => [s.teamName, s.rank, s.score])).toEqual([
      ['Alpha', 1, 30],
      // Equal scores are listed by team name.
      ['Bravo', 2, 20],
      ['Charlie', 2, 20],
      ['Delta', 4, 10],
    ]);
  });

  it('scores equal after rounding share a rank', () => {
    const tablets = new Tablets()
      // Kilo: (10 + 10 + 10.01) / 3 = 10.00333… → 10.00
      .score('J1', 'K', { time: 10 }, { categoryId: 'sprint' })
      .score('J2', 'K', { time: 10 }, { categoryId: 'sprint' })
      .score('J3', 'K', { time: 10.01 }, { categoryId: 'sprint' })
      // Lima: 10 exactly
      .score('J1', 'L', { time: 10 }, { categoryId: 'sprint' });
    const setup: Setup = {
      teams: [team('K', 'Kilo', ['sprint']), team('L', 'Lima', ['sprint'])],
      assignments: [...assign('K', JUDGES, 'sprint'), ...assign('L', ['J1'], 'sprint')],
    };
    const result = rankCategory(event(setup), SPRINT, tablets.sheets());
    expect(result.standings.map((s) => [s.teamName, s.rank, s.score])).toEqual([
      ['Kilo', 1, 10],
      ['Lima', 1, 10],
    ]);
  });

  it('counts only submitted, complete sheets and marks the score provisional', () => {
    const tablets = new Tablets()
      // J1 submitted: 2·8 + 7 + 0.5·4 = 25 — counted
      .score('J1', 'A', { build: 8, code: 7, pitch: 4 })
      // J2 filled everything but did not submit (a draft) — would be 2·1 + 1 + 0 = 3
      .score('J2', 'A', { build: 1, code: 1, pitch: 0 }, { submit: false })
      // J3 submitted without scoring pitch — would be at most 2·2 + 2 = 6
      .score('J3', 'A', { build: 2, code: 2 });
    const result = rankDesign(
      { teams: [team('A', 'Alpha')], assignments: assign('A', JUDGES) },
      tablets,
    );
    // Only J1 counts: 25, not a mean with the draft or incomplete sheet.
    expect(result.standings).toEqual([
      {
        teamId: 'A',
        teamName: 'Alpha',
        rank: 1,
        score: 25,
        judgesCounted: 1,
        judgesAssigned: 3,
        provisional: true,
        complete: true,
        tieBreakValues: [],
      },
    ]);
  });

  it('a sheet whose value was cleared after submitting is not counted', () => {
    const tablets = new Tablets()
      .score('J1', 'A', { build: 8, code: 7, pitch: 4 })
      .clear('J1', 'A', 'pitch');
    const result = rankDesign(
      { teams: [team('A', 'Alpha')], assignments: assign('A', ['J1']) },
      tablets,
    );
    expect(result.standings[0]).toMatchObject({ score: null, rank: null, judgesCounted: 0 });
  });

  it('ignores a sheet from a judge who is not assigned to the team', () => {
    const tablets = new Tablets()
      // J1 assigned: 2·8 + 7 + 2 = 25
      .score('J1', 'A', { build: 8, code: 7, pitch: 4 })
      // J3 not assigned: 2·0 + 0 + 0 = 0 — would pull the mean to 12.5
      .score('J3', 'A', { build: 0, code: 0, pitch: 0 });
    const result = rankDesign(
      { teams: [team('A', 'Alpha')], assignments: assign('A', ['J1']) },
      tablets,
    );
    expect(result.standings[0]).toMatchObject({ score: 25, judgesCounted: 1, judgesAssigned: 1 });
  });

  it('teams without a counted sheet have no rank or score and come after ranked teams, by name', () => {
    const tablets = new Tablets()
      // Zulu: 2·1 + 1 + 0.5·1 = 3.5, a low score but still ranked above teams awaiting scores
      .score('J1', 'Z', { build: 1, code: 1, pitch: 1 })
      // Alpha only has a draft
      .score('J1', 'A', { build: 10, code: 10, pitch: 5 }, { submit: false });
    // Echo has no sheet at all
    const result = rankDesign(
      {
        teams: [team('E', 'Echo'), team('A', 'Alpha'), team('Z', 'Zulu')],
        assignments: [...assign('E', ['J2']), ...assign('A', ['J1']), ...assign('Z', ['J1'])],
      },
      tablets,
    );
    expect(result.standings.map((s) => [s.teamName, s.rank, s.score, s.provisional])).toEqual([
      ['Zulu', 1, 3.5, false],
      ['Alpha', null, null, true],
      ['Echo', null, null, true],
    ]);
  });

  it('does not list withdrawn teams or count their sheets as assigned', () => {
    const tablets = new Tablets()
      // Alpha: 2·5 + 5 + 0.5·2 = 16
      .score('J1', 'A', { build: 5, code: 5, pitch: 2 })
      // Whiskey (withdrawn): 2·10 + 10 + 0.5·5 = 32.5 — would rank first
      .score('J1', 'W', { build: 10, code: 10, pitch: 5 });
    const result = rankDesign(
      {
        teams: [team('A', 'Alpha'), team('W', 'Whiskey', ['design'], true)],
        assignments: [...assign('A', ['J1']), ...assign('W', ['J1', 'J2'])],
      },
      tablets,
    );
    expect(result.standings.map((s) => s.teamName)).toEqual(['Alpha']);
    expect(result.standings[0]?.rank).toBe(1);
    expect(result.sheetsAssigned).toBe(1);
    expect(result.sheetsSubmitted).toBe(1);
  });

  it('does not list teams that are not entered in the category', () => {
    const tablets = new Tablets().score('J1', 'S', { time: 12 }, { categoryId: 'sprint' });
    const result = rankDesign(
      {
        teams: [team('A', 'Alpha'), team('S', 'Sierra', ['sprint'])],
        assignments: assign('S', ['J1'], 'sprint'),
      },
      tablets,
    );
    expect(result.standings.map((s) => s.teamName)).toEqual(['Alpha']);
  });

  it('a score is provisional until every assigned judge has a counted sheet', () => {
    const setup: Setup = { teams: [team('A', 'Alpha')], assignments: assign('A', ['J1', 'J2']) };
    const tablets = new Tablets().score('J1', 'A', { build: 4, code: 4, pitch: 4 });
    // J1: 8 + 4 + 2 = 14
    expect(rankDesign(setup, tablets).standings[0]).toMatchObject({ score: 14, provisional: true });
    // J2: 2·6 + 4 + 0.5·4 = 18; mean (14 + 18) / 2 = 16
    tablets.score('J2', 'A', { build: 6, code: 4, pitch: 4 });
    expect(rankDesign(setup, tablets).standings[0]).toMatchObject({
      score: 16,
      provisional: false,
      judgesCounted: 2,
    });
  });
});

describe('computeResults', () => {
  it('ranks every category of the event, with the event’s id and name', () => {
    const tablets = new Tablets()
      .score('J1', 'A', { build: 8, code: 7, pitch: 4 })
      .score('J2', 'A', { time: 12.5 }, { categoryId: 'sprint' });
    const setup: Setup = {
      teams: [team('A', 'Alpha', ['design', 'sprint'])],
      assignments: [...assign('A', ['J1']), ...assign('A', ['J2'], 'sprint')],
    };
    const results = computeResults(event(setup), tablets.sheets());
    expect(results.eventId).toBe('regional');
    expect(results.eventName).toBe('Regional');
    expect(
      results.categories.map((c) => [c.categoryId, c.maxScore, c.standings[0]?.score]),
    ).toEqual([
      ['design', 32.5, 25],
      ['sprint', 20, 12.5],
    ]);
  });
});
