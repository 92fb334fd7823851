import { describe, it, expect } from 'vitest';
import { rankCategory } from '../ranking.js';
import {
  assign,
  category,
  criterion,
  eventOf,
  rankPanel,
  table,
  Tablets,
  team,
} from './scoring.fixture.js';

const single = (scoring = {}) => category([criterion('score', { max: 20 })], scoring);

describe('minJudges', () => {
  // minJudges 2. Alpha: 1 of 1 assigned counted (12). Bravo: 2 of 3 counted (10, 12 → 11).
  // Charlie: 2 of 2 counted (8, 10 → 9).
  const cat = single({ minJudges: 2 });
  const tablets = new Tablets()
    .score('J1', 'A', { score: 12 })
    .score('J1', 'B', { score: 10 })
    .score('J2', 'B', { score: 12 })
    .score('J1', 'C', { score: 8 })
    .score('J2', 'C', { score: 10 });
  const result = rankCategory(
    eventOf(
      [cat],
      [team('A', 'Alpha'), team('B', 'Bravo'), team('C', 'Charlie')],
      [...assign('A', ['J1']), ...assign('B', ['J1', 'J2', 'J3']), ...assign('C', ['J1', 'J2'])],
    ),
    cat,
    tablets.sheets(),
  );
  const flags = result.standings.map((s) => [
    s.teamName,
    s.rank,
    s.score,
    s.judgesCounted,
    s.complete,
    s.provisional,
  ]);

  it('a team with fewer counted judges is ranked by its score but flagged not complete', () => {
    // Alpha: 1 < 2 → not complete, and provisional although every assigned judge has scored.
    expect(flags[0]).toEqual(['Alpha', 1, 12, 1, false, true]);
  });

  it('complete once minJudges sheets count; provisional while assigned judges are missing', () => {
    // Bravo: 2 ≥ 2 → complete; 2 < 3 assigned → provisional. Charlie: complete and final.
    expect(flags.slice(1)).toEqual([
      ['Bravo', 2, 11, 2, true, true],
      ['Charlie', 3, 9, 2, true, false],
    ]);
  });
});

describe('withdrawn teams', () => {
  it('are not listed, their sheets count nowhere, and ranks close up', () => {
    // Whiskey (withdrawn) 20 would be first; Alpha 15, Bravo 12 rank 1 and 2.
    const result = rankPanel(
      single(),
      [team('A', 'Alpha'), team('W', 'Whiskey', ['robot'], true), team('B', 'Bravo')],
      { J1: { A: { score: 15 }, W: { score: 20 }, B: { score: 12 } } },
    );
    expect(table(result)).toEqual([
      ['Alpha', 1, 15],
      ['Bravo', 2, 12],
    ]);
    expect(result.sheetsSubmitted).toBe(2);
    expect(result.sheetsAssigned).toBe(2);
    expect(result.methods.every((m) => m.standings.every((s) => s.teamId !== 'W'))).toBe(true);
  });
});

describe('published rounding', () => {
  const sprint = (decimals?: number) =>
    category(
      [criterion('time', { max: 20, step: 0.01 })],
      decimals === undefined ? {} : { decimals },
    );

  it('a mean of exactly half a cent rounds away from zero, as by hand', () => {
    // Kilo (1.00 + 1.01) / 2 = 1.005 → 1.01 (Math.round(100.499…)/100 would say 1.00)
    // Lima (2.67 + 2.68) / 2 = 2.675 → 2.68
    const result = rankPanel(sprint(), [team('K', 'Kilo'), team('L', 'Lima')], {
      J1: { K: { time: 1 }, L: { time: 2.67 } },
      J2: { K: { time: 1.01 }, L: { time: 2.68 } },
    });
    expect(table(result)).toEqual([
      ['Lima', 1, 2.68],
      ['Kilo', 2, 1.01],
    ]);
  });

  it('ranks compare published scores: 1.005 and 1.01 both publish as 1.01 and tie', () => {
    const result = rankPanel(sprint(), [team('K', 'Kilo'), team('L', 'Lima')], {
      J1: { K: { time: 1 }, L: { time: 1.01 } },
      J2: { K: { time: 1.01 } },
    });
    expect(table(result)).toEqual([
      ['Kilo', 1, 1.01],
      ['Lima', 1, 1.01],
    ]);
  });

  it('the category’s decimals set the precision, and ties follow it', () => {
    // Kilo (10 + 10.01 + 10.02) / 3 = 10.01; Lima (10.01 + 10.02) / 2 = 10.015
    const sheets = {
      J1: { K: { time: 10 }, L: { time: 10.01 } },
      J2: { K: { time: 10.01 }, L: { time: 10.02 } },
      J3: { K: { time: 10.02 } },
    };
    const teams = [team('K', 'Kilo'), team('L', 'Lima')];
    // 3 decimals: 10.010 and 10.015 differ
    expect(table(rankPanel(sprint(3), teams, sheets))).toEqual([
      ['Lima', 1, 10.015],
      ['Kilo', 2, 10.01],
    ]);
    // 1 decimal: 10.0 and 10.0 (10.015 → 10.0) tie
    expect(table(rankPanel(sprint(1), teams, sheets))).toEqual([
      ['Kilo', 1, 10],
      ['Lima', 1, 10],
    ]);
    // 0 decimals: both 10
    expect(rankPanel(sprint(0), teams, sheets).standings.map((s) => s.rank)).toEqual([1, 1]);
  });

  it('publishes the rules it used, with defaults filled in', () => {
    const result = rankPanel(single({ aggregation: 'median' }), [team('A', 'Alpha')], {
      J1: { A: { score: 3 } },
    });
    expect(result.rules).toEqual({
      aggregation: 'median',
      trim: 0,
      aggregateBy: 'judge-total',
      normalisation: 'none',
      minJudges: 1,
      tieBreakers: [],
      decimals: 2,
      topN: 3,
    });
  });
});
