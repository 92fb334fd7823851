import { describe, it, expect } from 'vitest';
import { DEFAULT_SCORING, type ScoringRules } from '../event.js';
import { category, criterion } from './scoring.fixture.js';
import { resolveRules, trimmedMeanK, validateScoring } from './rules.js';

/** Settings as they may arrive in a document: not necessarily well typed. */
const withScoring = (scoring: Record<string, unknown>) =>
  category([criterion('code')], scoring as Partial<ScoringRules>);

describe('resolveRules', () => {
  it('fills in defaults', () => {
    expect(resolveRules(category([criterion('code')]))).toEqual(DEFAULT_SCORING);
  });

  it('keeps valid settings', () => {
    const scoring: ScoringRules = {
      aggregation: 'trimmed-mean',
      trim: 2,
      aggregateBy: 'criterion',
      normalisation: 'z-score',
      minJudges: 3,
      tieBreakers: [
        { kind: 'criterion', criterionId: 'code' },
        { kind: 'aggregation', aggregation: 'median' },
      ],
      decimals: 3,
      topN: 5,
    };
    expect(resolveRules(withScoring({ ...scoring }))).toEqual(scoring);
  });

  it('falls back to the default for each setting that is not valid', () => {
    const rules = resolveRules(
      withScoring({
        aggregation: 'max',
        trim: 1.5,
        aggregateBy: 'team',
        normalisation: 'rank',
        minJudges: 0,
        decimals: 7,
        topN: -1,
        tieBreakers: [
          { kind: 'criterion', criterionId: 'design' },
          { kind: 'aggregation', aggregation: 'mode' },
          'code',
          { kind: 'aggregation', aggregation: 'sum', note: 'dropped' },
        ],
      }),
    );
    expect(rules).toEqual({
      ...DEFAULT_SCORING,
      tieBreakers: [{ kind: 'aggregation', aggregation: 'sum' }],
    });
  });

  it('a trimmed mean drops trim values at each end, and 1 when trim is 0', () => {
    expect(trimmedMeanK({ ...DEFAULT_SCORING, trim: 0 })).toBe(1);
    expect(trimmedMeanK({ ...DEFAULT_SCORING, trim: 2 })).toBe(2);
  });
});

describe('validateScoring', () => {
  it('accepts no settings and valid settings', () => {
    expect(validateScoring(category([criterion('code')]), 'categories[0].scoring')).toEqual([]);
    expect(
      validateScoring(
        withScoring({
          trim: 1,
          decimals: 0,
          tieBreakers: [{ kind: 'criterion', criterionId: 'code' }],
        }),
        'categories[0].scoring',
      ),
    ).toEqual([]);
  });

  it('names every setting that is not valid', () => {
    expect(
      validateScoring(
        withScoring({
          aggregation: 'max',
          trim: -1,
          aggregateBy: 'team',
          normalisation: 'rank',
          minJudges: 0,
          decimals: 7,
          topN: 0,
          tieBreakers: [
            { kind: 'criterion', criterionId: 'design' },
            { kind: 'aggregation', aggregation: 'mode' },
            'code',
          ],
        }),
        'categories[2].scoring',
      ),
    ).toEqual([
      'categories[2].scoring.aggregation: must be one of mean, median, trimmed-mean, sum',
      'categories[2].scoring.trim: must be a whole number, 0 or more',
      'categories[2].scoring.aggregateBy: must be judge-total or criterion',
      'categories[2].scoring.normalisation: must be none or z-score',
      'categories[2].scoring.minJudges: must be a whole number, 1 or more',
      'categories[2].scoring.decimals: must be a whole number from 0 to 6',
      'categories[2].scoring.topN: must be a whole number, 1 or more',
      'categories[2].scoring.tieBreakers[0]: unknown criterion "design"',
      'categories[2].scoring.tieBreakers[1]: unknown aggregation "mode"',
      'categories[2].scoring.tieBreakers[2]: must be {kind: "criterion", criterionId} or {kind: "aggregation", aggregation}',
    ]);
  });
});
