import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubStore } from '@judgehub/store';
import { checkToken, ensurePins, isGuessable, issueToken, replaceLink } from './tokens.js';

describe('tokens and PINs on the hub', () => {
  let dataDir: string;
  let store: HubStore;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-hub-tokens-'));
    store = HubStore.open(dataDir);
  });
  afterEach(() => {
    store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives judges and scoreboards a 6-digit PIN, and never the organiser or head judge', () => {
    const judge = issueToken(store, 'judge', 'J1', 'Amara Okafor');
    const board = issueToken(store, 'scoreboard', null, 'Scoreboard');
    const organiser = issueToken(store, 'organiser', null, 'Organiser');
    const head = issueToken(store, 'head-judge', null, 'Head judge');
    expect(judge.pin).toMatch(/^[0-9]{6}$/);
    expect(board.pin).toMatch(/^[0-9]{6}$/);
    expect(organiser.pin).toBeNull();
    expect(head.pin).toBeNull();
    expect(judge.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('gives every one of 500 judges a different PIN, none of the obvious ones', () => {
    const pins = Array.from(
      { length: 500 },
      (_, i) => issueToken(store, 'judge', `J${i}`, `Judge ${i}`).pin!,
    );
    expect(new Set(pins).size).toBe(500);
    expect(pins.filter(isGuessable)).toEqual([]);
  });

  it('knows the PINs a person would try first', () => {
    for (const pin of ['000000', '111111', '123456', '654321', '890123', '987654'])
      expect(isGuessable(pin)).toBe(true);
    for (const pin of ['482913', '112233', '135790']) expect(isGuessable(pin)).toBe(false);
  });

  it('gives tokens from before PINs existed a PIN at start', () => {
    store.addToken({ token: 'old-j1', role: 'judge', judgeId: 'J1', label: 'A' });
    store.addToken({ token: 'old-org', role: 'organiser', judgeId: null, label: 'O' });
    expect(ensurePins(store)).toBe(1);
    expect(store.findToken('old-j1')?.pin).toMatch(/^[0-9]{6}$/);
    expect(store.findToken('old-org')?.pin).toBeNull();
    expect(ensurePins(store)).toBe(0);
  });

  it('replacing a link revokes the token and PIN and issues new ones for the same judge', () => {
    const old = issueToken(store, 'judge', 'J1', 'Amara Okafor');
    issueToken(store, 'judge', 'J2', 'Ben');

    const replaced = replaceLink(store, 'judge', 'J1');
    expect(replaced?.revoked.token).toBe(old.token);
    expect(replaced?.issued).toMatchObject({ role: 'judge', judgeId: 'J1', label: 'Amara Okafor' });
    expect(replaced?.issued.token).not.toBe(old.token);
    expect(replaced?.issued.pin).not.toBe(old.pin);
    expect(checkToken(store, old.token)).toEqual({ ok: false, reason: 'replaced' });
    expect(checkToken(store, replaced!.issued.token)).toMatchObject({
      ok: true,
      principal: { role: 'judge', judgeId: 'J1' },
    });
    expect(store.tokens.findByPin(old.pin!)).toBeUndefined();
    expect(store.listTokens().filter((t) => t.judgeId === 'J1')).toHaveLength(1);
    expect(replaceLink(store, 'judge', 'J9')).toBeNull();
  });

  it('tells a missing, an unknown and a replaced token apart', () => {
    expect(checkToken(store, null)).toEqual({ ok: false, reason: 'missing' });
    expect(checkToken(store, '')).toEqual({ ok: false, reason: 'missing' });
    expect(checkToken(store, 'never-issued')).toEqual({ ok: false, reason: 'unknown' });
    expect(checkToken(store, 'x'.repeat(201))).toEqual({ ok: false, reason: 'unknown' });
  });
});
