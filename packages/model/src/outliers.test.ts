import { describe, expect, it } from 'vitest';
import {
  CRITERION_OUTLIER_MIN_PANEL,
  CRITERION_OUTLIER_SHARE,
  TOTAL_OUTLIER_SHARE,
  findOutliers,
} from './outliers.js';

const v = (pairs: [string, number][]) => pairs.map(([judgeId, value]) => ({ judgeId, value }));

describe('outlier flags', () => {
  it('flags the one judge far from the panel median', () => {
    // Range 0–50, share 0.2: more than 10 from the median (39).
    const flags = findOutliers(
      v([
        ['J1', 40],
        ['J2', 38],
        ['J3', 41],
        ['J4', 22],
      ]),
      50,
      0.2,
    );
    expect([...flags.keys()]).toEqual(['J4']);
    expect(flags.get('J4')).toMatchObject({ panelMedian: 39, deviation: -17, limit: 10 });
  });

  it('does not flag a value exactly at the limit', () => {
    expect(
      findOutliers(
        v([
          ['J1', 30],
          ['J2', 20],
          ['J3', 20],
        ]),
        50,
        0.2,
      ).size,
    ).toBe(0);
    expect(
      findOutliers(
        v([
          ['J1', 30.5],
          ['J2', 20],
          ['J3', 20],
        ]),
        50,
        0.2,
      ).size,
    ).toBe(1);
  });

  it('flags both of two judges who disagree, and nobody when alone', () => {
    expect([
      ...findOutliers(
        v([
          ['J1', 9],
          ['J2', 2],
        ]),
        9,
        CRITERION_OUTLIER_SHARE,
      ).keys(),
    ]).toEqual(['J1', 'J2']);
    expect(findOutliers(v([['J1', 9]]), 9, CRITERION_OUTLIER_SHARE).size).toBe(0);
    // Criteria ask for a panel of three.
    expect(
      findOutliers(
        v([
          ['J1', 9],
          ['J2', 2],
        ]),
        9,
        CRITERION_OUTLIER_SHARE,
        CRITERION_OUTLIER_MIN_PANEL,
      ).size,
    ).toBe(0);
    expect(
      findOutliers(
        v([
          ['J1', 9],
          ['J2', 2],
        ]),
        0,
        TOTAL_OUTLIER_SHARE,
      ).size,
    ).toBe(0);
  });

  it('flags only the extreme judge, not the ones it pulls away from', () => {
    // Median of 30, 29, 31, 0 is 29.5: J1–J3 are within 10 of it; J4 (0) is 29.5 away.
    const flags = findOutliers(
      v([
        ['J1', 30],
        ['J2', 29],
        ['J3', 31],
        ['J4', 0],
      ]),
      50,
      0.2,
    );
    expect([...flags.keys()]).toEqual(['J4']);
  });
});
