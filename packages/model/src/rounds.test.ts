import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { controlMaps } from './controlDoc.js';
import {
  closeRound,
  openRound,
  pauseRound,
  readRounds,
  resumeRound,
  roundRemainingMs,
  type JudgingRound,
} from './rounds.js';

const T0 = Date.UTC(2026, 11, 6, 10, 0);
const MIN = 60_000;
const by = 'organiser';

describe('judging rounds', () => {
  it('opens with a countdown, pauses keeping the time left, resumes from it and closes', () => {
    const doc = new Y.Doc();
    expect(openRound(doc, 'design', 20, { now: T0, by })).toMatchObject({ ok: true });
    const open = readRounds(doc).get('design')!;
    expect(open).toMatchObject({ phase: 'open', number: 1, durationMs: 20 * MIN });
    expect(roundRemainingMs(open, T0 + 5 * MIN)).toBe(15 * MIN);

    pauseRound(doc, 'design', { now: T0 + 5 * MIN, by });
    const paused = readRounds(doc).get('design')!;
    expect(paused.phase).toBe('paused');
    // Paused: the time left stays, however long the pause.
    expect(roundRemainingMs(paused, T0 + 60 * MIN)).toBe(15 * MIN);

    resumeRound(doc, 'design', { now: T0 + 60 * MIN, by });
    const resumed = readRounds(doc).get('design')!;
    expect(roundRemainingMs(resumed, T0 + 70 * MIN)).toBe(5 * MIN);
    // Time up: zero, never negative; the round stays open until someone closes it.
    expect(roundRemainingMs(resumed, T0 + 90 * MIN)).toBe(0);
    expect(resumed.phase).toBe('open');

    closeRound(doc, 'design', { now: T0 + 72 * MIN, by: 'head-judge' });
    expect(readRounds(doc).get('design')).toMatchObject({
      phase: 'closed',
      number: 1,
      by: 'head-judge',
    });
    // Superseded entries are tidied away: one per category.
    expect(controlMaps(doc).rounds.size).toBe(1);

    // Reopening starts round 2.
    openRound(doc, 'design', null, { now: T0 + 80 * MIN, by });
    const second = readRounds(doc).get('design')!;
    expect(second).toMatchObject({ phase: 'open', number: 2, durationMs: null, remainingMs: null });
    expect(roundRemainingMs(second, T0 + 99 * MIN)).toBeNull();
  });

  it('refuses changes that do not fit the round, saying why, and writes nothing', () => {
    const doc = new Y.Doc();
    expect(pauseRound(doc, 'design', { now: T0, by })).toEqual({
      ok: false,
      reason: 'Only an open round can be paused.',
    });
    expect(closeRound(doc, 'design', { now: T0, by })).toEqual({
      ok: false,
      reason: 'There is no open or paused round to close.',
    });
    expect(openRound(doc, 'design', 0, { now: T0, by })).toEqual({
      ok: false,
      reason: 'A round lasts from 1 minute to 24 hours, or has no time limit.',
    });
    openRound(doc, 'design', 10, { now: T0, by });
    expect(openRound(doc, 'design', 10, { now: T0 + 1, by })).toEqual({
      ok: false,
      reason: 'Round 1 is already open: close it first.',
    });
    expect(resumeRound(doc, 'design', { now: T0, by })).toEqual({
      ok: false,
      reason: 'Only a paused round can be resumed.',
    });
    expect(controlMaps(doc).rounds.size).toBe(1);
  });

  it('a change made on a device whose clock is behind still supersedes the one it saw', () => {
    const doc = new Y.Doc();
    openRound(doc, 'design', 10, { now: T0, by });
    pauseRound(doc, 'design', { now: T0 - 30_000, by });
    expect(readRounds(doc).get('design')!.phase).toBe('paused');
  });

  it('ignores malformed entries', () => {
    const doc = new Y.Doc();
    controlMaps(doc).rounds.set('x', { id: 'x', categoryId: 'design', phase: 'exploded' });
    controlMaps(doc).rounds.set('y', 42);
    expect(readRounds(doc).size).toBe(0);
    openRound(doc, 'design', 10, { now: T0, by });
    expect(readRounds(doc).get('design')!.phase).toBe('open');
  });

  it('two organisers changing rounds while apart converge on the latest change, wherever read (property)', () => {
    type Op = { peer: number; category: number; action: number; dt: number };
    const opArb = fc.record({
      peer: fc.integer({ min: 0, max: 2 }),
      category: fc.integer({ min: 0, max: 1 }),
      action: fc.integer({ min: 0, max: 3 }),
      dt: fc.integer({ min: -5_000, max: 120_000 }),
    });
    const syncArb = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
      {
        maxLength: 3,
      },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(opArb, syncArb), { minLength: 1, maxLength: 30 }), (steps) => {
        const peers = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
        const clocks = [T0, T0 + 700, T0 - 900];
        const written: JudgingRound[] = [];
        steps.forEach(([op, syncs]: [Op, [number, number][]], i) => {
          const doc = peers[op.peer]!;
          clocks[op.peer] = clocks[op.peer]! + op.dt;
          const writer = { now: clocks[op.peer]!, by, id: `r${String(i).padStart(3, '0')}` };
          const category = `c${op.category}`;
          const change = [
            () => openRound(doc, category, 15, writer),
            () => pauseRound(doc, category, writer),
            () => resumeRound(doc, category, writer),
            () => closeRound(doc, category, writer),
          ][op.action]!();
          if (change.ok) written.push(change.round);
          for (const [from, to] of syncs)
            Y.applyUpdate(peers[to]!, Y.encodeStateAsUpdate(peers[from]!));
        });
        // Everyone meets.
        for (const a of peers) for (const b of peers) Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
        const views = peers.map((p) => [...readRounds(p).entries()].sort());
        expect(views[1]).toEqual(views[0]);
        expect(views[2]).toEqual(views[0]);
        // The winner per category is the latest change written for it (then the greatest id).
        for (const [category, round] of views[0]!) {
          const latest = written
            .filter((r) => r.categoryId === category)
            .sort((x, y) => y.at - x.at || (y.id > x.id ? 1 : -1))[0];
          expect(round).toEqual(latest);
        }
        // A paused round never lost time it had: at most the full duration, never below zero.
        for (const [, round] of views[0]!)
          if (round.remainingMs !== null) {
            expect(round.remainingMs).toBeGreaterThanOrEqual(0);
            expect(round.remainingMs).toBeLessThanOrEqual(15 * MIN);
          }
      }),
      { numRuns: 300 },
    );
  });
});
