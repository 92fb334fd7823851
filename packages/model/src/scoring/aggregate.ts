import type { Aggregation } from '../event.js';

/**
 * The four ways judges' values become one number (docs/SCORING.md, "Aggregation"). Each takes the
 * values in any order and sorts a copy first, so the result never depends on the order judges'
 * sheets arrived. An empty list has no aggregate (null), never 0.
 *
 * Averages are clamped to the smallest and largest input: in exact arithmetic they lie there
 * anyway, and the clamp removes binary error such as (0.1 + 0.1 + 0.1) / 3 > 0.1.
 */

/** Sorted copy; `+ 0` turns −0 into 0 so that no result depends on where a −0 was. */
const ascending = (values: readonly number[]): number[] =>
  values.map((v) => v + 0).sort((a, b) => a - b);

function sumSorted(sorted: readonly number[]): number {
  let total = 0;
  for (const value of sorted) total += value;
  return total;
}

function meanSorted(sorted: readonly number[]): number | null {
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return null;
  return Math.min(last, Math.max(first, sumSorted(sorted) / sorted.length));
}

export function sum(values: readonly number[]): number | null {
  return values.length === 0 ? null : sumSorted(ascending(values));
}

export function mean(values: readonly number[]): number | null {
  return meanSorted(ascending(values));
}

/** The middle value; with an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  const sorted = ascending(values);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[half] ?? null)
    : meanSorted(sorted.slice(half - 1, half + 1));
}

/**
 * The mean after dropping the `k` lowest and `k` highest values. When that would leave nothing
 * (n ≤ 2k) it is the median, which is what trimming as much as possible while keeping at least
 * one value gives: one middle value when n is odd, the mean of the two middle values when even.
 */
export function trimmedMean(values: readonly number[], k: number): number | null {
  const drop = Math.max(0, Math.trunc(k));
  if (values.length <= 2 * drop) return median(values);
  return meanSorted(ascending(values).slice(drop, values.length - drop));
}

/** `k` is how many values a trimmed mean drops at each end (`trimmedMeanK`); others ignore it. */
export function aggregate(
  values: readonly number[],
  aggregation: Aggregation,
  k: number,
): number | null {
  switch (aggregation) {
    case 'mean':
      return mean(values);
    case 'median':
      return median(values);
    case 'trimmed-mean':
      return trimmedMean(values, k);
    case 'sum':
      return sum(values);
  }
}
