import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DATABASE_FILE, HubStore, type AppendedUpdate } from './HubStore.js';
import { SCHEMA_VERSION } from './schema.js';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('HubStore', () => {
  let dataDir: string;
  const opened: HubStore[] = [];
  const open = () => {
    const store = HubStore.open(dataDir);
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-store-'));
  });
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads back each document’s updates byte for byte, in the order appended', () => {
    const store = open();
    store.append([
      { doc: 'sheets/J1', data: bytes(1, 2, 3), origin: 'judge:J1' },
      { doc: 'event', data: bytes(9), origin: 'hub' },
    ]);
    // A view into a larger buffer must store only the viewed bytes.
    const backing = bytes(0, 4, 5, 0);
    store.append([{ doc: 'sheets/J1', data: backing.subarray(1, 3), origin: 'judge:J1' }]);

    const rows = store.readUpdates('sheets/J1');
    expect(rows.map((r) => [...r.data])).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(rows[0]!.id).toBeLessThan(rows[1]!.id);
    expect(store.readUpdates('event').map((r) => [...r.data])).toEqual([[9]]);
    expect(store.readUpdates('results')).toEqual([]);
    expect(store.listDocs()).toEqual(['event', 'sheets/J1']);
    expect(store.countUpdates()).toBe(3);
    expect(store.countUpdates('sheets/J1')).toBe(2);
  });

  it('keeps what was appended after the file is closed and opened again', () => {
    const store = open();
    store.append([{ doc: 'event', data: bytes(7, 7), origin: 'hub' }]);
    store.setMeta('generation', '3');
    store.close();

    const reopened = open();
    expect(reopened.readUpdates('event').map((r) => [...r.data])).toEqual([[7, 7]]);
    expect(reopened.getMeta('generation')).toBe('3');
  });

  it('appends a batch all or nothing', () => {
    const store = open();
    const batch: AppendedUpdate[] = Array.from({ length: 50 }, (_, i) => ({
      doc: `sheets/J${i % 3}`,
      data: bytes(i),
      origin: 'judge',
    }));
    store.append(batch);
    expect(store.countUpdates()).toBe(50);

    // The last row breaks a NOT NULL constraint: the rows before it must not stay behind.
    const broken: AppendedUpdate[] = [
      { doc: 'sheets/J1', data: bytes(1), origin: 'judge:J1' },
      { doc: 'sheets/J1', data: bytes(2), origin: null as unknown as string },
    ];
    expect(() => store.append(broken)).toThrow();
    expect(store.countUpdates()).toBe(50);
    expect(store.countUpdates('sheets/J1')).toBe(17);
  });

  it('stores in WAL mode with synchronous=FULL, so a committed append survives a power cut', () => {
    const store = open();
    const file = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      // journal_mode=WAL is recorded in the file itself.
      expect(file.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      file.close();
    }
    // synchronous is per connection: ask the store's own connection (2 = FULL).
    expect(store['db'].pragma('synchronous', { simple: true })).toBe(2);
  });

  it('gets and overwrites metadata', () => {
    const store = open();
    expect(store.getMeta('generation')).toBeUndefined();
    store.setMeta('generation', '1');
    store.setMeta('generation', '2');
    expect(store.getMeta('generation')).toBe('2');
  });

  it('finds and lists issued tokens', () => {
    const store = open();
    const organiser = store.addToken({
      token: 'tok-org',
      role: 'organiser',
      judgeId: null,
      label: 'Organiser',
    });
    store.addToken({ token: 'tok-j1', role: 'judge', judgeId: 'J1', label: 'Amara Okafor' });

    expect(organiser).toMatchObject({ token: 'tok-org', revokedAt: null });
    expect(store.findToken('tok-j1')).toMatchObject({
      role: 'judge',
      judgeId: 'J1',
      label: 'Amara Okafor',
    });
    expect(store.findToken('tok-unknown')).toBeUndefined();
    expect(
      store
        .listTokens()
        .map((t) => t.token)
        .sort(),
    ).toEqual(['tok-j1', 'tok-org']);
    // Token values are unique: issuing the same one twice is a bug, not a second judge.
    expect(() =>
      store.addToken({ token: 'tok-j1', role: 'judge', judgeId: 'J2', label: 'x' }),
    ).toThrow();
  });

  it('refuses a data folder written by a newer JudgeHub and says to upgrade', () => {
    const file = new Database(path.join(dataDir, DATABASE_FILE));
    file.pragma('user_version = 99');
    file.close();

    expect(() => open()).toThrow(/newer JudgeHub.*Upgrade/s);
    // Nothing of ours was written into the newer file.
    const check = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(99);
      expect(
        check.prepare("SELECT name FROM sqlite_master WHERE name = 'updates'").get(),
      ).toBeUndefined();
    } finally {
      check.close();
    }
  });

  it('records the schema version in a new file', () => {
    open();
    const check = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    } finally {
      check.close();
    }
  });

  it('reports no integrity problems on a fresh file', () => {
    const store = open();
    store.append([{ doc: 'event', data: bytes(1), origin: 'hub' }]);
    expect(store.integrityProblems()).toEqual([]);
  });
});
