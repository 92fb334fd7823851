import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CONTROL_DOC,
  RESULTS_DOC,
  commitField,
  criterionField,
  demoEvent,
  readLocks,
  readResults,
  readSheets,
  sheetKey,
  sheetsDocName,
  writeLock,
  type LockKind,
} from '@judgehub/model';
import { DocSync } from '@judgehub/sync-client';
import { BrowserLikeWebSocketImpl } from '../helpers/browserLikeWebSocket.js';
import { TestHubs, tokenFor, type TestHub } from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';

// Final marks and locks are written by two devices while apart; whichever reconnects first,
// neither mark is undone by the other, on the hub and on every replica.

const event = demoEvent();
const JUDGE = 'J1';
const assignment = event.assignments.find((a) => a.judgeId === JUDGE)!;
const category = event.categories.find((c) => c.id === assignment.categoryId)!;
const SHEET = sheetKey(assignment.teamId, assignment.categoryId);

/** One device's replica of a document, connected and disconnected at will (the replica stays). */
class Replica {
  readonly doc = new Y.Doc();
  private sync: DocSync | null = null;
  constructor(
    private readonly testHub: TestHub,
    readonly docName: string,
    private readonly token: string,
  ) {}
  async online(): Promise<void> {
    this.sync ??= new DocSync({
      serverUrl: this.testHub.syncUrl,
      docName: this.docName,
      token: this.token,
      doc: this.doc,
      WebSocketImpl: BrowserLikeWebSocketImpl,
      minBackoffMs: 50,
      maxBackoffMs: 400,
    });
    const sync = this.sync;
    await waitFor(() => sync.status.synced, 5_000, `${this.docName} synced`);
    // Everything this device wrote is on the hub's disk.
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    if (clock > 0)
      await waitFor(
        () => sync.isDurable(this.doc.clientID, clock - 1),
        5_000,
        `${this.docName} saved on hub`,
      );
  }
  offline(): void {
    this.sync?.destroy();
    this.sync = null;
  }
  destroy(): void {
    this.offline();
    this.doc.destroy();
  }
}

describe('flags written on two devices while apart never undo each other', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  const replica = (testHub: TestHub, docName: string, token: string) => {
    const r = new Replica(testHub, docName, token);
    hubs.onCleanup(() => r.destroy());
    return r;
  };

  for (const order of ['A first', 'B first'] as const) {
    it(`final marks from two tablets (${order} back online)`, async () => {
      const testHub = await hubs.start();
      const token = tokenFor(testHub, 'judge', JUDGE);
      const a = replica(testHub, sheetsDocName(JUDGE), token);
      const b = replica(testHub, sheetsDocName(JUDGE), token);
      const base = { teamId: assignment.teamId, categoryId: category.id, author: JUDGE };
      await a.online();
      for (const c of category.criteria)
        commitField(a.doc, { ...base, device: 'a', field: criterionField(c.id), value: c.max });
      commitField(a.doc, { ...base, device: 'a', field: 'status', value: 'submitted' });
      await a.online();
      await b.online();
      a.offline();
      b.offline();

      // Apart: A marks final; B marks final too, then (still not hearing of A) reopens its own.
      commitField(a.doc, { ...base, device: 'a', field: 'status', value: 'final', at: 5_000 });
      commitField(b.doc, { ...base, device: 'b', field: 'status', value: 'final', at: 4_000 });
      commitField(b.doc, { ...base, device: 'b', field: 'status', value: 'submitted', at: 9_000 });
      expect(readSheets(b.doc).get(SHEET)?.status).toBe('submitted');

      const [first, second] = order === 'A first' ? [a, b] : [b, a];
      await first.online();
      await second.online();
      await first.online();
      const head = replica(testHub, sheetsDocName(JUDGE), tokenFor(testHub, 'head-judge'));
      await head.online();
      for (const doc of [
        a.doc,
        b.doc,
        head.doc,
        testHub.hub.registry.get(sheetsDocName(JUDGE)).doc,
      ])
        await waitFor(
          () => readSheets(doc).get(SHEET)?.status === 'final',
          5_000,
          'final everywhere',
        );
      // The final sheet counts in the results.
      const results = replica(testHub, RESULTS_DOC, tokenFor(testHub, 'scoreboard'));
      await results.online();
      await waitFor(
        () =>
          readResults(results.doc)
            .categories.find((c) => c.categoryId === category.id)
            ?.standings.find((s) => s.teamId === assignment.teamId)?.judgesCounted === 1,
        5_000,
        'the final sheet counted',
      );
    });

    it(`locks from two devices (${order} back online)`, async () => {
      const testHub = await hubs.start();
      const a = replica(testHub, CONTROL_DOC, tokenFor(testHub, 'head-judge'));
      const b = replica(testHub, CONTROL_DOC, tokenFor(testHub, 'organiser'));
      const write = (r: Replica, kind: LockKind, teamId?: string) =>
        writeLock(r.doc, {
          kind,
          categoryId: category.id,
          teamId,
          by: 'head:HJ',
          device: r === a ? 'a' : 'b',
        });
      await a.online();
      write(a, 'lock');
      await a.online();
      await b.online();
      a.offline();
      b.offline();

      // Apart: A unlocks and locks again; B, which saw only the first lock, unlocks it.
      // Both lock team T (from unlocked) at once.
      write(a, 'unlock');
      write(a, 'lock');
      write(b, 'unlock');
      write(a, 'lock', assignment.teamId);
      write(b, 'lock', assignment.teamId);
      expect(readLocks(b.doc).isLocked(category.id, 'T99')).toBe(false);

      const [first, second] = order === 'A first' ? [a, b] : [b, a];
      await first.online();
      await second.online();
      await first.online();
      const reader = replica(testHub, CONTROL_DOC, tokenFor(testHub, 'judge', JUDGE));
      await reader.online();
      for (const r of [a, b, reader]) {
        const locks = readLocks(r.doc);
        expect(locks.isLocked(category.id, 'T99')).toBe(true);
        expect(locks.scope(category.id).heads).toHaveLength(2);
        expect(locks.scope(category.id, assignment.teamId).heads).toHaveLength(2);
      }
      expect(
        readLocks(testHub.hub.registry.get(CONTROL_DOC).doc).isLocked(category.id, 'T99'),
      ).toBe(true);

      // An unlock made on top of both heads does release each.
      write(b, 'unlock');
      write(b, 'unlock', assignment.teamId);
      await b.online();
      await waitFor(
        () => !readLocks(reader.doc).isLocked(category.id, assignment.teamId),
        5_000,
        'unlocked on the judge’s replica',
      );
    });
  }
});
