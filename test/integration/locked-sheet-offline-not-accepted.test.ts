import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CONTROL_DOC,
  RESULTS_DOC,
  commitField,
  criterionField,
  demoEvent,
  headJudgeAuthor,
  notAcceptedIds,
  pendingNotAccepted,
  readNotAccepted,
  readResults,
  readSheets,
  sheetEntries,
  sheetKey,
  sheetsDocName,
  writeLock,
} from '@judgehub/model';
import { DocSync } from '@judgehub/sync-client';
import { BrowserLikeWebSocketImpl } from '../helpers/browserLikeWebSocket.js';
import { TestHubs, tokenFor, type TestHub } from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';

// A tablet that scored offline after the head judge locked the category: its value reaches the
// hub and is stored (also across a restart), but it is held aside and results ignore it, until
// the head judge accepts it.

const event = demoEvent();
const JUDGE = 'J1';
const assignment = event.assignments.find((a) => a.judgeId === JUDGE)!;
const { teamId } = assignment;
const category = event.categories.find((c) => c.id === assignment.categoryId)!;
const first = category.criteria[0]!;
const fullTotal = category.criteria.reduce((s, c) => s + c.weight * c.max, 0);

class Replica {
  readonly doc = new Y.Doc();
  private sync: DocSync | null = null;
  constructor(
    private testHub: TestHub,
    readonly docName: string,
    private readonly token: string,
  ) {}
  /** Connects (to `testHub`, e.g. a restarted hub) and waits until what it wrote is on disk. */
  async online(testHub = this.testHub): Promise<void> {
    if (testHub !== this.testHub) this.offline();
    this.testHub = testHub;
    this.sync ??= new DocSync({
      serverUrl: testHub.syncUrl,
      docName: this.docName,
      token: this.token,
      doc: this.doc,
      WebSocketImpl: BrowserLikeWebSocketImpl,
      minBackoffMs: 50,
      maxBackoffMs: 400,
    });
    const sync = this.sync;
    await waitFor(() => sync.status.synced, 5_000, `${this.docName} synced`);
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    if (clock > 0)
      await waitFor(() => sync.isDurable(this.doc.clientID, clock - 1), 5_000, 'saved on hub');
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

const scoreOf = (results: Y.Doc) =>
  readResults(results)
    .categories.find((c) => c.categoryId === category.id)
    ?.standings.find((s) => s.teamId === teamId)?.score;

describe('a tablet that scored offline after a lock', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  it('keeps its value aside as not accepted: stored on the hub, ignored by results', async () => {
    const dataDir = hubs.makeDataDir();
    let testHub = await hubs.start({ dataDir, withDemoEvent: true });
    const replicas: Replica[] = [];
    const replica = (docName: string, token: string) => {
      const r = new Replica(testHub, docName, token);
      replicas.push(r);
      hubs.onCleanup(() => r.destroy());
      return r;
    };
    const tablet = replica(sheetsDocName(JUDGE), tokenFor(testHub, 'judge', JUDGE));
    const control = replica(CONTROL_DOC, tokenFor(testHub, 'head-judge'));
    const results = replica(RESULTS_DOC, tokenFor(testHub, 'scoreboard'));
    const base = { teamId, categoryId: category.id, author: JUDGE, device: 'tablet' };

    await tablet.online();
    for (const c of category.criteria)
      commitField(tablet.doc, { ...base, field: criterionField(c.id), value: c.max });
    commitField(tablet.doc, { ...base, field: 'status', value: 'submitted' });
    await tablet.online();
    await results.online();
    await waitFor(() => scoreOf(results.doc) === fullTotal, 5_000, 'the full score');

    // The tablet leaves the Wi-Fi; the head judge locks the category meanwhile.
    tablet.offline();
    await control.online();
    writeLock(control.doc, { kind: 'lock', categoryId: category.id, by: 'head:HJ', device: 'hj' });
    await control.online();

    // Not knowing, the judge lowers a value on the tablet, which then reconnects.
    const late = commitField(tablet.doc, {
      ...base,
      field: criterionField(first.id),
      value: first.min,
    })!;
    await tablet.online();

    // Stored on the hub (on disk: the tablet holds a durable ack for it) and held aside.
    const hubSheet = testHub.hub.registry.get(sheetsDocName(JUDGE)).doc;
    expect(sheetEntries(hubSheet).get(late.id)).toEqual(late);
    await waitFor(() => readNotAccepted(results.doc).has(late.id), 5_000, 'held aside');
    expect(readNotAccepted(results.doc).get(late.id)).toMatchObject({
      judgeId: JUDGE,
      teamId,
      categoryId: category.id,
      field: criterionField(first.id),
      reason: 'locked',
    });
    expect(scoreOf(results.doc)).toBe(fullTotal);
    // Only the late value: what the tablet had sent before the lock stays counted.
    expect([...readNotAccepted(results.doc).keys()]).toEqual([late.id]);

    // What the tablet shows: the counted value, with the late one aside.
    const held = notAcceptedIds(results.doc, JUDGE);
    const counted = readSheets(tablet.doc, held).get(sheetKey(teamId, category.id))!;
    expect(counted.values.get(first.id)?.value).toBe(first.max);
    expect(pendingNotAccepted(tablet.doc, held, teamId, category.id).map((e) => e.id)).toEqual([
      late.id,
    ]);

    // A restart loses nothing: the value is still stored, still aside, still not counted.
    for (const r of replicas) r.offline();
    await hubs.stop(testHub);
    testHub = await hubs.start({ dataDir, withDemoEvent: false });
    expect(sheetEntries(testHub.hub.registry.get(sheetsDocName(JUDGE)).doc).get(late.id)).toEqual(
      late,
    );
    await results.online(testHub);
    expect(readNotAccepted(results.doc).has(late.id)).toBe(true);
    await waitFor(() => scoreOf(results.doc) === fullTotal, 5_000, 'the score without it');

    // The head judge accepts it: a correction on top, which counts (the lock stays).
    const headView = replica(sheetsDocName(JUDGE), tokenFor(testHub, 'head-judge'));
    await headView.online(testHub);
    commitField(headView.doc, {
      ...base,
      field: criterionField(first.id),
      value: late.value,
      author: headJudgeAuthor('HJ'),
      device: 'hj',
      always: true,
    });
    await headView.online(testHub);
    const lowered = fullTotal - first.weight * (first.max - first.min);
    await waitFor(() => scoreOf(results.doc) === lowered, 5_000, 'the accepted value counted');
    await tablet.online(testHub);
    await waitFor(
      () => pendingNotAccepted(tablet.doc, held, teamId, category.id).length === 0,
      5_000,
      'nothing left waiting on the tablet',
    );
  });

  it("holds only what a judge sends for the locked team, never the head judge's corrections", async () => {
    const testHub = await hubs.start();
    const replica = (docName: string, token: string) => {
      const r = new Replica(testHub, docName, token);
      hubs.onCleanup(() => r.destroy());
      return r;
    };
    const other = event.assignments.find(
      (a) => a.judgeId === JUDGE && a.categoryId === category.id && a.teamId !== teamId,
    )!;
    const control = replica(CONTROL_DOC, tokenFor(testHub, 'organiser'));
    await control.online();
    writeLock(control.doc, {
      kind: 'lock',
      categoryId: category.id,
      teamId,
      by: 'organiser',
      device: 'laptop',
    });
    await control.online();

    const tablet = replica(sheetsDocName(JUDGE), tokenFor(testHub, 'judge', JUDGE));
    await tablet.online();
    const base = { categoryId: category.id, author: JUDGE, device: 'tablet' };
    const field = criterionField(first.id);
    const locked = commitField(tablet.doc, { ...base, teamId, field, value: first.max })!;
    const open = commitField(tablet.doc, {
      ...base,
      teamId: other.teamId,
      field,
      value: first.max,
    })!;
    await tablet.online();
    const head = replica(sheetsDocName(JUDGE), tokenFor(testHub, 'head-judge'));
    await head.online();
    const correction = commitField(head.doc, {
      ...base,
      teamId,
      field,
      value: first.min,
      author: headJudgeAuthor('HJ'),
      device: 'hj',
    })!;
    await head.online();

    const results = replica(RESULTS_DOC, tokenFor(testHub, 'scoreboard'));
    await results.online();
    await waitFor(() => readNotAccepted(results.doc).has(locked.id), 5_000, 'held aside');
    const held = readNotAccepted(results.doc);
    expect(held.has(open.id)).toBe(false);
    expect(held.has(correction.id)).toBe(false);
    expect(held.size).toBe(1);
    const sheets = readSheets(head.doc, notAcceptedIds(results.doc, JUDGE));
    expect(sheets.get(sheetKey(teamId, category.id))?.values.get(first.id)?.value).toBe(first.min);
    expect(sheets.get(sheetKey(other.teamId, category.id))?.values.get(first.id)?.value).toBe(
      first.max,
    );
  });
});
