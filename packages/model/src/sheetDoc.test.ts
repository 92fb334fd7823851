import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import {
  commitField,
  criterionField,
  isSheetEntry,
  readSheets,
  sheetEntries,
  sheetKey,
  type CommitInput,
  type ScoreSheet,
  type SheetEntry,
  type SheetField,
} from './sheetDoc.js';

const TEAM = 'T01';
const CATEGORY = 'robot-design';
const MECHANICAL = criterionField('mechanical');
const PROGRAMMING = criterionField('programming');

/** Commits on sheet T01 / robot-design unless the overrides say otherwise. */
function commit(
  doc: Y.Doc,
  field: SheetField,
  value: CommitInput['value'],
  overrides: Partial<CommitInput> = {},
): SheetEntry | null {
  return commitField(doc, {
    teamId: TEAM,
    categoryId: CATEGORY,
    field,
    value,
    author: 'J1',
    device: 'tablet-a',
    ...overrides,
  });
}

function sheetOf(doc: Y.Doc, teamId = TEAM, categoryId = CATEGORY): ScoreSheet {
  const sheet = readSheets(doc).get(sheetKey(teamId, categoryId));
  if (!sheet) throw new Error(`no sheet for ${teamId}/${categoryId}`);
  return sheet;
}

/** Exchanges full state both ways, as two devices do when they meet again. */
function syncBothWays(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a);
  const fromB = Y.encodeStateAsUpdate(b);
  Y.applyUpdate(b, fromA);
  Y.applyUpdate(a, fromB);
}

function countUpdates(doc: Y.Doc): () => number {
  let updates = 0;
  doc.on('update', () => updates++);
  return () => updates;
}

describe('commitField and readSheets on one device', () => {
  it('reads back the committed criterion values and comment', () => {
    const doc = new Y.Doc();
    commit(doc, MECHANICAL, 7, { at: 1_000 });
    commit(doc, PROGRAMMING, 8, { at: 1_100 });
    commit(doc, 'comment', 'Clever gearbox', { at: 1_200 });

    const sheet = sheetOf(doc);
    expect(sheet.teamId).toBe(TEAM);
    expect(sheet.categoryId).toBe(CATEGORY);
    expect(sheet.values.get('mechanical')?.value).toBe(7);
    expect(sheet.values.get('programming')?.value).toBe(8);
    expect(sheet.values.get('mechanical')?.conflicts).toEqual([]);
    expect(sheet.comment?.value).toBe('Clever gearbox');
    expect(sheet.status).toBe('draft');
    expect(sheet.submittedAt).toBeNull();
    expect(sheet.values.get('mechanical')?.entry).toMatchObject({
      author: 'J1',
      device: 'tablet-a',
      at: 1_000,
    });
  });

  it('shows the latest value when the judge changes their mind, keeping the history', () => {
    const doc = new Y.Doc();
    const first = commit(doc, MECHANICAL, 4, { at: 1_000 });
    const second = commit(doc, MECHANICAL, 6, { at: 1_500 });

    expect(second?.prev).toEqual([first?.id]);
    const state = sheetOf(doc).values.get('mechanical');
    expect(state?.value).toBe(6);
    expect(state?.conflicts).toEqual([]);
    expect(sheetEntries(doc).size).toBe(2);
  });

  it('a correction with an older device clock still replaces the value it was made on', () => {
    // The second commit saw the first, so it supersedes it whatever the clocks say.
    const doc = new Y.Doc();
    commit(doc, MECHANICAL, 4, { at: 5_000 });
    commit(doc, MECHANICAL, 9, { at: 1_000 });
    expect(sheetOf(doc).values.get('mechanical')).toMatchObject({ value: 9, conflicts: [] });
  });

  it('stores nothing when the same value is committed twice', () => {
    const doc = new Y.Doc();
    expect(commit(doc, MECHANICAL, 7, { at: 1_000 })).not.toBeNull();
    const updates = countUpdates(doc);

    expect(commit(doc, MECHANICAL, 7, { at: 2_000 })).toBeNull();
    expect(updates()).toBe(0);
    expect(sheetEntries(doc).size).toBe(1);
    expect(sheetOf(doc).values.get('mechanical')?.entry.at).toBe(1_000);
  });

  it('clearing a value with null shows null', () => {
    const doc = new Y.Doc();
    commit(doc, MECHANICAL, 7, { at: 1_000 });
    expect(commit(doc, MECHANICAL, null, { at: 2_000 })).not.toBeNull();
    expect(sheetOf(doc).values.get('mechanical')?.value).toBeNull();
  });

  it('round-trips the submitted status with its time, and back to draft', () => {
    const doc = new Y.Doc();
    commit(doc, MECHANICAL, 7, { at: 1_000 });
    commit(doc, 'status', 'submitted', { at: 3_000 });
    expect(sheetOf(doc)).toMatchObject({ status: 'submitted', submittedAt: 3_000 });

    commit(doc, 'status', 'draft', { at: 4_000 });
    expect(sheetOf(doc)).toMatchObject({ status: 'draft', submittedAt: null });
  });

  it('treats an unknown status value as draft', () => {
    const doc = new Y.Doc();
    commit(doc, 'status', 'finished', { at: 1_000 });
    expect(sheetOf(doc).status).toBe('draft');
  });

  it('round-trips the comment, including an edit', () => {
    const doc = new Y.Doc();
    commit(doc, 'comment', 'Good robot', { at: 1_000 });
    commit(doc, 'comment', 'Good robot; shaky arm', { at: 2_000 });
    expect(sheetOf(doc).comment).toMatchObject({ value: 'Good robot; shaky arm', conflicts: [] });
  });

  it('keeps sheets of different teams and categories apart', () => {
    const doc = new Y.Doc();
    commit(doc, MECHANICAL, 3, { teamId: 'T01', at: 1_000 });
    commit(doc, MECHANICAL, 9, { teamId: 'T02', at: 1_000 });
    commit(doc, MECHANICAL, 5, { categoryId: 'innovation-project', at: 1_000 });

    const sheets = readSheets(doc);
    expect([...sheets.keys()].sort()).toEqual([
      'T01|innovation-project',
      'T01|robot-design',
      'T02|robot-design',
    ]);
    expect(sheetOf(doc, 'T01', 'robot-design').values.get('mechanical')?.value).toBe(3);
    expect(sheetOf(doc, 'T02', 'robot-design').values.get('mechanical')?.value).toBe(9);
    expect(sheetOf(doc, 'T01', 'innovation-project').values.get('mechanical')?.value).toBe(5);
    // Same value on another team is a new entry, not a "no change".
    expect(commit(doc, MECHANICAL, 3, { teamId: 'T02', at: 2_000 })).not.toBeNull();
  });

  it('tags the write with the given transaction origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    const origin = { local: true };
    commitField(
      doc,
      {
        teamId: TEAM,
        categoryId: CATEGORY,
        field: MECHANICAL,
        value: 2,
        author: 'J1',
        device: 'd',
        at: 1,
      },
      origin,
    );
    expect(origins).toEqual([origin]);
  });
});

describe('concurrent edits from two devices', () => {
  it.each([
    {
      label: 'the later commit is on the second device',
      atA: 1_000,
      atB: 2_000,
      shown: 8,
      kept: 6,
    },
    { label: 'the later commit is on the first device', atA: 2_000, atB: 1_000, shown: 6, kept: 8 },
  ])(
    'both replicas show the value with the latest time when $label; the other is kept',
    ({ atA, atB, shown, kept }) => {
      const tabletA = new Y.Doc();
      const tabletB = new Y.Doc();
      commit(tabletA, MECHANICAL, 6, { at: atA, author: 'J1', device: 'tablet-a' });
      commit(tabletB, MECHANICAL, 8, { at: atB, author: 'head:H1', device: 'desk-1' });

      // While apart, each device shows its own value.
      expect(sheetOf(tabletA).values.get('mechanical')?.value).toBe(6);
      expect(sheetOf(tabletB).values.get('mechanical')?.value).toBe(8);

      syncBothWays(tabletA, tabletB);

      for (const doc of [tabletA, tabletB]) {
        const state = sheetOf(doc).values.get('mechanical');
        expect(state?.value).toBe(shown);
        expect(state?.conflicts).toHaveLength(1);
        expect(state?.conflicts[0]?.value).toBe(kept);
      }
      expect(sheetOf(tabletA)).toEqual(sheetOf(tabletB));

      const loser = sheetOf(tabletA).values.get('mechanical')?.conflicts[0];
      if (kept === 6) expect(loser).toMatchObject({ author: 'J1', device: 'tablet-a', at: atA });
      else expect(loser).toMatchObject({ author: 'head:H1', device: 'desk-1', at: atB });
    },
  );

  it('both replicas pick the same value when the two commits have the same time', () => {
    const tabletA = new Y.Doc();
    const tabletB = new Y.Doc();
    commit(tabletA, MECHANICAL, 6, { at: 1_000, device: 'tablet-a' });
    commit(tabletB, MECHANICAL, 8, { at: 1_000, device: 'tablet-b' });
    syncBothWays(tabletA, tabletB);

    const shownA = sheetOf(tabletA).values.get('mechanical');
    const shownB = sheetOf(tabletB).values.get('mechanical');
    expect(shownA?.value).toBe(shownB?.value);
    expect(shownA?.conflicts).toHaveLength(1);
    expect(sheetOf(tabletA)).toEqual(sheetOf(tabletB));
  });

  it('a new commit after the conflict resolves it on both replicas', () => {
    const tabletA = new Y.Doc();
    const tabletB = new Y.Doc();
    commit(tabletA, MECHANICAL, 6, { at: 1_000, device: 'tablet-a' });
    commit(tabletB, MECHANICAL, 8, { at: 2_000, device: 'tablet-b' });
    syncBothWays(tabletA, tabletB);

    const resolution = commit(tabletA, MECHANICAL, 7, {
      at: 3_000,
      author: 'head:H1',
      device: 'desk-1',
    });
    expect(resolution?.prev).toHaveLength(2);
    expect(sheetOf(tabletA).values.get('mechanical')).toMatchObject({ value: 7, conflicts: [] });
    // Before syncing, the other replica still shows the conflict.
    expect(sheetOf(tabletB).values.get('mechanical')?.conflicts).toHaveLength(1);

    syncBothWays(tabletA, tabletB);
    for (const doc of [tabletA, tabletB]) {
      expect(sheetOf(doc).values.get('mechanical')).toMatchObject({ value: 7, conflicts: [] });
    }
  });

  it('the head judge can resolve a conflict by confirming the value that is already shown', () => {
    const tabletA = new Y.Doc();
    const tabletB = new Y.Doc();
    commit(tabletA, MECHANICAL, 6, { at: 1_000 });
    commit(tabletB, MECHANICAL, 8, { at: 2_000 });
    syncBothWays(tabletA, tabletB);

    // Same value as shown, but there is a conflict to settle: this must be stored.
    expect(commit(tabletB, MECHANICAL, 8, { at: 3_000, author: 'head:H1' })).not.toBeNull();
    syncBothWays(tabletA, tabletB);
    for (const doc of [tabletA, tabletB]) {
      expect(sheetOf(doc).values.get('mechanical')).toMatchObject({ value: 8, conflicts: [] });
    }
  });

  it('the head judge can resolve a conflict in favour of the older value', () => {
    const tabletA = new Y.Doc();
    const tabletB = new Y.Doc();
    commit(tabletA, MECHANICAL, 6, { at: 1_000 });
    commit(tabletB, MECHANICAL, 8, { at: 2_000 });
    syncBothWays(tabletA, tabletB);

    commit(tabletB, MECHANICAL, 6, { at: 3_000, author: 'head:H1' });
    syncBothWays(tabletA, tabletB);
    for (const doc of [tabletA, tabletB]) {
      expect(sheetOf(doc).values.get('mechanical')).toMatchObject({ value: 6, conflicts: [] });
    }
  });

  it('edits to different criteria while apart merge without conflict', () => {
    const tabletA = new Y.Doc();
    const tabletB = new Y.Doc();
    commit(tabletA, MECHANICAL, 6, { at: 1_000 });
    commit(tabletB, PROGRAMMING, 9, { at: 1_000 });
    syncBothWays(tabletA, tabletB);
    for (const doc of [tabletA, tabletB]) {
      const sheet = sheetOf(doc);
      expect(sheet.values.get('mechanical')).toMatchObject({ value: 6, conflicts: [] });
      expect(sheet.values.get('programming')).toMatchObject({ value: 9, conflicts: [] });
    }
  });

  it('two devices committing the same value while apart is not a conflict', () => {
    const tabletA = new Y.Doc();
    const tabletB = new Y.Doc();
    commit(tabletA, MECHANICAL, 7, { at: 1_000, device: 'tablet-a' });
    commit(tabletB, MECHANICAL, 7, { at: 1_100, device: 'tablet-b' });
    syncBothWays(tabletA, tabletB);
    for (const doc of [tabletA, tabletB]) {
      expect(sheetOf(doc).values.get('mechanical')).toMatchObject({ value: 7, conflicts: [] });
    }
    // Nothing to settle, so committing that value again stores nothing.
    expect(commit(tabletA, MECHANICAL, 7, { at: 2_000 })).toBeNull();
  });

  it('changing a value both devices had entered identically does not raise a conflict', () => {
    const tabletA = new Y.Doc();
    const tabletB = new Y.Doc();
    commit(tabletA, MECHANICAL, 7, { at: 1_000, device: 'tablet-a' });
    commit(tabletB, MECHANICAL, 7, { at: 1_100, device: 'tablet-b' });
    syncBothWays(tabletA, tabletB);

    commit(tabletA, MECHANICAL, 9, { at: 2_000, device: 'tablet-a' });
    syncBothWays(tabletA, tabletB);
    for (const doc of [tabletA, tabletB]) {
      expect(sheetOf(doc).values.get('mechanical')).toMatchObject({ value: 9, conflicts: [] });
    }
  });
});

describe('entries from the network', () => {
  function validEntry(): SheetEntry {
    const doc = new Y.Doc();
    const entry = commit(doc, MECHANICAL, 5, { at: 1_000 });
    if (!entry) throw new Error('commit stored nothing');
    return entry;
  }

  it('accepts an entry written by commitField', () => {
    expect(isSheetEntry(validEntry())).toBe(true);
  });

  it.each<[string, (e: SheetEntry) => unknown]>([
    ['value is an object', (e) => ({ ...e, value: {} })],
    ['value is a boolean', (e) => ({ ...e, value: true })],
    ['prev is missing', ({ prev: _prev, ...rest }) => rest],
    ['prev holds a number', (e) => ({ ...e, prev: [1] })],
    ['prev is a string', (e) => ({ ...e, prev: 'abc' })],
    ['field is not ours', (e) => ({ ...e, field: 'score' })],
    ['id is missing', ({ id: _id, ...rest }) => rest],
    ['teamId is a number', (e) => ({ ...e, teamId: 1 })],
    ['author is missing', ({ author: _author, ...rest }) => rest],
    ['device is null', (e) => ({ ...e, device: null })],
    ['at is a string', (e) => ({ ...e, at: '1000' })],
    ['it is null', () => null],
    ['it is a string', () => 'criterion:mechanical=5'],
  ])('rejects an entry whose %s', (_label, malform) => {
    expect(isSheetEntry(malform(validEntry()))).toBe(false);
  });

  it('readSheets ignores malformed entries instead of showing them', () => {
    const doc = new Y.Doc();
    commit(doc, MECHANICAL, 5, { at: 1_000 });
    const raw = doc.getMap<unknown>('entries');
    const base = {
      teamId: TEAM,
      categoryId: CATEGORY,
      field: MECHANICAL,
      prev: [],
      author: 'J9',
      device: 'x',
    };
    // Later than the real entry, so if it were read it would win or show as a conflict.
    raw.set('bad-value', { ...base, id: 'bad-value', value: {}, at: 9_000 });
    raw.set('no-prev', {
      id: 'no-prev',
      teamId: TEAM,
      categoryId: CATEGORY,
      field: MECHANICAL,
      value: 1,
      author: 'J9',
      device: 'x',
      at: 9_000,
    });
    raw.set('other-team', { ...base, id: 'other-team', teamId: 'T02', value: {}, at: 9_000 });
    raw.set('junk', 42);

    const sheets = readSheets(doc);
    expect([...sheets.keys()]).toEqual([sheetKey(TEAM, CATEGORY)]);
    expect(sheetOf(doc).values.get('mechanical')).toMatchObject({ value: 5, conflicts: [] });
  });

  it('readSheets still shows a value when a peer forged entries that supersede each other', () => {
    const doc = new Y.Doc();
    const raw = doc.getMap<unknown>('entries');
    const base = {
      teamId: TEAM,
      categoryId: CATEGORY,
      field: MECHANICAL,
      author: 'J9',
      device: 'x',
    };
    raw.set('a', { ...base, id: 'a', value: 3, prev: ['b'], at: 1_000 });
    raw.set('b', { ...base, id: 'b', value: 4, prev: ['a'], at: 2_000 });
    const state = sheetOf(doc).values.get('mechanical');
    expect(state?.value).toBe(4);
    expect(state?.conflicts.map((e) => e.value)).toEqual([3]);
  });
});

/** mulberry32: a tiny seeded PRNG so a failing run can be replayed from its seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('random edits on three replicas converge', () => {
  const pick = <T>(rand: () => number, items: readonly T[]): T => {
    const item = items[Math.floor(rand() * items.length)];
    if (item === undefined) throw new Error('pick from empty list');
    return item;
  };

  function syncPair(from: Y.Doc, to: Y.Doc): void {
    Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
  }

  it.each([1, 2, 3, 42, 2026])('seed %i', (seed) => {
    const rand = mulberry32(seed);
    const replicas = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    const teams = ['T01', 'T02'];
    const categories = ['robot-design', 'innovation-project'];
    const fields: SheetField[] = [MECHANICAL, PROGRAMMING, 'comment', 'status'];
    const valuesFor = (field: SheetField): readonly (number | string | null)[] =>
      field === 'comment'
        ? ['ok', 'great', null]
        : field === 'status'
          ? ['draft', 'submitted']
          : [1, 2, 3, null];

    let stored = 0;
    for (let step = 0; step < 200; step++) {
      if (rand() < 0.3) {
        const from = pick(rand, replicas);
        const to = pick(rand, replicas);
        if (from !== to) {
          syncPair(from, to);
          if (rand() < 0.5) syncPair(to, from);
        }
        continue;
      }
      const replica = pick(rand, replicas);
      const field = pick(rand, fields);
      const entry = commitField(replica, {
        teamId: pick(rand, teams),
        categoryId: pick(rand, categories),
        field,
        value: pick(rand, valuesFor(field)),
        author: rand() < 0.2 ? 'head:H1' : 'J1',
        device: `device-${replicas.indexOf(replica)}`,
        // A narrow clock range so equal times (and the id tie-break) happen often.
        at: 1_000 + Math.floor(rand() * 20),
      });
      if (entry) stored++;
    }

    for (const a of replicas) for (const b of replicas) if (a !== b) syncPair(a, b);

    const [first, ...rest] = replicas.map((doc) => readSheets(doc));
    for (const other of rest) expect(other).toEqual(first);
    for (const doc of replicas) {
      expect(sheetEntries(doc).size).toBe(stored);
      expect([...sheetEntries(doc).values()].every(isSheetEntry)).toBe(true);
    }
    expect(stored).toBeGreaterThan(50);
  });
});

describe('final marks', () => {
  it('reads a final mark as final and counts it as submitted', () => {
    const doc = new Y.Doc();
    commit(doc, 'status', 'submitted', { at: 1_000 });
    commit(doc, 'status', 'final', { at: 2_000 });
    expect(sheetOf(doc)).toMatchObject({ status: 'final', submittedAt: 2_000 });
  });

  it('keeps a sheet final when two devices mark it at once, or one reopens it unaware', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    commit(a, 'status', 'submitted', { at: 1_000 });
    syncBothWays(a, b);
    commit(a, 'status', 'final', { at: 2_000, device: 'tablet-a' });
    // b never saw a's final mark: its later "submitted" must not undo it.
    commit(b, 'status', 'final', { at: 2_500, device: 'tablet-b' });
    commit(b, 'status', 'submitted', { at: 3_000, device: 'tablet-b' });
    syncBothWays(a, b);
    expect(sheetOf(a).status).toBe('final');
    expect(sheetOf(b).status).toBe('final');
    // Reopening on top of every head does release it.
    commit(a, 'status', 'submitted', { at: 4_000 });
    syncBothWays(a, b);
    expect(sheetOf(b).status).toBe('submitted');
  });
});

describe('reading with entries held aside', () => {
  it('falls back to the heads without the excluded entries', () => {
    const doc = new Y.Doc();
    commit(doc, MECHANICAL, 5, { at: 1_000 });
    const late = commit(doc, MECHANICAL, 9, { at: 2_000 })!;
    const excluded = new Set([late.id]);
    expect(
      readSheets(doc, excluded).get(sheetKey(TEAM, CATEGORY))?.values.get('mechanical')?.value,
    ).toBe(5);
    expect(sheetOf(doc).values.get('mechanical')?.value).toBe(9);
  });

  it('commits on top of the heads even when the value is the same, when asked to', () => {
    const doc = new Y.Doc();
    const first = commit(doc, MECHANICAL, 5, { at: 1_000 })!;
    expect(commit(doc, MECHANICAL, 5, { at: 2_000 })).toBeNull();
    const again = commit(doc, MECHANICAL, 5, { at: 2_000, always: true });
    expect(again?.prev).toEqual([first.id]);
  });
});

describe('final marks merged in any order (property)', () => {
  type Write = { device: number; value: 'submitted' | 'final' } | { from: number; to: number };
  const write = fc.oneof(
    fc.record({
      device: fc.integer({ min: 0, max: 2 }),
      value: fc.constantFrom<'submitted' | 'final'>('submitted', 'final'),
    }),
    fc.record({ from: fc.integer({ min: 0, max: 2 }), to: fc.integer({ min: 0, max: 2 }) }),
  ) as fc.Arbitrary<Write>;

  it('the sheet is final exactly when some final mark was not seen by a later status', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 30 }), fc.boolean(), (writes, reverse) => {
        const devices = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
        let at = 1_000;
        for (const w of writes) {
          if ('from' in w) {
            Y.applyUpdate(devices[w.to]!, Y.encodeStateAsUpdate(devices[w.from]!));
            continue;
          }
          commit(devices[w.device]!, 'status', w.value, { at: at++, device: `d${w.device}` });
        }
        const merged = new Y.Doc();
        for (const d of reverse ? [...devices].reverse() : devices)
          Y.applyUpdate(merged, Y.encodeStateAsUpdate(d));
        const statuses = [...sheetEntries(merged).values()].filter((e) => e.field === 'status');
        if (statuses.length === 0) return;
        const seen = new Set(statuses.flatMap((e) => e.prev));
        const unseenFinal = statuses.some((e) => e.value === 'final' && !seen.has(e.id));
        expect(sheetOf(merged).status === 'final').toBe(unseenFinal);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
