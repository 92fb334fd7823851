import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cleanFloat, roundHalfAwayFromZero } from './round.js';

describe('roundHalfAwayFromZero', () => {
  it('rounds the decimals a person sees, not the binary value underneath', () => {
    // 1.005 is stored as 1.00499999…; Math.round(1.005 · 100) / 100 gives 1, by hand it is 1.01.
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    // 2.675 is stored as 2.67499999…; by hand 2.68.
    expect(roundHalfAwayFromZero(2.675, 2)).toBe(2.68);
    // 8.345 → 8.35, 1.45 → 1.5 (one decimal), 0.125 (exact in binary) → 0.13.
    expect(roundHalfAwayFromZero(8.345, 2)).toBe(8.35);
    expect(roundHalfAwayFromZero(1.45, 1)).toBe(1.5);
    expect(roundHalfAwayFromZero(0.125, 2)).toBe(0.13);
  });

  it('rounds halves away from zero, on both sides', () => {
    expect(roundHalfAwayFromZero(2.5, 0)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5, 0)).toBe(-3);
    expect(roundHalfAwayFromZero(-2.675, 2)).toBe(-2.68);
    expect(roundHalfAwayFromZero(-1.005, 2)).toBe(-1.01);
  });

  it('rounds below a half down and above it up', () => {
    // 24.91666… → 24.92; 17.58333… → 17.58; 1.0049 → 1.00.
    expect(roundHalfAwayFromZero(74.75 / 3, 2)).toBe(24.92);
    expect(roundHalfAwayFromZero(52.75 / 3, 2)).toBe(17.58);
    expect(roundHalfAwayFromZero(1.0049, 2)).toBe(1);
    expect(roundHalfAwayFromZero(-1.0049, 2)).toBe(-1);
  });

  it('a computed half counts as a half: (1 + 1.01) / 2 = 1.005 → 1.01', () => {
    // In binary (1 + 1.01) / 2 is 1.00499999999999989…; cleaning to 9 decimals gives 1.005.
    expect(roundHalfAwayFromZero((1 + 1.01) / 2, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero((2.67 + 2.68) / 2, 2)).toBe(2.68);
    expect(roundHalfAwayFromZero(0.1 + 0.2, 6)).toBe(0.3);
  });

  it('never gives negative zero', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.001, 2), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0, 2), 0)).toBe(true);
  });

  it('the result printed with toFixed shows exactly the rounded decimals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 6 }),
        (thousandths, decimals) => {
          const value = thousandths / 1000;
          const rounded = roundHalfAwayFromZero(value, decimals);
          // Within half a unit of the last kept decimal, and already at that precision.
          expect(Math.abs(rounded - value)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
          expect(Number(rounded.toFixed(decimals))).toBe(rounded);
        },
      ),
    );
  });
});

describe('cleanFloat', () => {
  it('makes values that are equal in exact arithmetic equal numbers', () => {
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(cleanFloat(0.1 + 0.2)).toBe(0.3);
    expect(cleanFloat(0.1 * 3)).toBe(cleanFloat(0.2 + 0.1));
  });
});
