import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { controlMaps } from './controlDoc.js';
import { readLocks, writeLock, type LockEntry, type LockKind } from './locks.js';

const sync = (from: Y.Doc, to: Y.Doc) =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

const lock = (doc: Y.Doc, kind: LockKind, teamId?: string, device = 'tablet') =>
  writeLock(doc, { kind, categoryId: 'design', teamId, by: 'head:HJ', device });

describe('locks', () => {
  it('locks and unlocks a category; a team lock holds only that team', () => {
    const doc = new Y.Doc();
    expect(readLocks(doc).isLocked('design', 'T1')).toBe(false);
    lock(doc, 'lock', 'T1');
    expect(readLocks(doc).isLocked('design', 'T1')).toBe(true);
    expect(readLocks(doc).isLocked('design', 'T2')).toBe(false);
    lock(doc, 'lock');
    expect(readLocks(doc).isLocked('design', 'T2')).toBe(true);
    lock(doc, 'unlock');
    expect(readLocks(doc).isLocked('design', 'T2')).toBe(false);
    // The team's own lock still holds after the category's is lifted.
    expect(readLocks(doc).isLocked('design', 'T1')).toBe(true);
    expect(readLocks(doc).lockOf('design', 'T1')?.teamId).toBe('T1');
  });

  it('writes nothing when the scope is already as asked', () => {
    const doc = new Y.Doc();
    expect(lock(doc, 'unlock')).toBeNull();
    expect(lock(doc, 'lock')).not.toBeNull();
    expect(lock(doc, 'lock')).toBeNull();
    expect(controlMaps(doc).locks.size).toBe(1);
  });

  it('keeps a category locked when two devices lock it at once, until one unlock sees both', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    lock(a, 'lock', undefined, 'a');
    lock(b, 'lock', undefined, 'b');
    sync(a, b);
    sync(b, a);
    expect(readLocks(a).scope('design').heads).toHaveLength(2);
    expect(readLocks(b).isLocked('design', 'T1')).toBe(true);
    lock(a, 'unlock');
    sync(a, b);
    expect(readLocks(b).isLocked('design', 'T1')).toBe(false);
  });

  it('never lets an unlock undo a lock it did not see', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    lock(a, 'lock');
    sync(a, b);
    // b unlocks; meanwhile a (not hearing of it) locks again on top of an unlock of its own.
    lock(b, 'unlock');
    lock(a, 'unlock');
    lock(a, 'lock');
    sync(a, b);
    sync(b, a);
    expect(readLocks(a).isLocked('design', 'T1')).toBe(true);
    expect(readLocks(b).isLocked('design', 'T1')).toBe(true);
  });

  it('ignores malformed entries', () => {
    const doc = new Y.Doc();
    controlMaps(doc).locks.set('x', { kind: 'lock', categoryId: 'design' });
    controlMaps(doc).locks.set('y', 'lock');
    expect(readLocks(doc).isLocked('design', 'T1')).toBe(false);
  });
});

/** Independent of `heads`: locked when some lock entry is not an ancestor of any unlock. */
function lockedByAncestry(entries: LockEntry[]): boolean {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const seenByUnlock = new Set<string>();
  for (const unlock of entries.filter((e) => e.kind === 'unlock')) {
    const stack = [...unlock.prev];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seenByUnlock.has(id)) continue;
      seenByUnlock.add(id);
      stack.push(...(byId.get(id)?.prev ?? []));
    }
  }
  return entries.some((e) => e.kind === 'lock' && !seenByUnlock.has(e.id));
}

type Step =
  | { op: 'write'; device: number; kind: LockKind; team: boolean }
  | { op: 'sync'; from: number; to: number };

const DEVICES = 3;
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('write' as const),
    device: fc.integer({ min: 0, max: DEVICES - 1 }),
    kind: fc.constantFrom<LockKind>('lock', 'unlock'),
    team: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('sync' as const),
    from: fc.integer({ min: 0, max: DEVICES - 1 }),
    to: fc.integer({ min: 0, max: DEVICES - 1 }),
  }),
);

describe('locks merged in any order (property)', () => {
  it('converge on every replica and never undo a lock no unlock saw', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: DEVICES - 1 }), { minLength: DEVICES * 2 }),
        (steps, mergeOrder) => {
          const devices = Array.from({ length: DEVICES }, () => new Y.Doc());
          for (const step of steps) {
            if (step.op === 'sync') sync(devices[step.from]!, devices[step.to]!);
            else
              writeLock(devices[step.device]!, {
                kind: step.kind,
                categoryId: 'design',
                teamId: step.team ? 'T1' : undefined,
                by: 'head:HJ',
                device: `d${step.device}`,
              });
          }
          // Each replica receives the others' updates in its own order.
          const updates = devices.map((d) => Y.encodeStateAsUpdate(d));
          const replicas = devices.map((_, i) => {
            const doc = new Y.Doc();
            const order = [...mergeOrder.slice(i), ...mergeOrder.slice(0, i), 0, 1, 2];
            for (const k of order) Y.applyUpdate(doc, updates[k]!);
            return doc;
          });
          for (const teamId of [undefined, 'T1']) {
            const states = replicas.map((r) => readLocks(r).scope('design', teamId));
            const entries = [...controlMaps(replicas[0]!).locks.values()] as LockEntry[];
            const scoped = entries.filter((e) => e.teamId === teamId);
            for (const state of states) {
              expect(state.heads.map((h) => h.id)).toEqual(states[0]!.heads.map((h) => h.id));
              expect(state.locked).toBe(lockedByAncestry(scoped));
            }
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
