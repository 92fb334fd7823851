import { DEFAULT_SCORING, type Category, type JudgingEvent, type ScoringRules } from './event.js';
import type { ScoreSheet } from './sheetDoc.js';
import { CategoryRanking } from './scoring/categoryRanking.js';
import { countSheet, isCounted } from './scoring/countedSheet.js';
import type { MethodRanking } from './scoring/methodsSideBySide.js';
import { roundHalfAwayFromZero } from './scoring/round.js';
import { resolveRules } from './scoring/rules.js';
import type { SheetsByJudge } from './scoring/teamSheets.js';

/**
 * Results of an event: the public entry to the scoring engine in `scoring/`. Every rule, in the
 * order it applies, is in docs/SCORING.md.
 */

/** Decimals of published scores when a category does not set `scoring.decimals`. */
export const SCORE_DECIMALS = DEFAULT_SCORING.decimals;

export type { MethodRanking };

export interface TeamStanding {
  teamId: string;
  teamName: string;
  /** Null while the team has no counted sheet (awaiting scores), never a low score. */
  rank: number | null;
  /** Published score, rounded to the category's decimals. */
  score: number | null;
  judgesCounted: number;
  judgesAssigned: number;
  /** The score may still move: fewer sheets counted than judges assigned, or not complete. */
  provisional: boolean;
  /** At least `minJudges` sheets counted. */
  complete: boolean;
  /** Published value of each of `rules.tieBreakers`, in order; null where the team has none. */
  tieBreakValues: (number | null)[];
}

export interface CategoryResult {
  categoryId: string;
  categoryName: string;
  order: number;
  /** Best possible total of one sheet. */
  maxScore: number;
  /** Ranked teams by rank, then teams awaiting scores by name. Withdrawn teams are not listed. */
  standings: TeamStanding[];
  /** Counted sheets. */
  sheetsSubmitted: number;
  sheetsAssigned: number;
  /** The rules the standings were computed under, defaults filled in. */
  rules: ScoringRules;
  /** The ranking under each aggregation method. */
  methods: MethodRanking[];
  /** Some method would change which teams hold places 1…rules.topN, or their places. */
  topNChangesWithMethod: boolean;
}

export interface EventResults {
  eventId: string;
  eventName: string;
  categories: CategoryResult[];
}

/**
 * A sheet's weighted total, or null unless it counts: submitted, with every required criterion
 * scored. A blank optional criterion adds nothing. A value outside the criterion's range or steps
 * (only a misbehaving device could write one) counts as blank.
 */
export function sheetTotal(category: Category, sheet: ScoreSheet): number | null {
  const counted = countSheet(category, sheet);
  return isCounted(counted) ? counted.total : null;
}

export function maxScore(category: Category): number {
  return roundHalfAwayFromZero(
    category.criteria.reduce((sum, c) => sum + c.weight * c.max, 0),
    resolveRules(category).decimals,
  );
}

/** `sheetsByJudge`: judgeId → that judge's sheets (from `readSheets`). */
export function computeResults(event: JudgingEvent, sheetsByJudge: SheetsByJudge): EventResults {
  return {
    eventId: event.settings.id,
    eventName: event.settings.name,
    categories: event.categories.map((c) => rankCategory(event, c, sheetsByJudge)),
  };
}

/** One category ranked from scratch; the hub keeps a `CategoryRanking` per category instead. */
export function rankCategory(
  event: JudgingEvent,
  category: Category,
  sheetsByJudge: SheetsByJudge,
): CategoryResult {
  return new CategoryRanking().rank(event, category, sheetsByJudge);
}
