import * as Y from 'yjs';
import * as random from 'lib0/random';

/**
 * Layout of a `sheets/<judgeId>` document.
 *
 * Every value a judge commits is an immutable entry in one root Y.Map, keyed by a fresh random id,
 * so entries are never overwritten and never lost in a merge. Each entry names the entries it was
 * made on top of (`prev`, like a merge commit). Per field, the *heads* are the entries no other
 * entry builds on: one head is a settled value; two or more heads with different values are a
 * conflict (two devices edited while apart), kept in full until someone commits on top of both.
 * The shown value among several heads is chosen the same way on every replica (latest `at`, then
 * entry id), so all replicas converge to the same view.
 */

/**
 * `final`: the judge confirmed a submitted sheet as final. A final mark is never undone by a
 * concurrent one: when any head of the status field is `final`, the sheet is final until someone
 * commits on top of every head (docs/ARCHITECTURE.md, Final marks). Documents written before
 * final marks existed hold only draft and submitted and read as before.
 */
export type SheetStatus = 'draft' | 'submitted' | 'final';

/** What a field of a sheet holds: a criterion's value, the comment, or the sheet's status. */
export type SheetField = `criterion:${string}` | 'comment' | 'status';

export const criterionField = (criterionId: string): SheetField => `criterion:${criterionId}`;

export interface SheetEntry {
  id: string;
  teamId: string;
  categoryId: string;
  field: SheetField;
  /** A number for criteria, text for the comment, a SheetStatus for status; null clears. */
  value: number | string | null;
  /** Heads of this field that the author saw when committing. */
  prev: string[];
  /** Who committed it: the judge's id, or `headJudgeAuthor(id)` for a head judge's correction. */
  author: string;
  /** The device (install) that committed it. */
  device: string;
  /** Wall-clock time on the device, ms since epoch. */
  at: number;
  /** Set on an undo (sheetUndo.ts): the entry whose change this one takes back. */
  undoes?: string;
}

export interface FieldState<T> {
  value: T | null;
  entry: SheetEntry;
  /** Other concurrent values not yet resolved, with who and when. Empty when settled. */
  conflicts: SheetEntry[];
  /** Every entry no other entry builds on, the shown one first (same-value heads included). */
  heads: SheetEntry[];
}

export interface ScoreSheet {
  teamId: string;
  categoryId: string;
  values: Map<string, FieldState<number>>;
  comment: FieldState<string> | null;
  status: SheetStatus;
  /** The status field itself, e.g. to tell whether the submission reached the hub. */
  statusState: FieldState<string> | null;
  /** When it was submitted (or marked final); null for a draft. */
  submittedAt: number | null;
}

export const sheetKey = (teamId: string, categoryId: string): string => `${teamId}|${categoryId}`;

export function sheetEntries(doc: Y.Doc): Y.Map<SheetEntry> {
  return doc.getMap('entries');
}

export interface CommitInput {
  teamId: string;
  categoryId: string;
  field: SheetField;
  value: number | string | null;
  author: string;
  device: string;
  at?: number;
  /** Commit even when the field already shows this value (a head judge's decision on top). */
  always?: boolean;
  /** An undo: the entry whose change this commit takes back (sheetUndo.ts). */
  undoes?: string;
}

/**
 * Commits a value on top of the field's current heads. Returns the new entry, or null when the
 * field already holds exactly this value with no conflict (nothing to store).
 */
export function commitField(
  doc: Y.Doc,
  input: CommitInput,
  origin: unknown = null,
): SheetEntry | null {
  const entries = sheetEntries(doc);
  const history = fieldHistory(entries, input.teamId, input.categoryId, input.field);
  const state = resolveField(history);
  if (!input.always && state && state.conflicts.length === 0 && state.entry.value === input.value)
    return null;
  const entry: SheetEntry = {
    id: random.uuidv4(),
    teamId: input.teamId,
    categoryId: input.categoryId,
    field: input.field,
    value: input.value,
    prev: state ? state.heads.map((e) => e.id).sort() : [],
    author: input.author,
    device: input.device,
    at: input.at ?? Date.now(),
    ...(input.undoes === undefined ? {} : { undoes: input.undoes }),
  };
  doc.transact(() => entries.set(entry.id, entry), origin);
  return entry;
}

function fieldHistory(
  entries: Y.Map<SheetEntry>,
  teamId: string,
  categoryId: string,
  field: SheetField,
): SheetEntry[] {
  const history: SheetEntry[] = [];
  for (const e of entries.values()) {
    if (e.teamId === teamId && e.categoryId === categoryId && e.field === field) history.push(e);
  }
  return history;
}

const newerFirst = (a: SheetEntry, b: SheetEntry): number =>
  b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The settled value of one field's history, with any unresolved concurrent values. */
export function resolveField<T = number | string>(history: SheetEntry[]): FieldState<T> | null {
  if (history.length === 0) return null;
  const superseded = new Set<string>();
  for (const e of history) for (const p of e.prev) superseded.add(p);
  const heads = history.filter((e) => !superseded.has(e.id)).sort(newerFirst);
  // A cycle is impossible from our own writes; fall back to all entries if a peer forged one.
  const ordered = heads.length > 0 ? heads : [...history].sort(newerFirst);
  const [winner, ...others] = ordered as [SheetEntry, ...SheetEntry[]];
  return {
    value: winner.value as T | null,
    entry: winner,
    conflicts: others.filter((e) => e.value !== winner.value),
    heads: ordered,
  };
}

/**
 * All sheets in a judge's document, keyed by `sheetKey(teamId, categoryId)`. `excluded`: entry
 * ids to read as if absent (values the hub did not accept, e.g. scored after a lock): each
 * field then shows the heads without them.
 */
export function readSheets(
  doc: Y.Doc,
  excluded: ReadonlySet<string> = NONE,
): Map<string, ScoreSheet> {
  const byField = new Map<string, SheetEntry[]>();
  for (const e of sheetEntries(doc).values()) {
    if (!isSheetEntry(e) || excluded.has(e.id)) continue;
    const key = `${sheetKey(e.teamId, e.categoryId)}|${e.field}`;
    const list = byField.get(key);
    if (list) list.push(e);
    else byField.set(key, [e]);
  }
  const sheets = new Map<string, ScoreSheet>();
  for (const history of byField.values()) {
    const first = history[0]!;
    const key = sheetKey(first.teamId, first.categoryId);
    let sheet = sheets.get(key);
    if (!sheet) {
      sheet = {
        teamId: first.teamId,
        categoryId: first.categoryId,
        values: new Map(),
        comment: null,
        status: 'draft',
        statusState: null,
        submittedAt: null,
      };
      sheets.set(key, sheet);
    }
    const field = first.field;
    if (field === 'comment') {
      sheet.comment = resolveField<string>(history);
    } else if (field === 'status') {
      const state = resolveField<string>(history);
      sheet.statusState = state;
      sheet.status = statusOf(state);
      sheet.submittedAt = sheet.status !== 'draft' && state ? state.entry.at : null;
    } else if (field.startsWith('criterion:')) {
      const state = resolveField<number>(history);
      if (state) sheet.values.set(field.slice('criterion:'.length), state);
    }
  }
  return sheets;
}

const NONE: ReadonlySet<string> = new Set();

/** Any final head makes the sheet final; otherwise the shown value (unknown ones read as draft). */
function statusOf(state: FieldState<string> | null): SheetStatus {
  if (!state) return 'draft';
  if (state.heads.some((h) => h.value === 'final')) return 'final';
  return state.value === 'submitted' ? 'submitted' : 'draft';
}

/** Submitted, or submitted and marked final: the sheet is in. */
export const isSubmitted = (status: SheetStatus): boolean => status !== 'draft';

/** Entries come from the network: anything not shaped like an entry is ignored, never trusted. */
export function isSheetEntry(e: unknown): e is SheetEntry {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as Record<string, unknown>;
  return (
    typeof x.id === 'string' &&
    typeof x.teamId === 'string' &&
    typeof x.categoryId === 'string' &&
    typeof x.field === 'string' &&
    (x.field === 'comment' || x.field === 'status' || x.field.startsWith('criterion:')) &&
    (x.value === null ||
      (typeof x.value === 'number' && Number.isFinite(x.value)) ||
      typeof x.value === 'string') &&
    Array.isArray(x.prev) &&
    x.prev.every((p) => typeof p === 'string') &&
    typeof x.author === 'string' &&
    typeof x.device === 'string' &&
    typeof x.at === 'number' &&
    Number.isFinite(x.at) &&
    (x.undoes === undefined || typeof x.undoes === 'string')
  );
}
