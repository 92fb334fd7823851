import type { Category, ScoringRules } from '../event.js';
import type { TeamStanding } from '../ranking.js';
import { criterionValue, teamScore, type CategoryValues } from './categoryValues.js';
import { rankContenders } from './rank.js';
import { roundHalfAwayFromZero } from './round.js';
import type { TeamSheets } from './teamSheets.js';

/**
 * A category's standings under `rules`: ranked teams by rank, then teams awaiting scores by name.
 * Scores and tie-break values are computed in full precision and published rounded to
 * `rules.decimals`; ranks compare the published numbers, so a published tie is a tie.
 */
export function standings(
  category: Category,
  teams: readonly TeamSheets[],
  values: CategoryValues,
  rules: ScoringRules,
): TeamStanding[] {
  return orderStandings(teams.map((team) => teamStanding(category, team, values, rules)));
}

/**
 * One team's standing before ranking (`rank` null). It depends on that team's values only, so the
 * hub keeps it until one of the team's sheets changes (categoryRanking.ts).
 */
export function teamStanding(
  category: Category,
  { team, judgesAssigned, sheets }: TeamSheets,
  values: CategoryValues,
  rules: ScoringRules,
): TeamStanding {
  const publish = (x: number | null) =>
    x === null ? null : roundHalfAwayFromZero(x, rules.decimals);
  const score = publish(teamScore(category, values, rules, rules.aggregation, team.id));
  const complete = sheets.length >= rules.minJudges;
  return {
    teamId: team.id,
    teamName: team.name,
    rank: null,
    score,
    judgesCounted: sheets.length,
    judgesAssigned: judgesAssigned.length,
    provisional: sheets.length < judgesAssigned.length || !complete,
    complete,
    tieBreakValues: rules.tieBreakers.map((t) =>
      score === null
        ? null
        : publish(
            t.kind === 'criterion'
              ? criterionValue(values, rules, rules.aggregation, t.criterionId, team.id)
              : teamScore(category, values, rules, t.aggregation, team.id),
          ),
    ),
  };
}

/** Ranks the teams that have a score; teams awaiting scores follow, by name. */
export function orderStandings(all: readonly TeamStanding[]): TeamStanding[] {
  const ranked = rankContenders(
    all.filter((s): s is TeamStanding & { score: number } => s.score !== null),
  );
  const awaiting = all
    .filter((s) => s.score === null)
    .sort((a, b) => a.teamName.localeCompare(b.teamName) || (a.teamId < b.teamId ? -1 : 1));
  return [...ranked, ...awaiting];
}
