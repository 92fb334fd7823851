import type * as Y from 'yjs';
import {
  isSheetEntry,
  readSheets,
  sheetEntries,
  type ScoreSheet,
  type SheetEntry,
  type SheetField,
} from './sheetDoc.js';

/**
 * Values the hub stored but does not count: a judge's entries that reached the hub for a team or
 * category the head judge had locked (the tablet was offline and did not know). The hub writes
 * them in the `results` document's root map `notAccepted` (entry id → NotAcceptedEntry), which
 * only the hub writes and every device reads. The entries themselves stay in the judge's sheet,
 * never lost: results read the sheet without them, the judge's tablet shows them aside as
 * "Not accepted — locked", and the head judge accepts or dismisses each in review.
 */

export type NotAcceptedReason = 'locked';

export interface NotAcceptedEntry {
  entryId: string;
  judgeId: string;
  teamId: string;
  categoryId: string;
  field: SheetField;
  reason: NotAcceptedReason;
  /** The lock entry that held the sheet when the value arrived. */
  lockId: string | null;
  /** When it reached the hub (hub clock, ms since epoch). */
  at: number;
}

export function notAcceptedMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('notAccepted');
}

function isNotAccepted(x: unknown): x is NotAcceptedEntry {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.entryId === 'string' &&
    typeof r.judgeId === 'string' &&
    typeof r.teamId === 'string' &&
    typeof r.categoryId === 'string' &&
    typeof r.field === 'string' &&
    r.reason === 'locked' &&
    (r.lockId === null || typeof r.lockId === 'string') &&
    typeof r.at === 'number'
  );
}

/** Every value held aside, by entry id (from the `results` document). */
export function readNotAccepted(doc: Y.Doc): Map<string, NotAcceptedEntry> {
  const out = new Map<string, NotAcceptedEntry>();
  for (const [id, value] of notAcceptedMap(doc)) if (isNotAccepted(value)) out.set(id, value);
  return out;
}

/** The entry ids held aside, optionally of one judge: the exclusion set for `readSheets`. */
export function notAcceptedIds(doc: Y.Doc, judgeId?: string): Set<string> {
  const ids = new Set<string>();
  for (const [id, value] of notAcceptedMap(doc)) {
    if (isNotAccepted(value) && (judgeId === undefined || value.judgeId === judgeId)) ids.add(id);
  }
  return ids;
}

/**
 * A judge's sheets as the hub counts them: without the values it held aside. Everything that
 * scores, exports or shows feedback should read sheets this way, so it agrees with the results.
 */
export function readAcceptedSheets(
  sheetDoc: Y.Doc,
  resultsDoc: Y.Doc,
  judgeId: string,
): Map<string, ScoreSheet> {
  return readSheets(sheetDoc, notAcceptedIds(resultsDoc, judgeId));
}

export function recordNotAccepted(doc: Y.Doc, record: NotAcceptedEntry, origin: unknown): void {
  doc.transact(() => notAcceptedMap(doc).set(record.entryId, record), origin);
}

/**
 * The held-aside entries of one sheet that still wait for a decision: those nobody has built
 * on since (a head judge's Accept or Dismiss, or the judge's own later value once unlocked, is
 * committed on top of them and so settles them). Newest first.
 */
export function pendingNotAccepted(
  sheetDoc: Y.Doc,
  held: ReadonlySet<string>,
  teamId: string,
  categoryId: string,
): SheetEntry[] {
  const sheet: SheetEntry[] = [];
  for (const e of sheetEntries(sheetDoc).values()) {
    if (isSheetEntry(e) && e.teamId === teamId && e.categoryId === categoryId) sheet.push(e);
  }
  const superseded = new Set(sheet.flatMap((e) => e.prev));
  return sheet
    .filter((e) => held.has(e.id) && !superseded.has(e.id))
    .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
}
