import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { aggregate, mean, median, sum, trimmedMean } from './aggregate.js';

describe('aggregations by hand', () => {
  const totals = [15, 30, 16, 17, 16];

  it('mean: (15 + 30 + 16 + 17 + 16) / 5 = 94 / 5 = 18.8', () => {
    expect(mean(totals)).toBe(18.8);
  });

  it('median: sorted 15, 16, 16, 17, 30 → the middle value 16', () => {
    expect(median(totals)).toBe(16);
  });

  it('median of an even count: 15, 16, 17, 30 → (16 + 17) / 2 = 16.5', () => {
    expect(median([30, 15, 17, 16])).toBe(16.5);
  });

  it('trimmed mean k = 1: drop 15 and 30 → (16 + 16 + 17) / 3 = 16.333…', () => {
    expect(trimmedMean(totals, 1)).toBeCloseTo(49 / 3, 12);
  });

  it('trimmed mean k = 2 of five values keeps only the middle one: 16', () => {
    expect(trimmedMean(totals, 2)).toBe(16);
  });

  it('trimmed mean when n ≤ 2k is the median: k = 1 of 20, 12 → (12 + 20) / 2 = 16', () => {
    expect(trimmedMean([20, 12], 1)).toBe(16);
    // k = 2 of 10, 30, 11 (n = 3 ≤ 4): median 11, not the mean 17.
    expect(trimmedMean([10, 30, 11], 2)).toBe(11);
    expect(trimmedMean([7], 1)).toBe(7);
  });

  it('trimmed mean k = 0 is the mean', () => {
    expect(trimmedMean(totals, 0)).toBe(18.8);
  });

  it('sum: 15 + 30 + 16 + 17 + 16 = 94', () => {
    expect(sum(totals)).toBe(94);
  });

  it('no values has no aggregate, never 0', () => {
    for (const method of ['mean', 'median', 'trimmed-mean', 'sum'] as const)
      expect(aggregate([], method, 1)).toBeNull();
  });

  it('an average of equal values is that value despite binary error', () => {
    // (0.1 + 0.1 + 0.1) / 3 is 0.10000000000000002 in binary.
    expect((0.1 + 0.1 + 0.1) / 3).not.toBe(0.1);
    expect(mean([0.1, 0.1, 0.1])).toBe(0.1);
  });
});

describe('aggregation properties', () => {
  const values = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
    minLength: 1,
    maxLength: 12,
  });
  const within = (x: number | null, xs: number[]) => {
    expect(x).not.toBeNull();
    expect(x!).toBeGreaterThanOrEqual(Math.min(...xs));
    expect(x!).toBeLessThanOrEqual(Math.max(...xs));
  };

  it('a trimmed mean lies within [min, max] of its inputs, for every k', () => {
    fc.assert(fc.property(values, fc.nat(6), (xs, k) => within(trimmedMean(xs, k), xs)));
  });

  it('a mean and a median lie within [min, max] of their inputs', () => {
    fc.assert(
      fc.property(values, (xs) => {
        within(mean(xs), xs);
        within(median(xs), xs);
      }),
    );
  });

  it('no aggregation depends on the order of its inputs', () => {
    fc.assert(
      fc.property(
        values.chain((xs) =>
          fc.tuple(
            fc.constant(xs),
            fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }),
          ),
        ),
        fc.nat(3),
        ([xs, shuffled], k) => {
          for (const method of ['mean', 'median', 'trimmed-mean', 'sum'] as const)
            expect(aggregate(shuffled, method, k)).toBe(aggregate(xs, method, k));
        },
      ),
    );
  });
});
