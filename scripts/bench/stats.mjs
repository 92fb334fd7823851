// Percentiles and the matching of scoreboard changes to the commits that caused them.

/** Nearest-rank percentile of unsorted samples; null when there are none. */
export function percentile(samples, p) {
  if (samples.length === 0) return null;
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function latencySummary(samples) {
  return {
    p50: round(percentile(samples, 50)),
    p99: round(percentile(samples, 99)),
    max: round(percentile(samples, 100)),
    samples: samples.length,
  };
}

export const round = (x, digits = 1) => (x === null ? null : Number(x.toFixed(digits)));

export function median(values) {
  return percentile(values, 50);
}

/**
 * Commit-to-scoreboard latencies. Each scoreboard record is one results update with the score
 * slots it changed and when each scoreboard received it; it is matched, per slot, to the latest
 * commit to that slot made before the first arrival. Commits walk the slots round-robin, so the
 * previous commit to a slot is a whole pass (seconds) older.
 */
export function scoreboardLatencies(commits, records) {
  const bySlot = new Map();
  for (const [slot, at] of commits) {
    if (!bySlot.has(slot)) bySlot.set(slot, []);
    bySlot.get(slot).push(at);
  }
  for (const times of bySlot.values()) times.sort((a, b) => a - b);
  const matched = new Set();
  const samples = [];
  for (const { slots, arrivals } of records) {
    const first = arrivals.reduce((a, b) => Math.min(a, b), Infinity);
    for (const slot of slots) {
      const times = bySlot.get(slot);
      if (!times) continue;
      let lo = 0;
      let hi = times.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (times[mid] <= first) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found < 0) continue;
      const key = `${slot}:${found}`;
      if (matched.has(key)) continue;
      matched.add(key);
      for (const at of arrivals) samples.push(at - times[found]);
    }
  }
  return { samples, matchedCommits: matched.size, commits: commits.length };
}
