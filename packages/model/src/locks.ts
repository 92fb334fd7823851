import * as Y from 'yjs';
import * as random from 'lib0/random';
import { controlMaps } from './controlDoc.js';

/**
 * Locks in the `control` document's `locks` map: the head judge (or organiser) locks a category,
 * or one team in it, once its scores are checked, so judges' tablets stop changing them.
 *
 * Entries are immutable and only ever added, each under a fresh random id, and each names the
 * lock entries of the same scope (category, or category + team) its writer saw (`prev`). The
 * *heads* of a scope are its entries no other entry builds on. A scope is locked when any head is
 * a lock: two devices locking at once both hold, and an unlock made without seeing a lock (it was
 * written on a device that had not heard of it) never undoes that lock. Only an unlock written on
 * top of every lock head releases it. Merges in any order give the same answer on every replica.
 */

export type LockKind = 'lock' | 'unlock';

export interface LockEntry {
  id: string;
  kind: LockKind;
  categoryId: string;
  /** Absent: the whole category. */
  teamId?: string;
  /** Heads of this scope that the writer saw. */
  prev: string[];
  /** Who: `organiser` or `head:<id>`. */
  by: string;
  /** The device (install) that wrote it. */
  device: string;
  /** Wall-clock time on the device, ms since epoch. */
  at: number;
}

export interface LockInput {
  kind: LockKind;
  categoryId: string;
  teamId?: string;
  by: string;
  device: string;
  at?: number;
}

export interface ScopeLockState {
  locked: boolean;
  /** The heads, newest first. */
  heads: LockEntry[];
  /** The newest lock among the heads when locked, else the newest head (who unlocked). */
  latest: LockEntry | null;
}

const scopeKey = (categoryId: string, teamId: string | undefined): string =>
  teamId === undefined ? categoryId : `${categoryId}|${teamId}`;

/** Entries come from the network: anything not shaped like a lock entry is ignored. */
export function isLockEntry(e: unknown): e is LockEntry {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as Record<string, unknown>;
  return (
    typeof x.id === 'string' &&
    (x.kind === 'lock' || x.kind === 'unlock') &&
    typeof x.categoryId === 'string' &&
    (x.teamId === undefined || typeof x.teamId === 'string') &&
    Array.isArray(x.prev) &&
    x.prev.every((p) => typeof p === 'string') &&
    typeof x.by === 'string' &&
    typeof x.device === 'string' &&
    typeof x.at === 'number' &&
    Number.isFinite(x.at)
  );
}

const newerFirst = (a: LockEntry, b: LockEntry): number =>
  b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Every lock scope's state, keyed by category id or `<category>|<team>`. */
export class LockTable {
  private readonly byScope = new Map<string, LockEntry[]>();

  constructor(entries: Iterable<unknown>) {
    for (const e of entries) {
      if (!isLockEntry(e)) continue;
      const key = scopeKey(e.categoryId, e.teamId);
      const list = this.byScope.get(key);
      if (list) list.push(e);
      else this.byScope.set(key, [e]);
    }
  }

  /** The state of exactly one scope: the category (no team) or one team's own lock. */
  scope(categoryId: string, teamId?: string): ScopeLockState {
    const history = this.byScope.get(scopeKey(categoryId, teamId)) ?? [];
    const superseded = new Set<string>();
    for (const e of history) for (const p of e.prev) superseded.add(p);
    const heads = history.filter((e) => !superseded.has(e.id)).sort(newerFirst);
    const locks = heads.filter((e) => e.kind === 'lock');
    return {
      locked: locks.length > 0,
      heads,
      latest: locks[0] ?? heads[0] ?? null,
    };
  }

  /** Whether a team's sheets in a category are locked: by the category's lock or its own. */
  isLocked(categoryId: string, teamId: string): boolean {
    return this.scope(categoryId).locked || this.scope(categoryId, teamId).locked;
  }

  /** The lock that holds a team's sheets (the category's first), or null. */
  lockOf(categoryId: string, teamId: string): LockEntry | null {
    const category = this.scope(categoryId);
    if (category.locked) return category.latest;
    const team = this.scope(categoryId, teamId);
    return team.locked ? team.latest : null;
  }
}

export function readLocks(doc: Y.Doc): LockTable {
  return new LockTable(controlMaps(doc).locks.values());
}

/**
 * Writes a lock or unlock on top of the scope's current heads. Returns null when the scope is
 * already as asked with a single head (nothing to store).
 */
export function writeLock(doc: Y.Doc, input: LockInput, origin: unknown = null): LockEntry | null {
  const state = readLocks(doc).scope(input.categoryId, input.teamId);
  const wantLocked = input.kind === 'lock';
  if (state.locked === wantLocked && state.heads.length === 1) return null;
  if (!wantLocked && state.heads.length === 0) return null;
  const entry: LockEntry = {
    id: random.uuidv4(),
    kind: input.kind,
    categoryId: input.categoryId,
    ...(input.teamId === undefined ? {} : { teamId: input.teamId }),
    prev: state.heads.map((e) => e.id).sort(),
    by: input.by,
    device: input.device,
    at: input.at ?? Date.now(),
  };
  doc.transact(() => controlMaps(doc).locks.set(entry.id, entry), origin);
  return entry;
}
