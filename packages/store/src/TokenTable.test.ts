import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DATABASE_FILE, HubStore } from './HubStore.js';
import { SCHEMA_VERSION, migrate } from './schema.js';

describe('tokens and PINs', () => {
  let dataDir: string;
  const opened: HubStore[] = [];
  const open = () => {
    const store = HubStore.open(dataDir);
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-tokens-'));
  });
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const judge = (token: string, judgeId: string, pin: string | null) => ({
    token,
    role: 'judge' as const,
    judgeId,
    label: `Judge ${judgeId}`,
    pin,
  });

  it('finds a live token by its PIN, and refuses a second live token with the same PIN', () => {
    const { tokens } = open();
    tokens.add(judge('tok-j1', 'J1', '123456'));
    tokens.add(judge('tok-j2', 'J2', '654321'));

    expect(tokens.findByPin('123456')).toMatchObject({ token: 'tok-j1', judgeId: 'J1' });
    expect(tokens.findByPin('000000')).toBeUndefined();
    expect(() => tokens.add(judge('tok-j3', 'J3', '123456'))).toThrow(/UNIQUE/);
    // Tokens without a PIN (organiser) do not clash with each other.
    tokens.add({ token: 'tok-org', role: 'organiser', judgeId: null, label: 'Organiser' });
    tokens.add({ token: 'tok-head', role: 'head-judge', judgeId: null, label: 'Head judge' });
    expect(tokens.listLive()).toHaveLength(4);
  });

  it('a revoked token is no longer live, its PIN stops working and may be given out again', () => {
    const { tokens } = open();
    tokens.add(judge('tok-j1', 'J1', '123456'));

    expect(tokens.revoke('tok-j1')).toBe(true);
    expect(tokens.revoke('tok-j1')).toBe(false);
    expect(tokens.findLive('tok-j1')).toBeUndefined();
    expect(tokens.findByPin('123456')).toBeUndefined();
    // Still known, so the hub can say "replaced" rather than "unknown".
    expect(tokens.lookup('tok-j1')).toMatchObject({ judgeId: 'J1', revokedAt: expect.any(Number) });
    expect(tokens.lookup('tok-never')).toBeUndefined();
    tokens.add(judge('tok-j2', 'J2', '123456'));
    expect(tokens.findByPin('123456')?.token).toBe('tok-j2');
  });

  it('replaces a token in one step: the old one revoked, the new one live', () => {
    const { tokens } = open();
    tokens.add(judge('tok-old', 'J1', '111111'));

    const next = tokens.replace('tok-old', judge('tok-new', 'J1', '222222'));
    expect(next).toMatchObject({ token: 'tok-new', pin: '222222', revokedAt: null });
    expect(tokens.findLive('tok-old')).toBeUndefined();
    expect(tokens.findByPin('222222')?.token).toBe('tok-new');
    // Replacing what is not live changes nothing.
    expect(tokens.replace('tok-old', judge('tok-x', 'J1', '333333'))).toBeUndefined();
    expect(tokens.lookup('tok-x')).toBeUndefined();
  });

  it('a replacement that clashes leaves the old token live', () => {
    const { tokens } = open();
    tokens.add(judge('tok-j1', 'J1', '111111'));
    tokens.add(judge('tok-j2', 'J2', '222222'));

    expect(() => tokens.replace('tok-j1', judge('tok-j1b', 'J1', '222222'))).toThrow(/UNIQUE/);
    expect(tokens.findLive('tok-j1')?.pin).toBe('111111');
    expect(tokens.lookup('tok-j1b')).toBeUndefined();
  });

  it('keeps PINs and revocations across a reopen', () => {
    const first = open();
    first.tokens.add(judge('tok-j1', 'J1', '123456'));
    first.tokens.add(judge('tok-j2', 'J2', '654321'));
    first.tokens.revoke('tok-j2');
    first.close();

    const { tokens } = open();
    expect(tokens.findByPin('123456')?.token).toBe('tok-j1');
    expect(tokens.findLive('tok-j2')).toBeUndefined();
  });

  it('upgrades a schema-2 data folder: its tokens are kept, without a PIN until one is set', () => {
    const file = new Database(path.join(dataDir, DATABASE_FILE));
    migrate(file, 2);
    file
      .prepare(
        "INSERT INTO tokens (token, role, judge_id, label, created_at) VALUES ('tok-j1', 'judge', 'J1', 'Amara', 1)",
      )
      .run();
    file.close();

    const store = open();
    expect(store.findToken('tok-j1')).toMatchObject({ judgeId: 'J1', pin: null });
    expect(store.tokens.setPin('tok-j1', '123456')).toBe(true);
    expect(store.tokens.findByPin('123456')?.token).toBe('tok-j1');
    const check = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    } finally {
      check.close();
    }
  });
});
