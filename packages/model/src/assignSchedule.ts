import type { Assignment, TimeSlot } from './event.js';
import { shuffled } from './seededRandom.js';

/**
 * Times and rooms for generated assignments (see assign.ts): each (team, category) is one session,
 * its judges and the team together in one room for one slot, placed so that no judge, team or
 * room is in two sessions at once.
 */

export interface ScheduleOptions {
  /** Start of the first slot, ms since epoch. */
  start: number;
  slotMinutes: number;
  /** Minutes between one slot's end and the next one's start. */
  gapMinutes: number;
  /** Rooms used side by side; empty: sessions get a time only (judges go to the teams' tables). */
  rooms: string[];
}

const MINUTE = 60_000;

/** The slot grid: slot i starts (slot + gap) × i minutes after the start. */
export function slotAt(options: ScheduleOptions, index: number): TimeSlot {
  return {
    start: options.start + index * (options.slotMinutes + options.gapMinutes) * MINUTE,
    minutes: options.slotMinutes,
  };
}

export const overlaps = (x: TimeSlot, y: TimeSlot): boolean =>
  x.start < y.start + y.minutes * MINUTE && y.start < x.start + x.minutes * MINUTE;

/**
 * Places each new (team, category) session in the earliest slot where its team, its judges and a
 * room are free, fullest teams first. Fixed assignments keep their times and block them. Writes
 * `slot` and `room` into `generated`; returns when the last session ends.
 */
export function scheduleSessions(
  generated: Assignment[],
  fixed: readonly Assignment[],
  options: ScheduleOptions,
  random: () => number,
): number | null {
  const sessions = new Map<string, Assignment[]>();
  for (const a of generated) {
    const key = `${a.teamId}|${a.categoryId}`;
    sessions.set(key, [...(sessions.get(key) ?? []), a]);
  }
  const perTeam = new Map<string, number>();
  for (const list of sessions.values())
    perTeam.set(list[0]!.teamId, (perTeam.get(list[0]!.teamId) ?? 0) + 1);
  const order = shuffled([...sessions.values()], random).sort(
    (x, y) => perTeam.get(y[0]!.teamId)! - perTeam.get(x[0]!.teamId)!,
  );
  const busy = new Map<number, Set<string>>();
  const mark = (i: number, what: string) => {
    let set = busy.get(i);
    if (!set) busy.set(i, (set = new Set()));
    set.add(what);
  };
  // Fixed assignments keep their times and block every grid slot they overlap.
  const step = (options.slotMinutes + options.gapMinutes) * MINUTE;
  for (const a of fixed) {
    if (!a.slot) continue;
    const end = a.slot.start + a.slot.minutes * MINUTE;
    const first = Math.max(0, Math.floor((a.slot.start - options.start) / step) - 1);
    for (let i = first; options.start + i * step < end; i++) {
      if (!overlaps(a.slot, slotAt(options, i))) continue;
      mark(i, `team:${a.teamId}`);
      mark(i, `judge:${a.judgeId}`);
      if (a.room !== undefined) mark(i, `room:${a.room}`);
    }
  }
  const isBusy = (i: number, what: string) => busy.get(i)?.has(what) === true;
  let endsAt: number | null = null;
  for (const session of order) {
    const teamId = session[0]!.teamId;
    for (let i = 0; ; i++) {
      const slot = slotAt(options, i);
      if (isBusy(i, `team:${teamId}`)) continue;
      if (session.some((s) => isBusy(i, `judge:${s.judgeId}`))) continue;
      const room = options.rooms.find((r) => !isBusy(i, `room:${r}`));
      if (options.rooms.length > 0 && room === undefined) continue;
      mark(i, `team:${teamId}`);
      for (const s of session) {
        mark(i, `judge:${s.judgeId}`);
        s.slot = slot;
        if (room !== undefined) s.room = room;
      }
      if (room !== undefined) mark(i, `room:${room}`);
      endsAt = Math.max(endsAt ?? 0, slot.start + slot.minutes * MINUTE);
      break;
    }
  }
  return endsAt;
}
