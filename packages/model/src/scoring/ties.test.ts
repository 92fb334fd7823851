import { describe, it, expect } from 'vitest';
import type { TieBreaker } from '../event.js';
import { category, criterion, rankPanel, table, team } from './scoring.fixture.js';

/** design (weight 2) and code (weight 1); a judge's total is 2·design + code. Mean of totals. */
const robot = (tieBreakers: TieBreaker[] = [], extra = [criterion('bonus', { weight: 0 })]) =>
  category([criterion('design', { weight: 2 }), criterion('code', { weight: 1 }), ...extra], {
    tieBreakers,
  });
const TEAMS = [team('D', 'Delta'), team('C', 'Charlie'), team('B', 'Bravo'), team('A', 'Alpha')];

describe('ties', () => {
  // Alpha J1 2·10+10 = 30, J2 30 → 30
  // Bravo J1 2·5+9 = 19, J2 2·5+9 = 19 → 19, code mean 9
  // Charlie J1 2·7+5 = 19, J2 2·6+7 = 19 → 19, code mean (5+7)/2 = 6
  // Delta J1 2·3+4 = 10, J2 2·4+2 = 10 → 10
  const sheets = {
    J1: {
      A: { design: 10, code: 10, bonus: 0 },
      B: { design: 5, code: 9, bonus: 0 },
      C: { design: 7, code: 5, bonus: 0 },
      D: { design: 3, code: 4, bonus: 0 },
    },
    J2: {
      A: { design: 10, code: 10, bonus: 0 },
      B: { design: 5, code: 9, bonus: 0 },
      C: { design: 6, code: 7, bonus: 0 },
      D: { design: 4, code: 2, bonus: 0 },
    },
  };

  it('without tie-breakers, equal scores share a rank and the next rank is skipped (1, 2, 2, 4)', () => {
    expect(table(rankPanel(robot(), TEAMS, sheets))).toEqual([
      ['Alpha', 1, 30],
      ['Bravo', 2, 19],
      ['Charlie', 2, 19],
      ['Delta', 4, 10],
    ]);
  });

  it('a criterion tie-breaker separates them by that criterion’s aggregated value', () => {
    // code: Bravo 9 > Charlie 6
    const result = rankPanel(robot([{ kind: 'criterion', criterionId: 'code' }]), TEAMS, sheets);
    expect(table(result)).toEqual([
      ['Alpha', 1, 30],
      ['Bravo', 2, 19],
      ['Charlie', 3, 19],
      ['Delta', 4, 10],
    ]);
    expect(result.standings.map((s) => s.tieBreakValues)).toEqual([[10], [9], [6], [3]]);
  });

  it('the next tie-breaker decides when the first is equal too', () => {
    // Three judges. Bravo totals 2·5+5 = 15, 15, 2·8+5 = 21 → mean 51/3 = 17, median 15
    // Charlie totals 2·6+5 = 17 three times → mean 17, median 17
    // code: 5 for both, so the criterion tie-breaker leaves them tied; median: 17 > 15.
    const result = rankPanel(
      robot([
        { kind: 'criterion', criterionId: 'code' },
        { kind: 'aggregation', aggregation: 'median' },
      ]),
      [team('B', 'Bravo'), team('C', 'Charlie')],
      {
        J1: { B: { design: 5, code: 5, bonus: 0 }, C: { design: 6, code: 5, bonus: 0 } },
        J2: { B: { design: 5, code: 5, bonus: 0 }, C: { design: 6, code: 5, bonus: 0 } },
        J3: { B: { design: 8, code: 5, bonus: 0 }, C: { design: 6, code: 5, bonus: 0 } },
      },
    );
    expect(table(result)).toEqual([
      ['Charlie', 1, 17],
      ['Bravo', 2, 17],
    ]);
    expect(result.standings.map((s) => s.tieBreakValues)).toEqual([
      [5, 17],
      [5, 15],
    ]);
  });

  it('teams equal on every tie-breaker share the rank', () => {
    // Charlie and Echo have identical sheets: equal score, code and median.
    const result = rankPanel(
      robot([
        { kind: 'criterion', criterionId: 'code' },
        { kind: 'aggregation', aggregation: 'median' },
      ]),
      [team('E', 'Echo'), team('C', 'Charlie'), team('A', 'Alpha')],
      {
        J1: {
          A: { design: 9, code: 9, bonus: 0 },
          C: { design: 6, code: 5, bonus: 0 },
          E: { design: 6, code: 5, bonus: 0 },
        },
      },
    );
    expect(table(result)).toEqual([
      ['Alpha', 1, 27],
      ['Charlie', 2, 17],
      ['Echo', 2, 17],
    ]);
  });

  it('a tie-breaker that a tied team has no value for is skipped for that group', () => {
    // `bonus` is optional with weight 0: a tie-break question that never changes the score.
    // Bravo: 2·5 + 9 = 19, bonus 3. Charlie: 2·7 + 5 = 19, bonus blank.
    // Bonus cannot compare them (Charlie has none), so code decides: Bravo 9 > Charlie 5.
    const tieBreakers: TieBreaker[] = [
      { kind: 'criterion', criterionId: 'bonus' },
      { kind: 'criterion', criterionId: 'code' },
    ];
    const optionalBonus = [criterion('bonus', { weight: 0, required: false })];
    const teams = [team('B', 'Bravo'), team('C', 'Charlie')];
    const skipped = rankPanel(robot(tieBreakers, optionalBonus), teams, {
      J1: { B: { design: 5, code: 9, bonus: 3 }, C: { design: 7, code: 5 } },
    });
    expect(table(skipped)).toEqual([
      ['Bravo', 1, 19],
      ['Charlie', 2, 19],
    ]);
    expect(skipped.standings.map((s) => s.tieBreakValues)).toEqual([
      [3, 9],
      [null, 5],
    ]);
    // With a bonus for Charlie (5 > 3), the bonus decides first.
    const decided = rankPanel(robot(tieBreakers, optionalBonus), teams, {
      J1: { B: { design: 5, code: 9, bonus: 3 }, C: { design: 7, code: 5, bonus: 5 } },
    });
    expect(table(decided)).toEqual([
      ['Charlie', 1, 19],
      ['Bravo', 2, 19],
    ]);
  });

  it('tie-breakers compare published values: equal after rounding is equal', () => {
    // One criterion `time` (steps of 0.001) and a tie-break criterion `t2`, 2 decimals.
    // Kilo t2 (1.001 + 1.002)/2 = 1.0015 → 1.00; Lima t2 1.004 → 1.00: still tied, shared rank.
    const cat = category(
      [
        criterion('time', { max: 20, step: 0.001 }),
        criterion('t2', { max: 2, step: 0.001, weight: 0 }),
      ],
      { tieBreakers: [{ kind: 'criterion', criterionId: 't2' }] },
    );
    const result = rankPanel(cat, [team('K', 'Kilo'), team('L', 'Lima')], {
      J1: { K: { time: 10, t2: 1.001 }, L: { time: 10, t2: 1.004 } },
      J2: { K: { time: 10, t2: 1.002 } },
    });
    expect(table(result)).toEqual([
      ['Kilo', 1, 10],
      ['Lima', 1, 10],
    ]);
    expect(result.standings.map((s) => s.tieBreakValues)).toEqual([[1], [1]]);
  });
});
