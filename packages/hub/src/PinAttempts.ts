export interface LockoutPolicy {
  /** Wrong PINs one device (device id + address) may enter within `windowMs` before a lockout. */
  perDevice: number;
  /**
   * Wrong PINs one address may enter, whatever device ids it claims: a device id is the client's
   * own word, so without this a script could make up a new one for every guess.
   */
  perAddress: number;
  windowMs: number;
  lockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = {
  perDevice: 5,
  perAddress: 20,
  windowMs: 15 * 60_000,
  lockMs: 5 * 60_000,
};

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };
export type FailureVerdict =
  { locked: false; triesLeft: number } | { locked: true; retryAfterMs: number };

interface Tally {
  failures: number[];
  lockedUntil: number;
}

/** Entries kept at most; past it, tallies with nothing recent are forgotten first. */
const MAX_TALLIES = 10_000;

/**
 * Wrong-PIN counting and lockouts for `POST /api/pair`. Six digits are guessable by brute force,
 * so after `perDevice` wrong tries in `windowMs` the device is locked out for `lockMs` (and an
 * address for `perAddress`). Held in memory: a hub restart forgets them, which an attacker on the
 * venue network cannot cause.
 */
export class PinAttempts {
  private readonly tallies = new Map<string, Tally>();

  constructor(
    private readonly policy: LockoutPolicy = DEFAULT_LOCKOUT,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether this device may try a PIN now. */
  check(deviceId: string, address: string): AttemptVerdict {
    const at = this.now();
    const wait = Math.max(
      this.lockedFor(deviceKey(deviceId, address), at),
      this.lockedFor(addressKey(address), at),
    );
    return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true };
  }

  /** Records a wrong PIN; says how many tries are left, or that the device is now locked. */
  failed(deviceId: string, address: string): FailureVerdict {
    const at = this.now();
    const device = this.count(deviceKey(deviceId, address), at, this.policy.perDevice);
    const byAddress = this.count(addressKey(address), at, this.policy.perAddress);
    const wait = Math.max(device.lockedUntil, byAddress.lockedUntil) - at;
    if (wait > 0) return { locked: true, retryAfterMs: wait };
    return {
      locked: false,
      triesLeft: Math.min(
        this.policy.perDevice - device.failures.length,
        this.policy.perAddress - byAddress.failures.length,
      ),
    };
  }

  /** A right PIN clears the device's own count (not its address's). */
  succeeded(deviceId: string, address: string): void {
    this.tallies.delete(deviceKey(deviceId, address));
  }

  private lockedFor(key: string, at: number): number {
    const tally = this.tallies.get(key);
    if (!tally) return 0;
    if (tally.lockedUntil > at) return tally.lockedUntil - at;
    if (tally.lockedUntil !== 0) {
      // The lockout has run out: a fresh start, not one more wrong try away from the next.
      this.tallies.delete(key);
    }
    return 0;
  }

  private count(key: string, at: number, limit: number): Tally {
    let tally = this.tallies.get(key);
    if (!tally) {
      if (this.tallies.size >= MAX_TALLIES) this.prune(at);
      tally = { failures: [], lockedUntil: 0 };
      this.tallies.set(key, tally);
    }
    tally.failures = tally.failures.filter((t) => at - t < this.policy.windowMs);
    tally.failures.push(at);
    if (tally.failures.length >= limit && tally.lockedUntil <= at)
      tally.lockedUntil = at + this.policy.lockMs;
    return tally;
  }

  private prune(at: number): void {
    for (const [key, tally] of this.tallies) {
      const recent = tally.failures.some((t) => at - t < this.policy.windowMs);
      if (!recent && tally.lockedUntil <= at) this.tallies.delete(key);
    }
    // Still full of live tallies (a flood): drop the oldest rather than grow without bound.
    while (this.tallies.size >= MAX_TALLIES) {
      const oldest = this.tallies.keys().next().value;
      if (oldest === undefined) break;
      this.tallies.delete(oldest);
    }
  }
}

const deviceKey = (deviceId: string, address: string) => `device:${deviceId}@${address}`;
const addressKey = (address: string) => `address:${address}`;

/** "4 min 32 s", "45 s": how long a person has to wait, in words. */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
