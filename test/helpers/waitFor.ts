/**
 * Polls `predicate` until it returns true; rejects with `what` after `timeoutMs`. Used instead of
 * fixed sleeps, so a test waits only as long as the hub actually takes.
 */
export async function waitFor(
  predicate: () => boolean,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
