/**
 * Reconnect delay with exponential growth and full jitter: a random delay between `minMs` and
 * the exponential ceiling, so a hall of tablets that lost the hub together does not reconnect in
 * the same millisecond.
 */
export function reconnectDelay(
  attempt: number,
  minMs = 500,
  maxMs = 30_000,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, minMs * 2 ** Math.max(0, attempt));
  return Math.round(minMs + random() * (ceiling - minMs));
}
