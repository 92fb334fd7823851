import {
  DEFAULT_SCORING,
  type Aggregation,
  type Category,
  type ScoringRules,
  type TieBreaker,
} from '../event.js';

export const AGGREGATIONS: readonly Aggregation[] = ['mean', 'median', 'trimmed-mean', 'sum'];

/** Published scores have at most this many decimals, well inside round.ts's cleaning precision. */
export const MAX_DECIMALS = 6;

const isWhole = (x: unknown, min: number, max = Infinity): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;

const isAggregation = (x: unknown): x is Aggregation => AGGREGATIONS.includes(x as Aggregation);

/**
 * The rules a category is scored under: its own settings over DEFAULT_SCORING. Results are never
 * refused for a bad setting (the hub must keep publishing); instead a setting that is not valid
 * (validateScoring names it) falls back to its default, and a tie-breaker that names no criterion
 * of the category or no aggregation is left out. Results publish these resolved rules.
 */
export function resolveRules(category: Category): ScoringRules {
  const given: Partial<Record<keyof ScoringRules, unknown>> = category.scoring ?? {};
  const d = DEFAULT_SCORING;
  return {
    aggregation: isAggregation(given.aggregation) ? given.aggregation : d.aggregation,
    trim: isWhole(given.trim, 0) ? given.trim : d.trim,
    aggregateBy:
      given.aggregateBy === 'judge-total' || given.aggregateBy === 'criterion'
        ? given.aggregateBy
        : d.aggregateBy,
    normalisation:
      given.normalisation === 'none' || given.normalisation === 'z-score'
        ? given.normalisation
        : d.normalisation,
    minJudges: isWhole(given.minJudges, 1) ? given.minJudges : d.minJudges,
    tieBreakers: Array.isArray(given.tieBreakers)
      ? given.tieBreakers.flatMap((t: unknown): TieBreaker[] =>
          !isTieBreaker(category, t)
            ? []
            : t.kind === 'criterion'
              ? [{ kind: 'criterion', criterionId: t.criterionId }]
              : [{ kind: 'aggregation', aggregation: t.aggregation }],
        )
      : d.tieBreakers,
    decimals: isWhole(given.decimals, 0, MAX_DECIMALS) ? given.decimals : d.decimals,
    topN: isWhole(given.topN, 1) ? given.topN : d.topN,
  };
}

function isTieBreaker(category: Category, t: unknown): t is TieBreaker {
  if (typeof t !== 'object' || t === null) return false;
  const x = t as Record<string, unknown>;
  if (x.kind === 'criterion') return category.criteria.some((c) => c.id === x.criterionId);
  return x.kind === 'aggregation' && isAggregation(x.aggregation);
}

/** How many values a trimmed mean drops at each end: `trim`, or 1 when trim is 0. */
export const trimmedMeanK = (rules: ScoringRules): number => Math.max(1, rules.trim);

/** Problems with a category's scoring settings, each naming where it is (for validateEvent). */
export function validateScoring(category: Category, at: string): string[] {
  const given: Partial<Record<keyof ScoringRules, unknown>> = category.scoring ?? {};
  const problems: string[] = [];
  const say = (field: string, problem: string) => problems.push(`${at}.${field}: ${problem}`);
  if (given.aggregation !== undefined && !isAggregation(given.aggregation))
    say('aggregation', `must be one of ${AGGREGATIONS.join(', ')}`);
  if (given.trim !== undefined && !isWhole(given.trim, 0))
    say('trim', 'must be a whole number, 0 or more');
  if (
    given.aggregateBy !== undefined &&
    given.aggregateBy !== 'judge-total' &&
    given.aggregateBy !== 'criterion'
  )
    say('aggregateBy', 'must be judge-total or criterion');
  if (
    given.normalisation !== undefined &&
    given.normalisation !== 'none' &&
    given.normalisation !== 'z-score'
  )
    say('normalisation', 'must be none or z-score');
  if (given.minJudges !== undefined && !isWhole(given.minJudges, 1))
    say('minJudges', 'must be a whole number, 1 or more');
  if (given.decimals !== undefined && !isWhole(given.decimals, 0, MAX_DECIMALS))
    say('decimals', `must be a whole number from 0 to ${MAX_DECIMALS}`);
  if (given.topN !== undefined && !isWhole(given.topN, 1))
    say('topN', 'must be a whole number, 1 or more');
  if (given.tieBreakers !== undefined) {
    if (!Array.isArray(given.tieBreakers)) say('tieBreakers', 'must be a list');
    else
      given.tieBreakers.forEach((t: unknown, i) => {
        if (isTieBreaker(category, t)) return;
        const x = (typeof t === 'object' && t !== null ? t : {}) as Record<string, unknown>;
        say(
          `tieBreakers[${i}]`,
          x.kind === 'criterion'
            ? `unknown criterion "${String(x.criterionId)}"`
            : x.kind === 'aggregation'
              ? `unknown aggregation "${String(x.aggregation)}"`
              : 'must be {kind: "criterion", criterionId} or {kind: "aggregation", aggregation}',
        );
      });
  }
  return problems;
}
