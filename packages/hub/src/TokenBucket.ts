import type { RateLimit } from './connectionLimits.js';

/**
 * A token bucket per connection: full at the start (so a reconnecting tablet's first messages,
 * its catch-up included, always pass), one token per message, refilled continuously.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = limit.burst;
    this.last = now();
  }

  /** Takes a token for one message; false when the bucket is empty. */
  take(): boolean {
    const at = this.now();
    const refill = ((at - this.last) / 1000) * this.limit.perSecond;
    this.tokens = Math.min(this.limit.burst, this.tokens + refill);
    this.last = at;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
