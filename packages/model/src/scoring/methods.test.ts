import { describe, it, expect } from 'vitest';
import type { Aggregation, ScoringRules } from '../event.js';
import { category, criterion, rankPanel, table, team } from './scoring.fixture.js';

/**
 * One panel, every aggregation method, both ways of aggregating. Five judges score three teams on
 * design (weight 2) and code (weight 1); a judge's total is 2·design + code.
 *
 *            Alpha            Bravo            Charlie
 *         design code total  design code total  design code total
 *   J1      10   10   30       6    5   17        1    0    2
 *   J2       5    5   15       6    6   18        7    3   17
 *   J3       6    4   16       6    5   17        8    2   18
 *   J4       5    6   16       6    5   17        7    4   18
 *   J5       6    5   17       7    4   18        8    3   19
 *
 * Alpha has one very high sheet (J1), Charlie one very low one (J1), Bravo is consistent.
 *
 * Sorted totals:  Alpha 15 16 16 17 30 · Bravo 17 17 17 18 18 · Charlie 2 17 18 18 19
 * Sorted design:  Alpha 5 5 6 6 10     · Bravo 6 6 6 6 7      · Charlie 1 7 7 8 8
 * Sorted code:    Alpha 4 5 5 6 10     · Bravo 4 5 5 5 6      · Charlie 0 2 3 3 4
 */
const SHEETS = {
  J1: { A: { design: 10, code: 10 }, B: { design: 6, code: 5 }, C: { design: 1, code: 0 } },
  J2: { A: { design: 5, code: 5 }, B: { design: 6, code: 6 }, C: { design: 7, code: 3 } },
  J3: { A: { design: 6, code: 4 }, B: { design: 6, code: 5 }, C: { design: 8, code: 2 } },
  J4: { A: { design: 5, code: 6 }, B: { design: 6, code: 5 }, C: { design: 7, code: 4 } },
  J5: { A: { design: 6, code: 5 }, B: { design: 7, code: 4 }, C: { design: 8, code: 3 } },
};
const TEAMS = [team('A', 'Alpha'), team('B', 'Bravo'), team('C', 'Charlie')];

function rank(aggregation: Aggregation, aggregateBy: ScoringRules['aggregateBy'], trim = 1) {
  const cat = category([criterion('design', { weight: 2 }), criterion('code', { weight: 1 })], {
    aggregation,
    aggregateBy,
    trim,
  });
  return table(rankPanel(cat, TEAMS, SHEETS));
}

describe('aggregateBy judge-total: aggregate the judges’ totals', () => {
  it('mean', () => {
    // Alpha (15+16+16+17+30)/5 = 94/5 = 18.8; Bravo 87/5 = 17.4; Charlie 74/5 = 14.8
    expect(rank('mean', 'judge-total')).toEqual([
      ['Alpha', 1, 18.8],
      ['Bravo', 2, 17.4],
      ['Charlie', 3, 14.8],
    ]);
  });

  it('median', () => {
    // Middle of five sorted totals: Alpha 16, Bravo 17, Charlie 18
    expect(rank('median', 'judge-total')).toEqual([
      ['Charlie', 1, 18],
      ['Bravo', 2, 17],
      ['Alpha', 3, 16],
    ]);
  });

  it('trimmed mean, k = 1', () => {
    // Drop lowest and highest: Alpha (16+16+17)/3 = 49/3 = 16.333… → 16.33
    // Bravo (17+17+18)/3 = 52/3 = 17.333… → 17.33; Charlie (17+18+18)/3 = 53/3 = 17.666… → 17.67
    expect(rank('trimmed-mean', 'judge-total')).toEqual([
      ['Charlie', 1, 17.67],
      ['Bravo', 2, 17.33],
      ['Alpha', 3, 16.33],
    ]);
  });

  it('trimmed mean, k = 2 of five keeps only the middle value (the median)', () => {
    expect(rank('trimmed-mean', 'judge-total', 2)).toEqual([
      ['Charlie', 1, 18],
      ['Bravo', 2, 17],
      ['Alpha', 3, 16],
    ]);
  });

  it('trimmed mean with trim 0 drops one value at each end (k = 1)', () => {
    expect(rank('trimmed-mean', 'judge-total', 0)).toEqual(rank('trimmed-mean', 'judge-total', 1));
  });

  it('sum', () => {
    // Alpha 94, Bravo 87, Charlie 74
    expect(rank('sum', 'judge-total')).toEqual([
      ['Alpha', 1, 94],
      ['Bravo', 2, 87],
      ['Charlie', 3, 74],
    ]);
  });
});

describe('aggregateBy criterion: aggregate each criterion, then 2·design + code', () => {
  it('mean (the same as judge-total: both are linear)', () => {
    // Alpha design 32/5 = 6.4, code 30/5 = 6 → 2·6.4 + 6 = 18.8
    // Bravo design 31/5 = 6.2, code 25/5 = 5 → 12.4 + 5 = 17.4
    // Charlie design 31/5 = 6.2, code 12/5 = 2.4 → 12.4 + 2.4 = 14.8
    expect(rank('mean', 'criterion')).toEqual([
      ['Alpha', 1, 18.8],
      ['Bravo', 2, 17.4],
      ['Charlie', 3, 14.8],
    ]);
  });

  it('median: all three tie and share rank 1, listed by name', () => {
    // Alpha design 6, code 5 → 17; Bravo 6, 5 → 17; Charlie 7, 3 → 17
    expect(rank('median', 'criterion')).toEqual([
      ['Alpha', 1, 17],
      ['Bravo', 1, 17],
      ['Charlie', 1, 17],
    ]);
  });

  it('trimmed mean, k = 1', () => {
    // Alpha design (5+6+6)/3 = 17/3, code (5+5+6)/3 = 16/3 → 34/3 + 16/3 = 50/3 = 16.666… → 16.67
    // Bravo design (6+6+6)/3 = 6, code (5+5+5)/3 = 5 → 17
    // Charlie design (7+7+8)/3 = 22/3, code (2+3+3)/3 = 8/3 → 44/3 + 8/3 = 52/3 = 17.333… → 17.33
    expect(rank('trimmed-mean', 'criterion')).toEqual([
      ['Charlie', 1, 17.33],
      ['Bravo', 2, 17],
      ['Alpha', 3, 16.67],
    ]);
  });

  it('sum', () => {
    // Alpha 2·32 + 30 = 94; Bravo 2·31 + 25 = 87; Charlie 2·31 + 12 = 74
    expect(rank('sum', 'criterion')).toEqual([
      ['Alpha', 1, 94],
      ['Bravo', 2, 87],
      ['Charlie', 3, 74],
    ]);
  });
});

describe('a trimmed mean with too few judges', () => {
  it('is the median when n ≤ 2k: two judges and k = 1 give the mean of the two', () => {
    const cat = category([criterion('score', { max: 20 })], { aggregation: 'trimmed-mean' });
    const result = rankPanel(cat, [team('A', 'Alpha'), team('B', 'Bravo')], {
      // Alpha 12 and 19: median (12 + 19) / 2 = 15.5. Bravo 3 judges 10, 11, 20: drop 10 and 20 → 11
      J1: { A: { score: 12 }, B: { score: 10 } },
      J2: { A: { score: 19 }, B: { score: 11 } },
      J3: { B: { score: 20 } },
    });
    expect(table(result)).toEqual([
      ['Alpha', 1, 15.5],
      ['Bravo', 2, 11],
    ]);
  });
});
