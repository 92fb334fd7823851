import * as Y from 'yjs';
import * as random from 'lib0/random';
import { controlMaps } from './controlDoc.js';

/**
 * Judging rounds, one per category at a time, in the `control` document's `rounds` map. The
 * organiser or head judge opens a round (optionally with a duration: a countdown every tablet
 * shows), pauses it (the countdown stops and keeps its remaining time), resumes it and closes it.
 * A closed round does not block scoring: only the head judge's lock refuses edits.
 *
 * Every change is a new immutable entry under a fresh random key, never an overwrite: the round of
 * a category is its entry with the latest `at` (hub time on the writer's device when it wrote),
 * then the greatest `id`. So two organisers changing the same round while apart converge on the
 * later change wherever it is read, whichever arrives first. A writer deletes only entries it has
 * seen and that its own entry supersedes, so the map stays small and a concurrent change is never
 * lost to a delete.
 */

export type RoundPhase = 'open' | 'paused' | 'closed';

export interface JudgingRound {
  id: string;
  categoryId: string;
  phase: RoundPhase;
  /** 1 for the first round of the category; reopening after a close starts the next. */
  number: number;
  /** The round's length, or null for a round without a countdown. */
  durationMs: number | null;
  /**
   * Time left at `at` (null without a countdown). While open it counts down from `at`; while
   * paused it stays as it is, so a resumed round carries on where it stopped.
   */
  remainingMs: number | null;
  /** Hub time (ms since epoch) when this change was made, on the writer's device. */
  at: number;
  /** Who made it, for the organiser's view: "organiser" or "head-judge". */
  by: string;
}

export type RoundChange = { ok: true; round: JudgingRound } | { ok: false; reason: string };

export const MAX_ROUND_MINUTES = 24 * 60;

const PHASES: readonly RoundPhase[] = ['open', 'paused', 'closed'];

function isRound(value: unknown): value is JudgingRound {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  const nullableMs = (v: unknown) =>
    v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);
  return (
    typeof r['id'] === 'string' &&
    typeof r['categoryId'] === 'string' &&
    PHASES.includes(r['phase'] as RoundPhase) &&
    Number.isInteger(r['number']) &&
    (r['number'] as number) >= 1 &&
    nullableMs(r['durationMs']) &&
    nullableMs(r['remainingMs']) &&
    typeof r['at'] === 'number' &&
    Number.isFinite(r['at']) &&
    typeof r['by'] === 'string'
  );
}

/** Whether `a` supersedes `b`: later, or at the same moment the greater id. */
const later = (a: JudgingRound, b: JudgingRound): boolean =>
  a.at > b.at || (a.at === b.at && a.id > b.id);

/** Each category's current round (categories never opened are absent). Malformed entries are ignored. */
export function readRounds(doc: Y.Doc): Map<string, JudgingRound> {
  const rounds = new Map<string, JudgingRound>();
  for (const [key, value] of controlMaps(doc).rounds.entries()) {
    if (!isRound(value) || value.id !== key) continue;
    const best = rounds.get(value.categoryId);
    if (!best || later(value, best)) rounds.set(value.categoryId, value);
  }
  return rounds;
}

/** Milliseconds left in the round at hub time `now`; null when the round has no countdown. */
export function roundRemainingMs(round: JudgingRound, now: number): number | null {
  if (round.remainingMs === null) return null;
  if (round.phase !== 'open') return round.remainingMs;
  return Math.max(0, round.remainingMs - Math.max(0, now - round.at));
}

export interface RoundWriter {
  /** Hub time now (Date.now() plus the handshake's offset). */
  now: number;
  by: string;
  /** The new entry's id; a fresh random one when absent (tests pass their own). */
  id?: string;
}

/** Opens a round for the category: the first, or the next after a closed one. */
export function openRound(
  doc: Y.Doc,
  categoryId: string,
  durationMinutes: number | null,
  writer: RoundWriter,
): RoundChange {
  if (
    durationMinutes !== null &&
    (!Number.isFinite(durationMinutes) ||
      durationMinutes <= 0 ||
      durationMinutes > MAX_ROUND_MINUTES)
  )
    return {
      ok: false,
      reason: `A round lasts from 1 minute to ${MAX_ROUND_MINUTES / 60} hours, or has no time limit.`,
    };
  const current = readRounds(doc).get(categoryId);
  if (current && current.phase !== 'closed')
    return {
      ok: false,
      reason: `Round ${current.number} is already ${current.phase}: close it first.`,
    };
  const durationMs = durationMinutes === null ? null : Math.round(durationMinutes * 60_000);
  return write(doc, current, {
    categoryId,
    phase: 'open',
    number: current ? current.number + 1 : 1,
    durationMs,
    remainingMs: durationMs,
    writer,
  });
}

/** Pauses an open round: its countdown stops and keeps the time left. */
export function pauseRound(doc: Y.Doc, categoryId: string, writer: RoundWriter): RoundChange {
  const current = readRounds(doc).get(categoryId);
  if (!current || current.phase !== 'open')
    return { ok: false, reason: 'Only an open round can be paused.' };
  return write(doc, current, {
    ...current,
    phase: 'paused',
    remainingMs: roundRemainingMs(current, writer.now),
    writer,
  });
}

/** Resumes a paused round: the countdown carries on from the time it kept. */
export function resumeRound(doc: Y.Doc, categoryId: string, writer: RoundWriter): RoundChange {
  const current = readRounds(doc).get(categoryId);
  if (!current || current.phase !== 'paused')
    return { ok: false, reason: 'Only a paused round can be resumed.' };
  return write(doc, current, { ...current, phase: 'open', writer });
}

/** Closes an open or paused round. Scoring goes on until the head judge locks the category. */
export function closeRound(doc: Y.Doc, categoryId: string, writer: RoundWriter): RoundChange {
  const current = readRounds(doc).get(categoryId);
  if (!current || current.phase === 'closed')
    return { ok: false, reason: 'There is no open or paused round to close.' };
  return write(doc, current, {
    ...current,
    phase: 'closed',
    remainingMs: roundRemainingMs(current, writer.now),
    writer,
  });
}

function write(
  doc: Y.Doc,
  current: JudgingRound | undefined,
  next: Omit<JudgingRound, 'id' | 'at' | 'by'> & { writer: RoundWriter },
): RoundChange {
  const { writer, ...fields } = next;
  // A clock behind the last change must still supersede it: this change was made after it.
  const at = current ? Math.max(writer.now, current.at + 1) : writer.now;
  const round: JudgingRound = {
    id: writer.id ?? random.uuidv4(),
    categoryId: fields.categoryId,
    phase: fields.phase,
    number: fields.number,
    durationMs: fields.durationMs,
    remainingMs: fields.remainingMs,
    at,
    by: writer.by,
  };
  const map = controlMaps(doc).rounds;
  doc.transact(() => {
    for (const [key, value] of map.entries())
      if (isRound(value) && value.categoryId === round.categoryId && later(round, value))
        map.delete(key);
    map.set(round.id, round);
  });
  return { ok: true, round };
}
