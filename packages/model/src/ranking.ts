import { isValidCriterionValue, roundTo, type Category, type JudgingEvent } from './event.js';
import { sheetKey, type ScoreSheet } from './sheetDoc.js';

/**
 * First ranking: a judge's total for a team is the weighted sum of criterion values; a team's
 * score is the mean of the totals of its submitted, complete sheets, rounded to SCORE_DECIMALS.
 * Teams with equal rounded scores share a rank (1, 2, 2, 4). A team with no counted sheet is
 * listed as awaiting scores, never as a low score. Withdrawn teams are not ranked.
 */
export const SCORE_DECIMALS = 2;

export interface TeamStanding {
  teamId: string;
  teamName: string;
  rank: number | null;
  score: number | null;
  judgesCounted: number;
  judgesAssigned: number;
  /** Fewer sheets counted than judges assigned: the score may still move. */
  provisional: boolean;
}

export interface CategoryResult {
  categoryId: string;
  categoryName: string;
  order: number;
  maxScore: number;
  /** Ranked teams by rank, then teams awaiting scores by name. */
  standings: TeamStanding[];
  sheetsSubmitted: number;
  sheetsAssigned: number;
}

export interface EventResults {
  eventId: string;
  eventName: string;
  categories: CategoryResult[];
}

/**
 * A sheet's weighted total, or null unless it is submitted with every criterion scored. A value
 * outside the criterion's range or steps (only a misbehaving device could write one) counts as
 * not scored.
 */
export function sheetTotal(category: Category, sheet: ScoreSheet): number | null {
  if (sheet.status !== 'submitted') return null;
  let total = 0;
  for (const criterion of category.criteria) {
    const value = sheet.values.get(criterion.id)?.value;
    if (typeof value !== 'number' || !isValidCriterionValue(criterion, value)) return null;
    total += criterion.weight * value;
  }
  return total;
}

export function maxScore(category: Category): number {
  return roundTo(
    category.criteria.reduce((sum, c) => sum + c.weight * c.max, 0),
    SCORE_DECIMALS,
  );
}

/** `sheetsByJudge`: judgeId → that judge's sheets (from `readSheets`). */
export function computeResults(
  event: JudgingEvent,
  sheetsByJudge: ReadonlyMap<string, ReadonlyMap<string, ScoreSheet>>,
): EventResults {
  return {
    eventId: event.settings.id,
    eventName: event.settings.name,
    categories: event.categories.map((c) => rankCategory(event, c, sheetsByJudge)),
  };
}

export function rankCategory(
  event: JudgingEvent,
  category: Category,
  sheetsByJudge: ReadonlyMap<string, ReadonlyMap<string, ScoreSheet>>,
): CategoryResult {
  const assignments = event.assignments.filter((a) => a.categoryId === category.id);
  const teams = event.teams.filter((t) => !t.withdrawn && t.categoryIds.includes(category.id));
  let sheetsSubmitted = 0;
  const scored: TeamStanding[] = [];
  const awaiting: TeamStanding[] = [];
  for (const team of teams) {
    const judges = assignments.filter((a) => a.teamId === team.id).map((a) => a.judgeId);
    const totals: number[] = [];
    for (const judgeId of judges) {
      const sheet = sheetsByJudge.get(judgeId)?.get(sheetKey(team.id, category.id));
      const total = sheet ? sheetTotal(category, sheet) : null;
      if (total !== null) totals.push(total);
    }
    sheetsSubmitted += totals.length;
    const standing: TeamStanding = {
      teamId: team.id,
      teamName: team.name,
      rank: null,
      score: totals.length
        ? roundTo(totals.reduce((s, t) => s + t, 0) / totals.length, SCORE_DECIMALS)
        : null,
      judgesCounted: totals.length,
      judgesAssigned: judges.length,
      provisional: totals.length < judges.length,
    };
    (standing.score === null ? awaiting : scored).push(standing);
  }
  scored.sort((a, b) => b.score! - a.score! || a.teamName.localeCompare(b.teamName));
  scored.forEach((s, i) => {
    const previous = scored[i - 1];
    s.rank = previous && previous.score === s.score ? previous.rank : i + 1;
  });
  awaiting.sort((a, b) => a.teamName.localeCompare(b.teamName));
  return {
    categoryId: category.id,
    categoryName: category.name,
    order: category.order,
    maxScore: maxScore(category),
    standings: [...scored, ...awaiting],
    sheetsSubmitted,
    sheetsAssigned: assignments.filter((a) => teams.some((t) => t.id === a.teamId)).length,
  };
}
