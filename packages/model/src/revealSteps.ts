import type { TeamStanding } from './ranking.js';

/** One click of the awards reveal: a place and every team holding it. */
export interface RevealStep {
  rank: number;
  /** The teams sharing this place, in the order the standings list them. */
  teams: TeamStanding[];
}

/**
 * The awards reveal of a category, in the order it is shown: the last revealed place first, the
 * winner last. Teams that share a place appear together in one step, so a tie is never announced
 * as if one team had beaten the other. Teams awaiting scores (no rank) are not part of it; withdrawn
 * teams are never in the standings. `places` limits the reveal to places 1…places (e.g. 3 for a
 * podium); a tie on the last place keeps every team sharing it.
 */
export function revealSteps(
  standings: readonly TeamStanding[],
  places: number | null = null,
): RevealStep[] {
  const byRank = new Map<number, TeamStanding[]>();
  for (const standing of standings) {
    const rank = standing.rank;
    if (rank === null || standing.score === null) continue;
    if (places !== null && rank > places) continue;
    const teams = byRank.get(rank);
    if (teams) teams.push(standing);
    else byRank.set(rank, [standing]);
  }
  return [...byRank.entries()].sort(([a], [b]) => b - a).map(([rank, teams]) => ({ rank, teams }));
}
