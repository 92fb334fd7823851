import type { DisplaySettings } from './displayDoc.js';

/**
 * What a scoreboard shows at a moment of the shared cycle: which category while rotating, which
 * page or scroll position of a long list. Everything is a function of the display document and
 * the hub's clock, never of when a screen started, so every screen that connects (now or later)
 * shows the same category at the same time.
 */

type Cycle = Pick<DisplaySettings, 'cycleStartedAt' | 'rotateSeconds'>;

export interface CycleSlot {
  /** How many whole intervals have passed since the cycle started. */
  slot: number;
  /** Milliseconds into the current interval. */
  intoSlotMs: number;
  slotMs: number;
}

export function cycleSlot(cycle: Cycle, hubNow: number): CycleSlot {
  const slotMs = Math.max(1, cycle.rotateSeconds) * 1000;
  // A controller whose clock ran ahead must not leave screens waiting before slot 0.
  const elapsed = Math.max(0, hubNow - cycle.cycleStartedAt);
  const slot = Math.floor(elapsed / slotMs);
  return { slot, intoSlotMs: elapsed - slot * slotMs, slotMs };
}

/**
 * The category on screen while rotating: the rotation starts at the selected category (or the
 * first) and moves to the next one every interval, in the categories' order.
 */
export function rotationIndex(
  categoryIds: readonly string[],
  selected: string | null,
  cycle: Cycle,
  hubNow: number,
): number {
  if (categoryIds.length === 0) return -1;
  const start = Math.max(0, selected === null ? 0 : categoryIds.indexOf(selected));
  return (start + cycleSlot(cycle, hubNow).slot) % categoryIds.length;
}

export interface ListWindow {
  /** Index of the first row on screen. */
  first: number;
  /** The page on screen (paginate), 0-based; while scrolling, the scroll step. */
  page: number;
  pages: number;
}

/** Scroll steps held at the top and at the bottom of a scrolling list, so both can be read. */
export const SCROLL_HOLD_STEPS = 2;

/**
 * Which rows of a list of `count` rows are on a screen that fits `capacity` of them.
 * `paginate` turns a page every interval; `scroll` moves up one row at a time (holding at the top
 * and bottom), the whole list taking one interval per page. `withinSlot`: the list has one
 * interval in all (a rotating category), so its pages or steps share that interval.
 */
export function listWindow(opts: {
  count: number;
  capacity: number;
  listMode: DisplaySettings['listMode'];
  withinSlot: boolean;
  cycle: Cycle;
  hubNow: number;
}): ListWindow {
  const capacity = Math.max(1, Math.floor(opts.capacity));
  if (opts.count <= capacity) return { first: 0, page: 0, pages: 1 };
  const { slot, intoSlotMs, slotMs } = cycleSlot(opts.cycle, opts.hubNow);
  if (opts.listMode === 'paginate') {
    const pages = Math.ceil(opts.count / capacity);
    const page = opts.withinSlot
      ? Math.min(pages - 1, Math.floor(intoSlotMs / (slotMs / pages)))
      : slot % pages;
    return { first: page * capacity, page, pages };
  }
  const maxOffset = opts.count - capacity;
  const steps = maxOffset + 1 + 2 * SCROLL_HOLD_STEPS;
  // Each row stays on screen about as long as it would on a page.
  const stepMs = opts.withinSlot ? slotMs / steps : slotMs / capacity;
  const elapsed = opts.withinSlot ? intoSlotMs : slot * slotMs + intoSlotMs;
  const step = Math.floor(elapsed / stepMs) % steps;
  const first = Math.min(maxOffset, Math.max(0, step - SCROLL_HOLD_STEPS));
  return { first, page: step, pages: steps };
}
