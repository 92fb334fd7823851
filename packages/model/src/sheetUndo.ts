import type * as Y from 'yjs';
import {
  commitField,
  isSheetEntry,
  sheetEntries,
  type SheetEntry,
  type SheetField,
} from './sheetDoc.js';

/**
 * Undo of the last change on one score sheet. Nothing is ever removed: an undo is a new entry
 * on top of the field's heads that holds the value shown before the change, and names the
 * change it takes back (`undoes`). Pressing Undo again takes back the change before that one:
 * changes already undone, and undo entries themselves, are skipped.
 */

export interface UndoPlan {
  /** The change to take back. */
  change: SheetEntry;
  field: SheetField;
  /** The value the field shows now, and the value the undo puts back (null: blank). */
  from: number | string | null;
  to: number | string | null;
}

export type UndoCheck = { ok: true; plan: UndoPlan } | { ok: false; reason: string };

export interface UndoOptions {
  /** Only changes by this author may be undone (a judge undoes their own). */
  onlyAuthor?: string;
  /** Entries to read as absent (values the hub did not accept). */
  excluded?: ReadonlySet<string>;
}

const newerFirst = (a: SheetEntry, b: SheetEntry): number =>
  b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

function sheetHistory(
  doc: Y.Doc,
  teamId: string,
  categoryId: string,
  excluded?: ReadonlySet<string>,
) {
  const list: SheetEntry[] = [];
  for (const e of sheetEntries(doc).values()) {
    if (!isSheetEntry(e) || e.teamId !== teamId || e.categoryId !== categoryId) continue;
    if (excluded?.has(e.id)) continue;
    list.push(e);
  }
  return list;
}

/** What Undo would do on this sheet now, or why there is nothing to undo. */
export function planUndo(
  doc: Y.Doc,
  teamId: string,
  categoryId: string,
  options: UndoOptions = {},
): UndoCheck {
  const history = sheetHistory(doc, teamId, categoryId, options.excluded);
  const byId = new Map(history.map((e) => [e.id, e]));
  const undone = new Set(history.flatMap((e) => (e.undoes ? [e.undoes] : [])));
  const changes = history.filter((e) => !e.undoes && !undone.has(e.id)).sort(newerFirst);
  const own = options.onlyAuthor;
  const change = own === undefined ? changes[0] : changes.find((e) => e.author === own);
  if (!change) return { ok: false, reason: 'Nothing to undo on this sheet.' };
  if (own !== undefined) {
    const later = changes.find(
      (e) => e.field === change.field && e.author !== own && newerFirst(e, change) < 0,
    );
    if (later)
      return {
        ok: false,
        reason: 'The head judge corrected this value since. Ask the head judge to change it.',
      };
  }
  const before = change.prev
    .map((id) => byId.get(id))
    .filter((e): e is SheetEntry => e !== undefined)
    .sort(newerFirst)[0];
  const fieldHistory = history.filter((e) => e.field === change.field);
  const superseded = new Set(fieldHistory.flatMap((e) => e.prev));
  const shown = fieldHistory.filter((e) => !superseded.has(e.id)).sort(newerFirst)[0];
  return {
    ok: true,
    plan: {
      change,
      field: change.field,
      from: shown?.value ?? null,
      to: before?.value ?? null,
    },
  };
}

/** Takes back the last change (see planUndo), committed as `author` from `device`. */
export function undoLastChange(
  doc: Y.Doc,
  input: { teamId: string; categoryId: string; author: string; device: string; at?: number },
  options: UndoOptions = {},
): UndoCheck & { entry?: SheetEntry } {
  const check = planUndo(doc, input.teamId, input.categoryId, options);
  if (!check.ok) return check;
  const entry = commitField(doc, {
    teamId: input.teamId,
    categoryId: input.categoryId,
    field: check.plan.field,
    value: check.plan.to,
    author: input.author,
    device: input.device,
    at: input.at,
    always: true,
    undoes: check.plan.change.id,
  });
  return { ...check, entry: entry ?? undefined };
}
