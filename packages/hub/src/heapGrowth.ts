import v8 from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived its last full collection, in
 * percent. Left to itself V8 picks a factor of up to 4 for a heap it collects quickly: at 200
 * commits/s with 1,000 devices the hub's live heap stays at 100–150 MB while its old generation
 * grows to 220–340 MB, mostly garbage, before a full collection; the hub's RSS peaked at
 * 320–490 MB (docs/PERFORMANCE.md, issue 9). Measured in the same minutes: 50 % kept the peak at
 * 275–285 MB for about twice as many full collections (13 against 5–6 in 30 s, each 6–15 ms) and
 * 0.44–0.45 cores against 0.39–0.43; 25 % kept it at 252–262 MB but, with four times the full
 * collections, cost 0.06 cores and 20–40 ms of scoreboard p99; 100 % let it reach 311 MB.
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Sets the hub process's heap growth (above). Call once, first thing in a process that runs the
 * hub (`judgehub` and the desktop app's hub process): it changes V8 for the whole process, so a
 * library never calls it for its host. V8 reads this flag each time it sizes the heap after a
 * full collection, so setting it at run time takes effect (Node's launch flag would be the same
 * `--heap-growing-percent`, but `judgehub` is started by npm, Electron or a shell we don't own).
 */
export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
