/**
 * Decimal rounding that agrees with rounding by hand (docs/SCORING.md, "Rounding").
 *
 * A binary float cannot hold most decimals: 1.005 is stored as 1.00499999999999989…, so the usual
 * `Math.round(x * 100) / 100` gives 1.00 where a person writes 1.01. Scores are therefore first
 * *cleaned* to CLEAN_DECIMALS places, which removes the binary error of a computation (far smaller
 * than 10⁻⁹ at the sizes scores have), and the cleaned decimal digits are then rounded as a person
 * would: half away from zero.
 */
export const CLEAN_DECIMALS = 9;

/** Largest magnitude we clean; beyond it a float has no digits at the ninth decimal anyway. */
const CLEANABLE = 1e12;

/**
 * The double nearest to `value` written with CLEAN_DECIMALS decimals, so that two computations
 * that are equal in exact arithmetic (0.1 + 0.2 and 0.3) give the same number.
 */
export function cleanFloat(value: number): number {
  if (!Number.isFinite(value) || Math.abs(value) >= CLEANABLE) return value;
  const cleaned = Number(value.toFixed(CLEAN_DECIMALS));
  return cleaned === 0 ? 0 : cleaned;
}

/**
 * `value` rounded to `decimals` places (a whole number from 0 to CLEAN_DECIMALS), half away from
 * zero, after cleaning: 1.005 → 1.01, 2.675 → 2.68, −2.675 → −2.68, 24.91666… → 24.92.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value) || Math.abs(value) >= CLEANABLE) return value;
  const places = Math.min(Math.max(Math.trunc(decimals) || 0, 0), CLEAN_DECIMALS);
  // toFixed gives the exact decimal expansion of the binary value, rounded at the ninth place.
  const [whole = '0', fraction = ''] = Math.abs(value).toFixed(CLEAN_DECIMALS).split('.');
  const kept = BigInt(whole + fraction.slice(0, places));
  const roundsUp = places < CLEAN_DECIMALS && (fraction[places] ?? '0') >= '5';
  // Parsing a decimal string gives the double nearest to it.
  const magnitude = Number(`${kept + (roundsUp ? 1n : 0n)}e-${places}`);
  return value < 0 && magnitude !== 0 ? -magnitude : magnitude;
}
