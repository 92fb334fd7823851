import { describe, it, expect } from 'vitest';
import { category, criterion, rankPanel, table, team } from './scoring.fixture.js';
import { zScoreNormalise, type Observation } from './normalise.js';

const zScore = (scoring = {}) =>
  category([criterion('score', { max: 20 })], { normalisation: 'z-score', ...scoring });
const TEAMS = ['A', 'B', 'C', 'D', 'E'].map((id) =>
  team(id, { A: 'Alpha', B: 'Bravo', C: 'Charlie', D: 'Delta', E: 'Echo' }[id]!),
);

/**
 * The example of docs/SCORING.md. One criterion, 0–20, weight 1: a total is the value.
 *
 *   J1 (narrow):  Alpha 4, Bravo 6     μ₁ = 5, σ₁ = √((1 + 1)/2) = 1
 *   J2 (wide):    Charlie 1, Delta 15  μ₂ = 8, σ₂ = √((49 + 49)/2) = 7
 *   J3:           Bravo 5, Delta 5     all equal: no spread
 *   J4:           Echo 10              one sheet: no spread
 *
 * Judges with spread: J1, J2. M = (4 + 6 + 1 + 15) / 4 = 6.5
 * S = √((1 + 1 + 49 + 49) / 4) = √25 = 5
 *
 *   Alpha   J1 z = (4 − 5)/1 = −1  → 6.5 − 5 = 1.5
 *   Bravo   J1 z = +1              → 11.5   (J3's 5 left out: Bravo has a value with spread)
 *   Charlie J2 z = (1 − 8)/7 = −1  → 1.5
 *   Delta   J2 z = +1              → 11.5   (J3's 5 left out)
 *   Echo    only J4, no spread     → M = 6.5
 */
const EXAMPLE = {
  J1: { A: { score: 4 }, B: { score: 6 } },
  J2: { C: { score: 1 }, D: { score: 15 } },
  J3: { B: { score: 5 }, D: { score: 5 } },
  J4: { E: { score: 10 } },
};

describe('zScoreNormalise', () => {
  const observations: Observation[] = Object.entries(EXAMPLE).flatMap(([judgeId, byTeam]) =>
    Object.entries(byTeam).map(([teamId, v]) => ({ judgeId, teamId, value: v.score })),
  );

  it('maps each judge’s z-scores onto the pooled mean M and within-judge SD S', () => {
    const { byTeam, scale, withoutSpread } = zScoreNormalise(observations);
    expect(scale).toEqual({ mean: 6.5, sd: 5 });
    expect(withoutSpread).toEqual(['J3', 'J4']);
    expect(Object.fromEntries(byTeam)).toEqual({
      A: [1.5],
      B: [11.5],
      C: [1.5],
      D: [11.5],
      E: [6.5],
    });
  });

  it('with one judge with spread, values are unchanged (M = μ, S = σ)', () => {
    // J1 alone: M = 5, S = 1 → 5 + 1·(x − 5)/1 = x
    const { byTeam } = zScoreNormalise(observations.filter((o) => o.judgeId === 'J1'));
    expect(Object.fromEntries(byTeam)).toEqual({ A: [4], B: [6] });
  });

  it('when no judge has spread, every value counts as the mean of all values', () => {
    // J3 5, 5 and J4 10: M = (5 + 5 + 10) / 3 = 6.666…
    const { byTeam, scale } = zScoreNormalise(
      observations.filter((o) => o.judgeId === 'J3' || o.judgeId === 'J4'),
    );
    expect(scale).toEqual({ mean: 20 / 3, sd: 0 });
    expect(Object.fromEntries(byTeam)).toEqual({ B: [20 / 3], D: [20 / 3], E: [20 / 3] });
  });
});

describe('z-score normalisation in a ranking', () => {
  it('puts a harsh and a lenient judge on one scale (docs/SCORING.md example)', () => {
    // Raw means would be Delta (15 + 5)/2 = 10, Echo 10, Bravo (6 + 5)/2 = 5.5, Alpha 4, Charlie 1.
    expect(table(rankPanel(zScore(), TEAMS, EXAMPLE))).toEqual([
      ['Bravo', 1, 11.5],
      ['Delta', 1, 11.5],
      ['Echo', 3, 6.5],
      ['Alpha', 4, 1.5],
      ['Charlie', 4, 1.5],
    ]);
  });

  it('averages normalised values when several judges score a team', () => {
    /**
     * Both judges score all four teams.
     *   J1: A 2, B 4, C 6, D 8     μ = 5,    deviations −3 −1 1 3,         σ = √(20/4) = √5
     *   J2: A 13, B 10, C 11, D 12 μ = 11.5, deviations 1.5 −1.5 −0.5 0.5, σ = √(5/4) = √5/2
     * z (both judges): J1 A −3/√5, B −1/√5, C 1/√5, D 3/√5; J2 A 3/√5, B −3/√5, C −1/√5, D 1/√5
     * M = (20 + 46) / 8 = 8.25;  S = √((20 + 5) / 8) = √3.125 = 1.767767
     * S/√5 = 0.790569 (call it u): a value is 8.25 + u·(3, 1, −1 or −3)
     *   Alpha   (8.25 − 3u + 8.25 + 3u) / 2 = 8.25
     *   Bravo   (8.25 − u + 8.25 − 3u) / 2 = 8.25 − 2u = 8.25 − 1.581139 = 6.668861 → 6.67
     *   Charlie (8.25 + u + 8.25 − u) / 2 = 8.25
     *   Delta   (8.25 + 3u + 8.25 + u) / 2 = 8.25 + 2u = 9.831139 → 9.83
     * Raw means would rank Delta 10, Charlie 8.5, Alpha 7.5, Bravo 7.
     */
    const result = rankPanel(zScore(), TEAMS.slice(0, 4), {
      J1: { A: { score: 2 }, B: { score: 4 }, C: { score: 6 }, D: { score: 8 } },
      J2: { A: { score: 13 }, B: { score: 10 }, C: { score: 11 }, D: { score: 12 } },
    });
    expect(table(result)).toEqual([
      ['Delta', 1, 9.83],
      ['Alpha', 2, 8.25],
      ['Charlie', 2, 8.25],
      ['Bravo', 4, 6.67],
    ]);
  });

  it('adding a judge who gives every team the same total changes no score', () => {
    const withJ5 = {
      ...EXAMPLE,
      J5: { A: { score: 20 }, B: { score: 20 }, C: { score: 20 }, D: { score: 20 } },
    };
    const before = rankPanel(zScore(), TEAMS, EXAMPLE);
    const after = rankPanel(zScore(), TEAMS, withJ5);
    expect(table(after)).toEqual(table(before));
    // J5's sheets are counted (complete, submitted) but have no spread, so they move nothing.
    expect(after.standings.find((s) => s.teamId === 'A')?.judgesCounted).toBe(2);
  });

  it('criterion mode normalises each criterion per judge', () => {
    /**
     * Criteria x and y (weight 1 each). Score = mean x + mean y, after normalising per criterion.
     *   J1: Alpha x 2 y 5, Bravo x 4 y 5    x: μ 3, σ 1;  y: no spread (5, 5)
     *   J2: Alpha x 9 y 6, Bravo x 7 y 8    x: μ 8, σ 1;  y: μ 7, σ 1
     * x: M = (2 + 4 + 9 + 7)/4 = 5.5, S = √(4/4) = 1 → Alpha J1 4.5, J2 6.5; Bravo J1 6.5, J2 4.5
     *    mean x: Alpha 5.5, Bravo 5.5
     * y: only J2 has spread: M = 7, S = 1 → Alpha 6, Bravo 8 (J1's 5s left out)
     * Alpha 5.5 + 6 = 11.5; Bravo 5.5 + 8 = 13.5.
     */
    const cat = category([criterion('x'), criterion('y')], {
      normalisation: 'z-score',
      aggregateBy: 'criterion',
    });
    const result = rankPanel(cat, TEAMS.slice(0, 2), {
      J1: { A: { x: 2, y: 5 }, B: { x: 4, y: 5 } },
      J2: { A: { x: 9, y: 6 }, B: { x: 7, y: 8 } },
    });
    expect(table(result)).toEqual([
      ['Bravo', 1, 13.5],
      ['Alpha', 2, 11.5],
    ]);
  });

  it('a withdrawn team’s sheet is not part of its judge’s mean and spread', () => {
    /**
     * J1: Alpha 4, Bravo 6 (Whiskey 20, withdrawn, ignored) → μ 5, σ 1
     * J2: Alpha 8, Bravo 6 → μ 7, σ 1
     * M = (4 + 6 + 8 + 6)/4 = 6, S = 1. Alpha (5 + 7)/2 = 6, Bravo (7 + 5)/2 = 6: a tie.
     * Counting Whiskey would give J1 μ 10 and Alpha, Bravo both far below the mean.
     */
    const result = rankPanel(
      zScore(),
      [team('A', 'Alpha'), team('B', 'Bravo'), team('W', 'Whiskey', ['robot'], true)],
      {
        J1: { A: { score: 4 }, B: { score: 6 }, W: { score: 20 } },
        J2: { A: { score: 8 }, B: { score: 6 } },
      },
    );
    expect(table(result)).toEqual([
      ['Alpha', 1, 6],
      ['Bravo', 1, 6],
    ]);
  });
});
