/** A team with a published score, ready to be ordered. */
export interface Contender {
  teamId: string;
  teamName: string;
  /** Published (rounded) score. */
  score: number;
  /** Published (rounded) value of each tie-breaker in order; null where the team has none. */
  tieBreakValues: (number | null)[];
}

const byNameThenId = (a: Contender, b: Contender): number =>
  a.teamName.localeCompare(b.teamName) || (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0);

/**
 * Orders teams and gives ranks (docs/SCORING.md, "Ranking"). Higher published score first. Teams
 * with equal published scores are separated by the tie-breakers in order, each comparing its
 * published value, higher first; a tie-breaker that some team of the tied group has no value for
 * is skipped for that group. Teams still equal share a rank and the next rank is skipped
 * (1, 2, 2, 4); they are listed by name.
 */
export function rankContenders<T extends Contender>(
  contenders: readonly T[],
): (T & { rank: number })[] {
  const groups = splitBy([...contenders], (c) => c.score).flatMap((group) => breakTie(group, 0));
  const ranked: (T & { rank: number })[] = [];
  for (const group of groups) {
    const rank = ranked.length + 1;
    for (const c of [...group].sort(byNameThenId)) ranked.push({ ...c, rank });
  }
  return ranked;
}

function breakTie<T extends Contender>(group: T[], level: number): T[][] {
  if (group.length < 2 || level >= (group[0]?.tieBreakValues.length ?? 0)) return [group];
  if (group.some((c) => c.tieBreakValues[level] == null)) return breakTie(group, level + 1);
  return splitBy(group, (c) => c.tieBreakValues[level]!).flatMap((g) => breakTie(g, level + 1));
}

/** Sorts by `key`, highest first, and cuts into runs of equal keys. */
function splitBy<T>(items: T[], key: (item: T) => number): T[][] {
  const sorted = items.sort((a, b) => key(b) - key(a));
  const runs: T[][] = [];
  for (const item of sorted) {
    const run = runs[runs.length - 1];
    if (run && key(run[0]!) === key(item)) run.push(item);
    else runs.push([item]);
  }
  return runs;
}
