import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCKOUT, PinAttempts, formatWait } from './PinAttempts.js';

const MINUTE = 60_000;

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('wrong-PIN lockout', () => {
  it('locks a device out for 5 minutes at the 5th wrong PIN, counting down the tries before', () => {
    const time = clock();
    const attempts = new PinAttempts(DEFAULT_LOCKOUT, time.now);
    const left = [1, 2, 3, 4].map(() => attempts.failed('tablet-a', '10.0.0.5'));
    expect(left).toEqual([4, 3, 2, 1].map((triesLeft) => ({ locked: false, triesLeft })));
    expect(attempts.check('tablet-a', '10.0.0.5')).toEqual({ allowed: true });

    expect(attempts.failed('tablet-a', '10.0.0.5')).toEqual({
      locked: true,
      retryAfterMs: 5 * MINUTE,
    });
    time.advance(MINUTE + 28_000);
    expect(attempts.check('tablet-a', '10.0.0.5')).toEqual({
      allowed: false,
      retryAfterMs: 3 * MINUTE + 32_000,
    });
    // Another tablet on the same Wi-Fi is not punished for it.
    expect(attempts.check('tablet-b', '10.0.0.6')).toEqual({ allowed: true });

    time.advance(4 * MINUTE);
    expect(attempts.check('tablet-a', '10.0.0.5')).toEqual({ allowed: true });
    // A fresh start after the lockout, not one wrong try from the next.
    expect(attempts.failed('tablet-a', '10.0.0.5')).toEqual({ locked: false, triesLeft: 4 });
  });

  it('forgets wrong PINs older than the window', () => {
    const time = clock();
    const attempts = new PinAttempts(DEFAULT_LOCKOUT, time.now);
    for (let i = 0; i < 4; i++) attempts.failed('tablet-a', '10.0.0.5');
    time.advance(16 * MINUTE);
    expect(attempts.failed('tablet-a', '10.0.0.5')).toEqual({ locked: false, triesLeft: 4 });
  });

  it('a right PIN clears the device’s count', () => {
    const attempts = new PinAttempts(DEFAULT_LOCKOUT, clock().now);
    for (let i = 0; i < 4; i++) attempts.failed('tablet-a', '10.0.0.5');
    attempts.succeeded('tablet-a', '10.0.0.5');
    expect(attempts.failed('tablet-a', '10.0.0.5')).toEqual({ locked: false, triesLeft: 4 });
  });

  it('making up a new device id for every guess does not get past the address limit', () => {
    const attempts = new PinAttempts(DEFAULT_LOCKOUT, clock().now);
    const verdicts = Array.from({ length: 20 }, (_, i) =>
      attempts.failed(`made-up-${i}`, '10.0.0.66'),
    );
    expect(verdicts.slice(0, 19).every((v) => !v.locked)).toBe(true);
    expect(verdicts[19]).toEqual({ locked: true, retryAfterMs: 5 * MINUTE });
    expect(attempts.check('made-up-99', '10.0.0.66').allowed).toBe(false);
    expect(attempts.check('made-up-99', '10.0.0.67').allowed).toBe(true);
  });

  it('says the wait in words', () => {
    expect(formatWait(5 * MINUTE)).toBe('5 min');
    expect(formatWait(4 * MINUTE + 31_200)).toBe('4 min 32 s');
    expect(formatWait(45_000)).toBe('45 s');
    expect(formatWait(10)).toBe('1 s');
  });
});
