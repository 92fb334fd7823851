import type { Aggregation, Category, ScoringRules } from '../event.js';
import { aggregate } from './aggregate.js';
import { zScoreNormalise, type Observation } from './normalise.js';
import { trimmedMeanK } from './rules.js';
import type { TeamSheets } from './teamSheets.js';

/**
 * The values a category's scores are aggregated from, after normalisation: per team, the judges'
 * sheet totals, and the judges' values of each criterion. They do not depend on the aggregation,
 * so the official ranking, tie-breakers and the methods side by side all share them.
 */
export interface CategoryValues {
  totals: Map<string, number[]>;
  /** criterionId → teamId → values. A blank optional criterion has no value. */
  criteria: Map<string, Map<string, number[]>>;
}

export function categoryValues(
  category: Category,
  teams: readonly TeamSheets[],
  normalisation: ScoringRules['normalisation'],
): CategoryValues {
  if (normalisation !== 'z-score') return groupedValues(category, teams);
  const normalise = (observations: Observation[]) => zScoreNormalise(observations).byTeam;
  const observe = (value: (sheet: TeamSheets['sheets'][number]['sheet']) => number | undefined) =>
    teams.flatMap(({ team, sheets }) =>
      sheets.flatMap(({ judgeId, sheet }) => {
        const v = value(sheet);
        return v === undefined ? [] : [{ judgeId, teamId: team.id, value: v }];
      }),
    );
  return {
    totals: normalise(observe((sheet) => sheet.total)),
    criteria: new Map(
      category.criteria.map((c) => [c.id, normalise(observe((sheet) => sheet.values.get(c.id)))]),
    ),
  };
}

/**
 * A team's score under `aggregation` (docs/SCORING.md, "Aggregation"): with `judge-total`, the
 * aggregate of its judges' totals; with `criterion`, Σ weight × the aggregate of each criterion's
 * values (a criterion nobody scored for the team adds nothing). Null when no sheet counted.
 */
export function teamScore(
  category: Category,
  values: CategoryValues,
  rules: ScoringRules,
  aggregation: Aggregation,
  teamId: string,
): number | null {
  const k = trimmedMeanK(rules);
  const totals = values.totals.get(teamId) ?? [];
  if (rules.aggregateBy === 'judge-total' || totals.length === 0)
    return aggregate(totals, aggregation, k);
  let score = 0;
  for (const criterion of category.criteria) {
    const value = criterionValue(values, rules, aggregation, criterion.id, teamId);
    if (value !== null) score += criterion.weight * value;
  }
  return score;
}

/** The aggregate of one criterion's values for a team, unweighted; null if nobody scored it. */
export function criterionValue(
  values: CategoryValues,
  rules: ScoringRules,
  aggregation: Aggregation,
  criterionId: string,
  teamId: string,
): number | null {
  const list = values.criteria.get(criterionId)?.get(teamId) ?? [];
  return aggregate(list, aggregation, trimmedMeanK(rules));
}

/**
 * Without normalisation: each counted sheet's total and criterion values grouped by team, in one
 * pass (the same lists, in the same order, as grouping observations). The hub ranks a category
 * after every committed value, so this is on its hot path.
 */
function groupedValues(category: Category, teams: readonly TeamSheets[]): CategoryValues {
  const values: CategoryValues = {
    totals: new Map(),
    criteria: new Map(category.criteria.map((c) => [c.id, new Map()])),
  };
  for (const team of teams) setTeamValues(values, team);
  return values;
}

/**
 * Replaces one team's lists in `values` grouped without normalisation (a team's values are its
 * own sheets' only; with z-score they depend on every team a judge scored).
 */
export function setTeamValues(values: CategoryValues, { team, sheets }: TeamSheets): void {
  values.totals.delete(team.id);
  for (const byTeam of values.criteria.values()) byTeam.delete(team.id);
  for (const { sheet } of sheets) {
    append(values.totals, team.id, sheet.total);
    for (const [criterionId, byTeam] of values.criteria) {
      const value = sheet.values.get(criterionId);
      if (value !== undefined) append(byTeam, team.id, value);
    }
  }
}

function append(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
