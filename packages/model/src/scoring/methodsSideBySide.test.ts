import { describe, it, expect } from 'vitest';
import { category, criterion, rankPanel, team } from './scoring.fixture.js';

/**
 * One criterion (0–30): a total is the value. Three judges; the category uses the mean.
 *   Alpha   30, 30, 30  mean 30, median 30, trimmed (k=1) 30, sum 90
 *   Bravo   20, 20,  5  mean 15, median 20, trimmed 20,       sum 45
 *   Charlie 18, 18, 18  mean 18, median 18, trimmed 18,       sum 54
 * mean:    Alpha 1, Charlie 2, Bravo 3      median:  Alpha 1, Bravo 2, Charlie 3
 * trimmed: Alpha 1, Bravo 2, Charlie 3      sum:     Alpha 1, Charlie 2, Bravo 3
 */
const SHEETS = {
  J1: { A: { score: 30 }, B: { score: 20 }, C: { score: 18 } },
  J2: { A: { score: 30 }, B: { score: 20 }, C: { score: 18 } },
  J3: { A: { score: 30 }, B: { score: 5 }, C: { score: 18 } },
};
const TEAMS = [team('A', 'Alpha'), team('B', 'Bravo'), team('C', 'Charlie')];
const rank = (topN: number) =>
  rankPanel(category([criterion('score', { max: 30 })], { topN }), TEAMS, SHEETS);

describe('methods side by side', () => {
  it('ranks the category under every aggregation method', () => {
    expect(rank(3).methods).toEqual([
      {
        aggregation: 'mean',
        trim: 0,
        standings: [
          { teamId: 'A', rank: 1, score: 30 },
          { teamId: 'C', rank: 2, score: 18 },
          { teamId: 'B', rank: 3, score: 15 },
        ],
        changesTopN: false,
      },
      {
        aggregation: 'median',
        trim: 0,
        standings: [
          { teamId: 'A', rank: 1, score: 30 },
          { teamId: 'B', rank: 2, score: 20 },
          { teamId: 'C', rank: 3, score: 18 },
        ],
        changesTopN: true,
      },
      {
        aggregation: 'trimmed-mean',
        // the category's trim is 0, so the trimmed mean drops one at each end
        trim: 1,
        standings: [
          { teamId: 'A', rank: 1, score: 30 },
          { teamId: 'B', rank: 2, score: 20 },
          { teamId: 'C', rank: 3, score: 18 },
        ],
        changesTopN: true,
      },
      {
        aggregation: 'sum',
        trim: 0,
        standings: [
          { teamId: 'A', rank: 1, score: 90 },
          { teamId: 'C', rank: 2, score: 54 },
          { teamId: 'B', rank: 3, score: 45 },
        ],
        changesTopN: false,
      },
    ]);
  });

  it('flags that the method decides places within the top N', () => {
    // Places 1–2 differ: mean has Charlie second, median and trimmed mean Bravo.
    expect(rank(2).topNChangesWithMethod).toBe(true);
    expect(rank(3).topNChangesWithMethod).toBe(true);
  });

  it('does not flag a difference below the top N', () => {
    // Every method puts Alpha first.
    const result = rank(1);
    expect(result.topNChangesWithMethod).toBe(false);
    expect(result.methods.map((m) => m.changesTopN)).toEqual([false, false, false, false]);
  });

  it('does not flag when every method agrees', () => {
    const result = rankPanel(category([criterion('score', { max: 30 })]), TEAMS, {
      J1: { A: { score: 30 }, B: { score: 20 }, C: { score: 10 } },
      J2: { A: { score: 29 }, B: { score: 19 }, C: { score: 9 } },
    });
    expect(result.topNChangesWithMethod).toBe(false);
  });
});
