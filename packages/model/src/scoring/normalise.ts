import { mean, sum } from './aggregate.js';

/** One judge's value for one team, in one channel (a sheet total, or one criterion). */
export interface Observation {
  judgeId: string;
  teamId: string;
  value: number;
}

export interface Normalised {
  /** The values to aggregate, by team. */
  byTeam: Map<string, number[]>;
  /** M and S: z-scores are mapped back to M + S·z so scores stay on the rubric's scale. */
  scale: { mean: number; sd: number } | null;
  /** Judges whose values in this channel have no spread (one value, or all equal), by id. */
  withoutSpread: string[];
}

/** Raw values by team, for normalisation `none`. */
export function groupByTeam(observations: readonly Observation[]): Map<string, number[]> {
  const byTeam = new Map<string, number[]>();
  for (const o of observations) {
    const values = byTeam.get(o.teamId);
    if (values) values.push(o.value);
    else byTeam.set(o.teamId, [o.value]);
  }
  return byTeam;
}

/**
 * Per-judge z-scores mapped back to the category's scale (docs/SCORING.md, "Normalisation").
 *
 * For a judge j with values x: μⱼ is their mean and σⱼ their population standard deviation
 * (divide by n: the sheets are everything this judge scored here, not a sample). A judge *with
 * spread* has at least two values, not all equal. Over those judges only:
 *   M = the mean of all their values,  S = √( Σⱼ Σ (x − μⱼ)² / N )  (pooled within-judge SD),
 * and each value becomes M + S·(x − μⱼ)/σⱼ. With a single judge with spread this gives back the
 * judge's own values.
 *
 * A judge without spread says nothing about order, so their values are left out. A team none of
 * whose values comes from a judge with spread gets one value, M (z = 0), however many such judges
 * scored it, so it still has a score. Because such a judge changes neither M, S nor any value
 * used, adding one never moves a team. When no judge has spread at all, M is the mean of all
 * values and every team that has a value gets M.
 */
export function zScoreNormalise(observations: readonly Observation[]): Normalised {
  const byJudge = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = byJudge.get(o.judgeId);
    if (list) list.push(o);
    else byJudge.set(o.judgeId, [o]);
  }

  const spread = new Map<string, { mean: number; sd: number }>();
  const withoutSpread: string[] = [];
  const informativeValues: number[] = [];
  const squaredDeviations: number[] = [];
  for (const [judgeId, list] of byJudge) {
    const values = list.map((o) => o.value);
    const judgeMean = mean(values);
    if (judgeMean === null || values.every((v) => v === values[0])) {
      withoutSpread.push(judgeId);
      continue;
    }
    const deviations = values.map((v) => (v - judgeMean) ** 2);
    spread.set(judgeId, { mean: judgeMean, sd: Math.sqrt(sum(deviations)! / values.length) });
    informativeValues.push(...values);
    squaredDeviations.push(...deviations);
  }

  const M = mean(
    informativeValues.length > 0 ? informativeValues : observations.map((o) => o.value),
  );
  const S =
    informativeValues.length > 0
      ? Math.sqrt(sum(squaredDeviations)! / informativeValues.length)
      : 0;

  const used = new Map<string, number[]>();
  for (const o of observations) {
    const judge = spread.get(o.judgeId);
    if (judge) push(used, o.teamId, M! + (S * (o.value - judge.mean)) / judge.sd);
  }
  for (const o of observations) if (!used.has(o.teamId)) used.set(o.teamId, [M!]);

  return {
    byTeam: used,
    scale: M === null ? null : { mean: M, sd: S },
    withoutSpread: withoutSpread.sort(),
  };
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
