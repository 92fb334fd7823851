import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import type { Assignment, Category, JudgingEvent, ScoringRules, TieBreaker } from '../event.js';
import { rankCategory, type CategoryResult } from '../ranking.js';
import { CategoryRanking } from './categoryRanking.js';
import { commitField, criterionField, readSheets, type ScoreSheet } from '../sheetDoc.js';
import { criterion } from './scoring.fixture.js';

/**
 * Random panels scored through the real code path (Y.Doc + commitField + readSheets).
 * Criteria: x (0–10, weight 2), y (0–10 in halves, weight 1), bonus (optional, 0–5, weight 0.5).
 */
interface Sheet {
  submitted: boolean;
  x: number | null;
  y: number | null;
  bonus: number | null;
}
type Cell = 'unassigned' | 'assigned' | Sheet;
interface Panel {
  teams: { id: string; withdrawn: boolean }[];
  judges: string[];
  /** cells[judge][team] */
  cells: Cell[][];
  rules: ScoringRules;
}

const CRITERIA = [
  criterion('x', { weight: 2 }),
  criterion('y', { step: 0.5, weight: 1 }),
  criterion('bonus', { max: 5, weight: 0.5, required: false }),
];
const TIE_BREAKERS: TieBreaker[] = [
  { kind: 'criterion', criterionId: 'x' },
  { kind: 'criterion', criterionId: 'bonus' },
  { kind: 'aggregation', aggregation: 'median' },
  { kind: 'aggregation', aggregation: 'sum' },
];

const sheetArb: fc.Arbitrary<Sheet> = fc.record({
  submitted: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, fc.constant(false)),
  x: fc.option(fc.integer({ min: 0, max: 10 }), { freq: 10 }),
  y: fc.option(
    fc.integer({ min: 0, max: 20 }).map((n) => n / 2),
    { freq: 10 },
  ),
  bonus: fc.option(fc.integer({ min: 0, max: 5 }), { freq: 2 }),
});
const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Cell>('unassigned') },
  { weight: 1, arbitrary: fc.constant<Cell>('assigned') },
  { weight: 6, arbitrary: sheetArb },
);
const rulesArb = (
  normalisation: fc.Arbitrary<ScoringRules['normalisation']>,
  tieBreakers: readonly TieBreaker[] = TIE_BREAKERS,
): fc.Arbitrary<ScoringRules> =>
  fc.record({
    aggregation: fc.constantFrom('mean', 'median', 'trimmed-mean', 'sum'),
    trim: fc.integer({ min: 0, max: 2 }),
    aggregateBy: fc.constantFrom('judge-total', 'criterion'),
    normalisation,
    minJudges: fc.integer({ min: 1, max: 3 }),
    tieBreakers: fc.shuffledSubarray([...tieBreakers]),
    decimals: fc.integer({ min: 0, max: 3 }),
    topN: fc.integer({ min: 1, max: 3 }),
  });
const panelArb = (rules: fc.Arbitrary<ScoringRules>): fc.Arbitrary<Panel> =>
  fc
    .record({ teams: fc.integer({ min: 2, max: 6 }), judges: fc.integer({ min: 1, max: 5 }) })
    .chain(({ teams, judges }) =>
      fc.record({
        teams: fc.array(
          fc.record({
            withdrawn: fc.oneof({ weight: 8, arbitrary: fc.constant(false) }, fc.constant(true)),
          }),
          { minLength: teams, maxLength: teams },
        ),
        cells: fc.array(fc.array(cellArb, { minLength: teams, maxLength: teams }), {
          minLength: judges,
          maxLength: judges,
        }),
        rules,
      }),
    )
    .map(({ teams, cells, rules }) => ({
      teams: teams.map((t, i) => ({ id: `T${i}`, withdrawn: t.withdrawn })),
      judges: cells.map((_, j) => `J${j}`),
      cells,
      rules,
    }));

/** A seeded shuffle (mulberry32), so a failing case can be replayed. */
function shuffler(seed: number): <T>(items: readonly T[]) => T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (items) => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const k = Math.floor(next() * (i + 1));
      [out[i], out[k]] = [out[k]!, out[i]!];
    }
    return out;
  };
}

const keep = <T>(items: readonly T[]): T[] => [...items];

/** The event and every judge's sheets; `order` decides the order things are listed and arrive. */
function build(
  panel: Panel,
  order: <T>(items: readonly T[]) => T[] = keep,
): { event: JudgingEvent; category: Category; sheets: Map<string, Map<string, ScoreSheet>> } {
  const category: Category = {
    id: 'robot',
    name: 'Robot',
    order: 1,
    criteria: CRITERIA,
    scoring: panel.rules,
  };
  const assignments: Assignment[] = [];
  const docs = new Map<string, Y.Doc>();
  let clock = 1_000;
  const pairs = panel.judges.flatMap((judgeId, j) =>
    panel.teams.map((team, t) => ({ judgeId, teamId: team.id, cell: panel.cells[j]![t]! })),
  );
  for (const { judgeId, teamId, cell } of order(pairs)) {
    if (cell === 'unassigned') continue;
    assignments.push({ judgeId, teamId, categoryId: 'robot' });
    if (cell === 'assigned') continue;
    let doc = docs.get(judgeId);
    if (!doc) docs.set(judgeId, (doc = new Y.Doc()));
    const base = { teamId, categoryId: 'robot', author: judgeId, device: `tablet-${judgeId}` };
    for (const id of ['x', 'y', 'bonus'] as const) {
      const value = cell[id];
      if (value !== null)
        commitField(doc, { ...base, field: criterionField(id), value, at: clock++ });
    }
    if (cell.submitted)
      commitField(doc, { ...base, field: 'status', value: 'submitted', at: clock++ });
  }
  const sheets = new Map(
    order([...docs]).map(([judgeId, doc]) => [judgeId, new Map(order([...readSheets(doc)]))]),
  );
  const event: JudgingEvent = {
    settings: { id: 'regional', name: 'Regional' },
    categories: [category],
    teams: order(panel.teams.map((t) => ({ ...t, name: `Team ${t.id}`, categoryIds: ['robot'] }))),
    judges: order(panel.judges.map((id) => ({ id, name: `Judge ${id}` }))),
    assignments: order(assignments),
  };
  return { event, category, sheets };
}

function rank(panel: Panel, order?: <T>(items: readonly T[]) => T[]): CategoryResult {
  const { event, category, sheets } = build(panel, order);
  return rankCategory(event, category, sheets);
}

const ranked = (result: CategoryResult) =>
  result.standings.filter((s) => s.rank !== null).map((s) => [s.teamId, s.rank, s.score]);

describe('ranking is independent of the order judges and sheets arrive', () => {
  it('shuffling judges, teams, assignments, sheet documents and commits changes nothing', () => {
    fc.assert(
      fc.property(
        panelArb(rulesArb(fc.constantFrom('none', 'z-score'))),
        fc.integer(),
        (panel, seed) => {
          expect(rank(panel, shuffler(seed))).toEqual(rank(panel));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a judge who gives every team the same total changes no ranking under z-score', () => {
  /** Counted sheets of teams that are not withdrawn, by judge. */
  const countedSheets = (panel: Panel) =>
    panel.cells.map((row) =>
      row.flatMap((cell, t) =>
        typeof cell === 'object' &&
        cell.submitted &&
        cell.x !== null &&
        cell.y !== null &&
        !panel.teams[t]!.withdrawn
          ? [cell]
          : [],
      ),
    );
  /** Some judge has two counted values that differ: z-scores exist in this channel. */
  const hasSpread = (panel: Panel, value: (s: Sheet) => number) =>
    countedSheets(panel).some((sheets) => new Set(sheets.map(value)).size > 1);
  const total = (s: Sheet) => 2 * s.x! + s.y! + 0.5 * (s.bonus ?? 0);

  /** Adds judge JX, assigned to some teams that already have a score, with these sheets. */
  function withJudge(panel: Panel, teamIds: string[], sheetFor: (i: number) => Sheet): Panel {
    return {
      ...panel,
      judges: [...panel.judges, 'JX'],
      cells: [
        ...panel.cells,
        panel.teams.map((t): Cell => {
          const i = teamIds.indexOf(t.id);
          return i < 0 ? 'unassigned' : sheetFor(i);
        }),
      ],
    };
  }

  it('same total from different values (judge-total, aggregation tie-breakers)', () => {
    const rules = rulesArb(fc.constant('z-score'), TIE_BREAKERS.slice(2)).map(
      (r): ScoringRules => ({ ...r, aggregateBy: 'judge-total' }),
    );
    fc.assert(
      fc.property(
        panelArb(rules),
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
        fc.integer(),
        (panel, jxTotal, splits, seed) => {
          fc.pre(hasSpread(panel, total));
          const before = rank(panel);
          const scored = ranked(before).map(([teamId]) => teamId as string);
          const chosen = shuffler(seed)(scored).slice(0, 1 + ((seed >>> 0) % scored.length));
          // 2x + y = jxTotal with x, y on their steps: x from max(0, ⌈(total − 10)/2⌉) to ⌊total/2⌋.
          const low = Math.max(0, Math.ceil((jxTotal - 10) / 2));
          const high = Math.min(10, Math.floor(jxTotal / 2));
          const after = rank(
            withJudge(panel, chosen, (i) => {
              const x = low + (splits[i]! % (high - low + 1));
              return { submitted: true, x, y: jxTotal - 2 * x, bonus: null };
            }),
          );
          expect(ranked(after)).toEqual(ranked(before));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the same sheet for every team (any aggregation, aggregateBy and tie-breakers)', () => {
    fc.assert(
      fc.property(
        panelArb(rulesArb(fc.constant('z-score'))),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer(),
        (panel, x, halves, seed) => {
          const channels =
            panel.rules.aggregateBy === 'criterion'
              ? [(s: Sheet) => s.x!, (s: Sheet) => s.y!]
              : [total];
          fc.pre(channels.every((value) => hasSpread(panel, value)));
          const before = rank(panel);
          const scored = ranked(before).map(([teamId]) => teamId as string);
          const chosen = shuffler(seed)(scored).slice(0, 1 + ((seed >>> 0) % scored.length));
          // The optional bonus stays blank: a value where a team had none is new information.
          const sheet: Sheet = { submitted: true, x, y: halves / 2, bonus: null };
          const after = rank(withJudge(panel, chosen, () => sheet));
          expect(ranked(after)).toEqual(ranked(before));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('ranking again after some teams changed gives what ranking from scratch gives', () => {
  /** A later state of the panel: some sheets rewritten, the same judges assigned to the same teams. */
  const laterCells = (panel: Panel) =>
    fc
      .array(
        fc.array(fc.option(cellArb, { freq: 3 }), {
          minLength: panel.teams.length,
          maxLength: panel.teams.length,
        }),
        { minLength: panel.judges.length, maxLength: panel.judges.length },
      )
      .map((changes) =>
        panel.cells.map((row, j) =>
          row.map((cell, t): Cell => {
            const next = changes[j]![t];
            if (cell === 'unassigned' || next === null || next === undefined) return cell;
            return next === 'unassigned' ? 'assigned' : next;
          }),
        ),
      );

  it('for every rule set, over several rounds of changes, incremental equals from scratch', () => {
    fc.assert(
      fc.property(
        panelArb(rulesArb(fc.constantFrom('none', 'none', 'z-score'))).chain((panel) =>
          fc.record({
            panel: fc.constant(panel),
            rounds: fc.array(laterCells(panel), { minLength: 1, maxLength: 4 }),
          }),
        ),
        ({ panel, rounds }) => {
          const first = build(panel);
          const ranking = new CategoryRanking();
          expect(ranking.rank(first.event, first.category, first.sheets)).toEqual(
            rankCategory(first.event, first.category, first.sheets),
          );
          let cells = panel.cells;
          for (const next of rounds) {
            const changed = new Set(
              panel.teams
                .filter((_, t) => next.some((row, j) => row[t] !== cells[j]![t]))
                .map((team) => team.id),
            );
            const { sheets } = build({ ...panel, cells: next });
            // The same event and category objects: only sheets changed.
            const again = ranking.rank(first.event, first.category, sheets, changed);
            expect(again).toEqual(rankCategory(first.event, first.category, sheets));
            cells = next;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('what did not move is the same object as before (so writers can skip it)', () => {
    const panel: Panel = {
      teams: ['TA', 'TB', 'TC'].map((id) => ({ id, withdrawn: false })),
      judges: ['J1'],
      cells: [
        [
          { submitted: true, x: 9, y: 5, bonus: null },
          { submitted: true, x: 5, y: 5, bonus: null },
          { submitted: true, x: 1, y: 5, bonus: null },
        ],
      ],
      rules: {
        aggregation: 'mean',
        trim: 1,
        aggregateBy: 'judge-total',
        normalisation: 'none',
        minJudges: 1,
        tieBreakers: [],
        decimals: 2,
        topN: 3,
      },
    };
    const first = build(panel);
    const ranking = new CategoryRanking();
    const before = ranking.rank(first.event, first.category, first.sheets);
    // C rises from third to second: A keeps its place; B and C move.
    const later = build({
      ...panel,
      cells: [
        [panel.cells[0]![0]!, panel.cells[0]![1]!, { submitted: true, x: 6, y: 5, bonus: null }],
      ],
    });
    const after = ranking.rank(first.event, first.category, later.sheets, new Set(['TC']));
    expect(after.standings.map((s) => [s.teamId, s.rank])).toEqual([
      ['TA', 1],
      ['TC', 2],
      ['TB', 3],
    ]);
    expect(after.standings[0]).toBe(before.standings[0]);
    expect(after.standings[2]).not.toBe(before.standings[1]);
    expect(after.methods[0]!.standings[0]).toBe(before.methods[0]!.standings[0]);
    expect(after.methods[0]!.standings[1]).not.toBe(before.methods[0]!.standings[2]);
  });
});
