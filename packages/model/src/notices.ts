import type * as Y from 'yjs';
import * as random from 'lib0/random';
import { controlMaps } from './controlDoc.js';

/**
 * Notices from the organiser or the head judge to one judge, all judges, or the scoreboards:
 * one entry per notice in the `control` document's `notices` map (notice id → Notice). A device
 * that was away gets them when it syncs again, like any other change. A judge dismisses a notice
 * on their own device only; the sender withdraws it for everyone by deleting it.
 */

/** A notice is read at a glance: a couple of sentences at most. */
export const NOTICE_MAX_LENGTH = 280;

export type NoticeAudience = 'judges' | 'scoreboards' | { judgeId: string };

export interface Notice {
  id: string;
  to: NoticeAudience;
  text: string;
  /** Who sent it, as shown to the reader (e.g. "Organiser"). */
  by: string;
  /** When it was sent, ms since epoch on the sender's clock. */
  at: number;
}

export interface NoticeInput {
  to: NoticeAudience;
  text: string;
  by: string;
  at?: number;
}

export type NoticeCheck = { ok: true; text: string } | { ok: false; problem: string };

/** The text as it will be sent (trimmed), or what to fix. */
export function checkNoticeText(text: string): NoticeCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'Write the notice first.' };
  if (trimmed.length > NOTICE_MAX_LENGTH)
    return {
      ok: false,
      problem: `A notice is at most ${NOTICE_MAX_LENGTH} characters; this one has ${trimmed.length}. Shorten it.`,
    };
  return { ok: true, text: trimmed };
}

export function isNoticeAudience(to: unknown): to is NoticeAudience {
  if (to === 'judges' || to === 'scoreboards') return true;
  if (typeof to !== 'object' || to === null) return false;
  const judgeId = (to as { judgeId?: unknown }).judgeId;
  return typeof judgeId === 'string' && judgeId.length > 0 && judgeId.length <= 64;
}

/** Stores a new notice; refuses (and stores nothing) when the text or audience is not right. */
export function sendNotice(
  doc: Y.Doc,
  input: NoticeInput,
  origin: unknown = null,
): { ok: true; notice: Notice } | { ok: false; problem: string } {
  const text = checkNoticeText(input.text);
  if (!text.ok) return text;
  if (!isNoticeAudience(input.to)) return { ok: false, problem: 'Choose who gets the notice.' };
  const notice: Notice = {
    id: random.uuidv4(),
    to: typeof input.to === 'string' ? input.to : { judgeId: input.to.judgeId },
    text: text.text,
    by: input.by.slice(0, 80),
    at: input.at ?? Date.now(),
  };
  doc.transact(() => controlMaps(doc).notices.set(notice.id, notice), origin);
  return { ok: true, notice };
}

/** Takes a notice back from every device (it disappears wherever it is shown). */
export function withdrawNotice(doc: Y.Doc, id: string, origin: unknown = null): boolean {
  const notices = controlMaps(doc).notices;
  if (!notices.has(id)) return false;
  doc.transact(() => notices.delete(id), origin);
  return true;
}

function isNotice(id: string, value: unknown): value is Notice {
  if (typeof value !== 'object' || value === null) return false;
  const n = value as Record<string, unknown>;
  return (
    n.id === id &&
    isNoticeAudience(n.to) &&
    typeof n.text === 'string' &&
    n.text.length > 0 &&
    n.text.length <= NOTICE_MAX_LENGTH &&
    typeof n.by === 'string' &&
    typeof n.at === 'number' &&
    Number.isFinite(n.at)
  );
}

/** Every well-formed notice, oldest first; a malformed entry is left out, never shown half. */
export function readNotices(doc: Y.Doc): Notice[] {
  const notices: Notice[] = [];
  for (const [id, value] of controlMaps(doc).notices) if (isNotice(id, value)) notices.push(value);
  return notices.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type NoticeReader = { kind: 'judge'; judgeId: string } | { kind: 'scoreboard' };

/** The notices meant for one reader, oldest first. */
export function noticesFor(notices: readonly Notice[], reader: NoticeReader): Notice[] {
  return notices.filter((n) =>
    reader.kind === 'scoreboard'
      ? n.to === 'scoreboards'
      : n.to === 'judges' || (typeof n.to === 'object' && n.to.judgeId === reader.judgeId),
  );
}

/** "All judges", "the scoreboards" or the judge's name, for lists of sent notices. */
export function audienceLabel(to: NoticeAudience, judgeName?: (id: string) => string): string {
  if (to === 'judges') return 'All judges';
  if (to === 'scoreboards') return 'Scoreboards';
  return judgeName?.(to.judgeId) ?? to.judgeId;
}
