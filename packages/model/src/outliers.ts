import { median } from './scoring/aggregate.js';

/**
 * Outlier flags for the head judge's review (docs/SCORING.md, "Outliers in review"): a judge whose
 * value for a team is far from what the team's panel gave. Far means more than a share of the
 * possible range away from the median of all the panel's values (the judge's own included): the
 * median, so that one extreme judge moves it least and the others stay unflagged; a share of the
 * range, so the rule reads the same on a 1–5 and a 0–100 scale and needs no spread from judges
 * who may have scored only one team. With two judges the median is their mean, so both are
 * flagged once they are more than twice the limit apart: the flag says "these disagree", and the
 * head judge decides who is right. Flags never change a score.
 */

/** A judge's sheet total is flagged beyond this share of the best minus the worst total. */
export const TOTAL_OUTLIER_SHARE = 0.2;
/** A judge's value of one criterion is flagged beyond this share of the criterion's range. */
export const CRITERION_OUTLIER_SHARE = 0.3;
/**
 * Criterion flags need a panel of at least three: two judges apart on a criterion is ordinary
 * (their totals still get flagged when far apart), and every such pair flagged buries the rest.
 */
export const CRITERION_OUTLIER_MIN_PANEL = 3;

export interface JudgeValue {
  judgeId: string;
  value: number;
}

export interface OutlierFlag {
  judgeId: string;
  value: number;
  /** Median of the panel's values (this judge's included). */
  panelMedian: number;
  /** value − panelMedian. */
  deviation: number;
  /** How far is allowed: share × range. */
  limit: number;
}

/**
 * The judges whose value is more than `share × range` from the panel's median, by judge.
 * Fewer than `minPanel` values (at least two), or a range of zero, flag nobody.
 */
export function findOutliers(
  values: readonly JudgeValue[],
  range: number,
  share: number,
  minPanel = 2,
): Map<string, OutlierFlag> {
  const flags = new Map<string, OutlierFlag>();
  if (values.length < Math.max(2, minPanel) || !(range > 0)) return flags;
  const limit = share * range;
  const panelMedian = median(values.map((v) => v.value))!;
  for (const mine of values) {
    const deviation = mine.value - panelMedian;
    // A hair of float error must not flag a value exactly at the limit.
    if (Math.abs(deviation) > limit + 1e-9)
      flags.set(mine.judgeId, {
        judgeId: mine.judgeId,
        value: mine.value,
        panelMedian,
        deviation,
        limit,
      });
  }
  return flags;
}
