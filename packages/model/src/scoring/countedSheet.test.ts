import { describe, it, expect } from 'vitest';
import { rankCategory } from '../ranking.js';
import { sheetKey } from '../sheetDoc.js';
import { countSheet } from './countedSheet.js';
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

/** build (weight 2) and code (weight 1) are required; bonus (0–5, weight 1) is optional. */
const withBonus = (aggregateBy: 'judge-total' | 'criterion' = 'judge-total') =>
  category(
    [
      criterion('build', { weight: 2 }),
      criterion('code', { weight: 1 }),
      criterion('bonus', { max: 5, weight: 1, required: false }),
    ],
    { aggregateBy },
  );

function sheetOf(tablets: Tablets, judgeId: string, teamId: string) {
  const sheet = tablets.sheets().get(judgeId)?.get(sheetKey(teamId, 'robot'));
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('which sheets count', () => {
  it('a submitted sheet with every required criterion counts; a blank optional one adds nothing', () => {
    const tablets = new Tablets().score('J1', 'A', { build: 5, code: 4 });
    // 2·5 + 4 = 14, bonus blank
    expect(countSheet(withBonus(), sheetOf(tablets, 'J1', 'A'))).toEqual({
      values: new Map([
        ['build', 5],
        ['code', 4],
      ]),
      total: 14,
    });
  });

  it('a sheet missing a required criterion does not count', () => {
    const tablets = new Tablets().score('J1', 'A', { build: 5, bonus: 5 });
    expect(countSheet(withBonus(), sheetOf(tablets, 'J1', 'A'))).toEqual({
      uncounted: 'required-missing',
    });
  });

  it('a draft does not count, however complete', () => {
    const tablets = new Tablets().score(
      'J1',
      'A',
      { build: 5, code: 4, bonus: 1 },
      { submit: false },
    );
    expect(countSheet(withBonus(), sheetOf(tablets, 'J1', 'A'))).toEqual({
      uncounted: 'not-submitted',
    });
  });

  it('a value outside the range or steps is blank: incomplete if required, ignored if optional', () => {
    const tablets = new Tablets()
      .score('J1', 'A', { build: 11, code: 4 })
      .score('J1', 'B', { build: 5, code: 4, bonus: 2.5 });
    expect(countSheet(withBonus(), sheetOf(tablets, 'J1', 'A'))).toEqual({
      uncounted: 'required-missing',
    });
    // bonus 2.5 is not on a step of 1: blank, so 2·5 + 4 = 14
    expect(countSheet(withBonus(), sheetOf(tablets, 'J1', 'B'))).toMatchObject({ total: 14 });
  });

  it('an incomplete sheet is never a low score: the team waits instead', () => {
    // Alpha: J1 counted 2·5 + 5 = 15; J2 left code blank — not counted, not 2·9 + 0 = 18 or 0.
    // Bravo: its only sheet lacks build → awaiting scores, listed after ranked teams.
    const cat = withBonus();
    const tablets = new Tablets()
      .score('J1', 'A', { build: 5, code: 5 })
      .score('J2', 'A', { build: 9 })
      .score('J1', 'B', { code: 10, bonus: 5 });
    const result = rankCategory(
      eventOf(
        [cat],
        [team('A', 'Alpha'), team('B', 'Bravo')],
        [...assign('A', ['J1', 'J2']), ...assign('B', ['J1'])],
      ),
      cat,
      tablets.sheets(),
    );
    expect(result.standings.map((s) => [s.teamName, s.rank, s.score, s.judgesCounted])).toEqual([
      ['Alpha', 1, 15, 1],
      ['Bravo', null, null, 0],
    ]);
    expect(result.sheetsSubmitted).toBe(1);
  });
});

describe('blank optional criteria', () => {
  // J1: build 5, code 5, bonus 4 → 2·5 + 5 + 4 = 19
  // J2: build 5, code 5, bonus blank → 2·5 + 5 = 15
  const sheets = {
    J1: { A: { build: 5, code: 5, bonus: 4 }, B: { build: 6, code: 5 } },
    J2: { A: { build: 5, code: 5 }, B: { build: 6, code: 5 } },
  };
  const teams = [team('A', 'Alpha'), team('B', 'Bravo')];

  it('judge-total: the blank adds nothing to that judge’s total', () => {
    // Alpha (19 + 15) / 2 = 17. Bravo nobody gave a bonus: 2·6 + 5 = 17 twice → 17.
    expect(table(rankPanel(withBonus('judge-total'), teams, sheets))).toEqual([
      ['Alpha', 1, 17],
      ['Bravo', 1, 17],
    ]);
  });

  it('criterion: the blank is left out of that criterion’s aggregation', () => {
    // Alpha build 5, code 5, bonus over J1 only = 4 → 2·5 + 5 + 4 = 19
    // Bravo build 6, code 5, bonus scored by nobody adds nothing → 2·6 + 5 = 17
    expect(table(rankPanel(withBonus('criterion'), teams, sheets))).toEqual([
      ['Alpha', 1, 19],
      ['Bravo', 2, 17],
    ]);
  });
});
