import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { EVENT_DOC, RESULTS_DOC, demoEvent, sheetEntries, sheetsDocName } from '@judgehub/model';
import { DEFAULT_CONNECTION_LIMITS, DEFAULT_MAX_PAYLOAD } from '@judgehub/hub';
import type { Role } from '@judgehub/store';
import {
  FuzzMessages,
  pickKind,
  type FuzzIdentity,
  type FuzzKind,
} from '../helpers/fuzzMessages.js';
import { ScoringDevice } from '../helpers/scoringDevice.js';
import { scoreSlots } from '../helpers/scoreSlots.js';
import { SeededRandom } from '../helpers/seededRandom.js';
import { TestHubs, tokenFor, whenOpen, type TestHub } from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';

/** Another seed for exploring: `JUDGEHUB_FUZZ_SEED=7 npx vitest run test/integration/protocol-fuzz`. */
const SEED = Number(process.env.JUDGEHUB_FUZZ_SEED ?? 20_261_122);
const MESSAGES = 10_000;
/** An honest value must be saved on the hub within this long, however busy the hub is. */
const SAVED_WITHIN_MS = 5_000;
const HONEST_COMMIT_EVERY_MS = 100;

const event = demoEvent();
const slotsOf = (judgeId: string) => scoreSlots(event, judgeId);

interface Fuzzer {
  name: string;
  docName: string;
  role: Role;
  judgeId: string | null;
  who: FuzzIdentity;
}

/** Judge, head judge, scoreboard and organiser devices, each on documents it may or may not write. */
const FUZZERS: Fuzzer[] = [
  {
    name: 'judge J1 on its own sheet (the honest judge’s)',
    docName: sheetsDocName('J1'),
    role: 'judge',
    judgeId: 'J1',
    who: { author: 'J1', slots: slotsOf('J1') },
  },
  {
    name: 'head judge on J1’s sheet',
    docName: sheetsDocName('J1'),
    role: 'head-judge',
    judgeId: null,
    who: { author: 'head:H1', slots: slotsOf('J1') },
  },
  {
    name: 'judge J2 on its own sheet',
    docName: sheetsDocName('J2'),
    role: 'judge',
    judgeId: 'J2',
    who: { author: 'J2', slots: slotsOf('J2') },
  },
  {
    name: 'judge J3 on the event',
    docName: EVENT_DOC,
    role: 'judge',
    judgeId: 'J3',
    who: { author: 'J3', slots: slotsOf('J3') },
  },
  {
    name: 'scoreboard on the results',
    docName: RESULTS_DOC,
    role: 'scoreboard',
    judgeId: null,
    who: { author: null, slots: slotsOf('J1') },
  },
  {
    name: 'organiser on the event',
    docName: EVENT_DOC,
    role: 'organiser',
    judgeId: null,
    who: { author: null, slots: slotsOf('J1') },
  },
  {
    name: 'organiser on J1’s sheet',
    docName: sheetsDocName('J1'),
    role: 'organiser',
    judgeId: null,
    who: { author: null, slots: slotsOf('J1') },
  },
];

/** Close codes the hub may answer fuzz with; 1000 and 1005 are the fuzzer's own closes. */
const EXPECTED_CLOSES = new Set([1000, 1005, 1009, 4400, 4429]);

interface Tally {
  kinds: Map<FuzzKind, number>;
  closes: Map<number, number>;
  sent: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Everything a loaded document holds, as bytes and as data: equal means loaded identically. */
function documentState(doc: Y.Doc) {
  return {
    stateVector: Buffer.from(Y.encodeStateVector(doc)).toString('base64'),
    update: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'),
  };
}

describe('protocol fuzz', () => {
  const hubs = new TestHubs();
  const devices: ScoringDevice[] = [];
  afterEach(async () => {
    for (const device of devices.splice(0)) device.destroy();
    await hubs.cleanup();
  });

  /** Sends `quota` fuzz messages as one device, reconnecting whenever the hub closes it. */
  async function fuzz(testHub: TestHub, fuzzer: Fuzzer, random: SeededRandom, quota: number) {
    const messages = new FuzzMessages(
      random,
      DEFAULT_MAX_PAYLOAD,
      DEFAULT_CONNECTION_LIMITS.maxAwarenessBytes,
    );
    const tally: Tally = { kinds: new Map(), closes: new Map(), sent: 0 };
    const token = tokenFor(testHub, fuzzer.role, fuzzer.judgeId);
    while (tally.sent < quota) {
      const ws = new WebSocket(
        `${testHub.syncUrl}/${fuzzer.docName}?token=${encodeURIComponent(token)}`,
      );
      ws.on('error', () => {});
      const closed = new Promise<number>((resolve) => ws.once('close', resolve));
      await whenOpen(ws);
      while (ws.readyState === WebSocket.OPEN && tally.sent < quota) {
        const kind = pickKind(random);
        const message = messages.make(kind, fuzzer.who);
        // A burst repeats one valid message past the rate limits, without pausing.
        const times = kind === 'burst' ? Math.min(random.int(50, 150), quota - tally.sent) : 1;
        for (let i = 0; i < times; i++) ws.send(message);
        tally.sent += times;
        tally.kinds.set(kind, (tally.kinds.get(kind) ?? 0) + times);
        // Let the hub take it before the next, so most messages meet an open connection.
        await sleep(0);
      }
      if (ws.readyState === WebSocket.OPEN) ws.close();
      const code = await closed;
      tally.closes.set(code, (tally.closes.get(code) ?? 0) + 1);
    }
    return tally;
  }

  it(
    `${MESSAGES.toLocaleString('en')} random and mutated messages from judge, head judge, ` +
      'scoreboard and organiser devices: every honest value saved throughout, the hub up, ' +
      `every document reloading identically (seed ${SEED})`,
    { timeout: 120_000 },
    async () => {
      const testHub = await hubs.start();
      const honest = new ScoringDevice({
        judgeId: 'J1',
        device: 'honest-tablet',
        token: tokenFor(testHub, 'judge', 'J1'),
        serverUrl: testHub.syncUrl,
        slots: slotsOf('J1'),
      });
      devices.push(honest);
      const states: string[] = [];
      honest.connect().subscribe((s) => {
        if (states.at(-1) !== s.state) states.push(s.state);
      });
      await waitFor(() => honest.sync?.status.synced === true, 5_000, 'the honest tablet');

      // The honest judge scores steadily while the fuzz runs; every value must be saved on the
      // hub within SAVED_WITHIN_MS of being committed, all along, not just at the end.
      const committedAt = new Map<string, number>();
      const late: string[] = [];
      let fuzzing = true;
      const honestJudge = (async () => {
        const { slots } = honest.options;
        for (let i = 0; fuzzing; i++) {
          const slot = slots[i % slots.length]!;
          const round = Math.floor(i / slots.length);
          const entry = honest.commit(slot, slot.values[(round + 1) % slot.values.length]!);
          if (entry) committedAt.set(entry.id, Date.now());
          for (const [id, at] of committedAt) {
            if (honest.isDurable(id)) committedAt.delete(id);
            else if (Date.now() - at > SAVED_WITHIN_MS) {
              late.push(id);
              committedAt.delete(id);
            }
          }
          await sleep(HONEST_COMMIT_EVERY_MS);
        }
      })();

      const quota = Math.ceil(MESSAGES / FUZZERS.length);
      const started = Date.now();
      const tallies = await Promise.all(
        FUZZERS.map((fuzzer, i) =>
          fuzz(testHub, fuzzer, new SeededRandom(SEED + i), Math.min(quota, MESSAGES - i * quota)),
        ),
      );
      fuzzing = false;
      await honestJudge;
      const fuzzMs = Date.now() - started;

      const sent = tallies.reduce((sum, t) => sum + t.sent, 0);
      const closes = new Map<number, number>();
      for (const t of tallies)
        for (const [code, n] of t.closes) closes.set(code, (closes.get(code) ?? 0) + n);
      const kinds = new Map<string, number>();
      for (const t of tallies)
        for (const [kind, n] of t.kinds) kinds.set(kind, (kinds.get(kind) ?? 0) + n);
      const summary = {
        fuzzMs,
        sent,
        closes: Object.fromEntries(closes),
        kinds: Object.fromEntries(kinds),
      };
      // Shown with any failure below, so a run can be compared with its seed's others.
      const why = JSON.stringify(summary);
      expect(sent).toBe(MESSAGES);

      // Every honest value saved, none late, on one connection that never dropped.
      await waitFor(() => honest.notDurable().length === 0, 10_000, 'the honest values');
      expect(late, why).toEqual([]);
      expect(honest.committed.length).toBeGreaterThan(10);
      expect(states).toEqual(['online']);

      // The fuzz reached every defence: malformed (4400), oversized (1009), too fast (4429),
      // refused writes; and the hub closed connections with nothing else.
      expect(
        [...closes.keys()].filter((code) => !EXPECTED_CLOSES.has(code)),
        why,
      ).toEqual([]);
      expect(closes.get(4400) ?? 0, why).toBeGreaterThan(100);
      expect(closes.get(1009) ?? 0, why).toBeGreaterThan(0);
      expect(closes.get(4429) ?? 0, why).toBeGreaterThan(0);
      const refused = testHub.log.records.filter((r) => r.event === 'write.refused');
      expect(refused.length, why).toBeGreaterThan(100);
      // Nothing went wrong inside the hub: no errors, nothing set aside.
      expect(testHub.log.records.filter((r) => r.level === 'error')).toEqual([]);
      expect(testHub.hub.registry.quarantined).toBe(0);

      // Reload: every document comes back exactly as it was in memory.
      await waitFor(() => testHub.hub.registry.pendingCount() === 0);
      const before = new Map(
        testHub.hub.registry.all().map((room) => [room.name, documentState(room.doc)]),
      );
      const honestIds = honest.committed.map((e) => e.id);
      honest.disconnect();
      await hubs.stop(testHub);
      const restarted = await hubs.start({ dataDir: testHub.dataDir });
      expect(restarted.hub.quarantined).toBe(0);
      expect(restarted.hub.store.compaction.quarantined()).toEqual([]);
      for (const [name, state] of before) {
        const after = documentState(restarted.hub.registry.get(name).doc);
        expect(after, name).toEqual(state);
      }
      const j1 = sheetEntries(restarted.hub.registry.get(sheetsDocName('J1')).doc);
      expect(honestIds.filter((id) => !j1.has(id))).toEqual([]);
    },
  );
});
