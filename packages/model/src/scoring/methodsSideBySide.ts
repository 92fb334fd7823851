import type { Aggregation, ScoringRules } from '../event.js';
import type { TeamStanding } from '../ranking.js';
import { AGGREGATIONS, trimmedMeanK } from './rules.js';

/** The ranking a category would have under one aggregation method. */
export interface MethodRanking {
  aggregation: Aggregation;
  /** Values dropped at each end: k for trimmed-mean, 0 for the others. */
  trim: number;
  /** Ranked teams only, by rank. */
  standings: { teamId: string; rank: number; score: number }[];
  /** Its top N (which teams hold places 1…N, and which place) differs from the published one. */
  changesTopN: boolean;
}

export interface MethodsSideBySide {
  methods: MethodRanking[];
  /** How many places are compared (`ScoringRules.topN`). */
  topN: number;
  /** Some method's top N differs from the published one: the choice of method decides places. */
  topNChangesWithMethod: boolean;
}

/**
 * The category ranked under each aggregation method (docs/SCORING.md, "Methods side by side"):
 * everything else as the category's rules say, including normalisation, aggregateBy and the
 * tie-breakers; trimmed-mean drops `trimmedMeanK` values at each end. `standingsUnder` gives the
 * standings under another method (`standings` with `{ ...rules, aggregation }`); the category's
 * own method is the published ranking and is not ranked a second time.
 */
export function methodsSideBySide(
  rules: ScoringRules,
  published: readonly TeamStanding[],
  standingsUnder: (aggregation: Aggregation) => readonly TeamStanding[],
  /** The entry a method lists for a ranked standing (the hub keeps them between ranks). */
  entryOf: (s: TeamStanding & { rank: number; score: number }) => MethodStanding = methodEntry,
): MethodsSideBySide {
  const topOf = (ranked: readonly { teamId: string; rank: number | null }[]) =>
    JSON.stringify(
      ranked
        .filter((s) => s.rank !== null && s.rank <= rules.topN)
        .map((s) => `${s.rank}:${s.teamId}`)
        .sort(),
    );
  const publishedTop = topOf(published);
  const methods = AGGREGATIONS.map((aggregation): MethodRanking => {
    const all = aggregation === rules.aggregation ? published : standingsUnder(aggregation);
    const ranked: MethodStanding[] = [];
    for (const s of all)
      if (s.rank !== null && s.score !== null) ranked.push(entryOf(s as RankedStanding));
    return {
      aggregation,
      trim: aggregation === 'trimmed-mean' ? trimmedMeanK(rules) : 0,
      standings: ranked,
      changesTopN: topOf(ranked) !== publishedTop,
    };
  });
  return {
    methods,
    topN: rules.topN,
    topNChangesWithMethod: methods.some((m) => m.changesTopN),
  };
}

type RankedStanding = TeamStanding & { rank: number; score: number };
type MethodStanding = MethodRanking['standings'][number];

function methodEntry(s: RankedStanding): MethodStanding {
  return { teamId: s.teamId, rank: s.rank, score: s.score };
}
