import { describe, expect, it } from 'vitest';
import { SCROLL_HOLD_STEPS, cycleSlot, listWindow, rotationIndex } from './displayCycle.js';

// A cycle that started at hub time 100 000 with a 10 s interval.
const cycle = { cycleStartedAt: 100_000, rotateSeconds: 10 };
const at = (seconds: number) => 100_000 + seconds * 1000;

describe('cycleSlot', () => {
  it('counts whole intervals since the cycle started', () => {
    expect(cycleSlot(cycle, at(0))).toEqual({ slot: 0, intoSlotMs: 0, slotMs: 10_000 });
    expect(cycleSlot(cycle, at(9.999))).toMatchObject({ slot: 0 });
    expect(cycleSlot(cycle, at(25))).toEqual({ slot: 2, intoSlotMs: 5_000, slotMs: 10_000 });
  });

  it('holds the first interval when the hub clock reads earlier than the start', () => {
    expect(cycleSlot(cycle, at(-30))).toEqual({ slot: 0, intoSlotMs: 0, slotMs: 10_000 });
  });
});

describe('rotationIndex', () => {
  const ids = ['robot-design', 'innovation-project', 'core-values'];

  it('starts at the selected category and moves on every interval, wrapping round', () => {
    const shown = [0, 10, 20, 30, 45].map(
      (s) => ids[rotationIndex(ids, 'innovation-project', cycle, at(s))],
    );
    expect(shown).toEqual([
      'innovation-project',
      'core-values',
      'robot-design',
      'innovation-project',
      'core-values',
    ]);
  });

  it('gives two screens that opened at different times the same category', () => {
    // Whenever a screen opened, what it shows depends only on the shared start and the hub time.
    const screenA = rotationIndex(ids, null, cycle, at(73));
    const screenB = rotationIndex(ids, null, structuredClone(cycle), at(73));
    expect(screenA).toBe(screenB);
    // 73 s is slot 7; from the first category, 7 mod 3 = 1.
    expect(ids[screenA]).toBe('innovation-project');
  });

  it('starts at the first category when none (or an unknown one) is selected', () => {
    expect(rotationIndex(ids, null, cycle, at(0))).toBe(0);
    expect(rotationIndex(ids, 'gone', cycle, at(0))).toBe(0);
    expect(rotationIndex([], null, cycle, at(0))).toBe(-1);
  });
});

describe('listWindow', () => {
  const base = { capacity: 5, cycle, withinSlot: false } as const;

  it('shows a list that fits from its first row, on one page', () => {
    expect(listWindow({ ...base, count: 5, listMode: 'paginate', hubNow: at(123) })).toEqual({
      first: 0,
      page: 0,
      pages: 1,
    });
  });

  it('turns a page every interval: 12 rows, 5 a page → rows 1, 6, 11, then 1 again', () => {
    const firsts = [0, 10, 20, 30].map(
      (s) => listWindow({ ...base, count: 12, listMode: 'paginate', hubNow: at(s) }).first,
    );
    expect(firsts).toEqual([0, 5, 10, 0]);
  });

  it('shares one rotation interval among the pages of a rotating category', () => {
    // 3 pages in a 10 s slot: 0–3.33 s page 1, 3.33–6.67 s page 2, then page 3.
    const firsts = [0, 3, 4, 7, 9.9, 10].map(
      (s) =>
        listWindow({ ...base, withinSlot: true, count: 12, listMode: 'paginate', hubNow: at(s) })
          .first,
    );
    expect(firsts).toEqual([0, 0, 5, 10, 10, 0]);
  });

  it('scrolls up a row at a time, holding at the top and at the bottom', () => {
    // 8 rows, 5 fit: offsets 0…3, with 2 steps held at each end: 8 steps of 10 s / 5 = 2 s.
    const offsets = Array.from(
      { length: 9 },
      (_, i) => listWindow({ ...base, count: 8, listMode: 'scroll', hubNow: at(i * 2) }).first,
    );
    expect(SCROLL_HOLD_STEPS).toBe(2);
    expect(offsets).toEqual([0, 0, 0, 1, 2, 3, 3, 3, 0]);
  });
});
