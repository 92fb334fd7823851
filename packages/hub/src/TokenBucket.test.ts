import { describe, expect, it } from 'vitest';
import { TokenBucket } from './TokenBucket.js';

function bucketAt(burst: number, perSecond: number) {
  const clock = { ms: 0 };
  return { clock, bucket: new TokenBucket({ burst, perSecond }, () => clock.ms) };
}

const takeMany = (bucket: TokenBucket, n: number) =>
  Array.from({ length: n }, () => bucket.take()).filter(Boolean).length;

describe('TokenBucket', () => {
  it('lets a full burst through at once, then refuses', () => {
    const { bucket } = bucketAt(50, 20);
    expect(takeMany(bucket, 50)).toBe(50);
    expect(bucket.take()).toBe(false);
  });

  it('refills at its rate, never above the burst', () => {
    const { bucket, clock } = bucketAt(50, 20);
    takeMany(bucket, 50);
    clock.ms += 500;
    expect(takeMany(bucket, 100)).toBe(10);
    clock.ms += 60_000;
    expect(takeMany(bucket, 100)).toBe(50);
  });

  it('keeps up with a sender just under the rate forever', () => {
    const { bucket, clock } = bucketAt(5, 20);
    for (let i = 0; i < 10_000; i++) {
      clock.ms += 51;
      expect(bucket.take()).toBe(true);
    }
  });

  it('runs dry for a sender over the rate, however large the burst', () => {
    const { bucket, clock } = bucketAt(50, 20);
    let sent = 0;
    while (bucket.take()) {
      clock.ms += 40; // 25 per second
      sent++;
    }
    // 50 + 20/s·t = 25/s·t  →  t = 10 s, ~250 messages.
    expect(sent).toBeGreaterThan(240);
    expect(sent).toBeLessThan(260);
  });
});
