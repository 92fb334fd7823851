import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  EVENT_DOC,
  RESULTS_DOC,
  commitField,
  criterionField,
  demoEvent,
  eventMaps,
  headJudgeAuthor,
  resultsMaps,
  sheetEntries,
  sheetsDocName,
  type SheetEntry,
} from '@judgehub/model';
import { ProtocolClient, syncUpdateMessage } from '../helpers/protocolClient.js';
import {
  TestHubs,
  allTokens,
  tokenFor,
  whenClosed,
  whenSynced,
  type TestHub,
} from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';

const event = demoEvent();
const JUDGE = 'J1';
const SHEET = sheetsDocName(JUDGE);
const assignment = event.assignments.find((a) => a.judgeId === JUDGE)!;
const criteria = event.categories.find((c) => c.id === assignment.categoryId)!.criteria;
const HEAD = headJudgeAuthor('H1');

let nextValue = 0;
/** Commits a value on J1's first assigned sheet; a different one each call, so never a no-op. */
function commit(doc: Y.Doc, author: string, device = 'tablet-a'): SheetEntry {
  const criterion = criteria[nextValue % criteria.length]!;
  const value = criterion.min + (nextValue++ % (criterion.max - criterion.min + 1));
  return commitField(doc, {
    teamId: assignment.teamId,
    categoryId: assignment.categoryId,
    field: criterionField(criterion.id),
    value,
    author,
    device,
  })!;
}

/** The root maps of the event, results and sheet documents. */
const ROOT_MAPS = ['meta', 'categories', 'teams', 'judges', 'assignments', 'entries'];

/** What a replica of a document holds, comparable across replicas. */
function contentOf(doc: Y.Doc): { stateVector: string; content: string } {
  return {
    stateVector: Buffer.from(Y.encodeStateVector(doc)).toString('base64'),
    content: JSON.stringify(ROOT_MAPS.map((name) => doc.getMap(name).toJSON())),
  };
}

const refusedWrites = (testHub: TestHub) =>
  testHub.log.records.filter((r) => r.event === 'write.refused');

describe('who may write what', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  /**
   * A hub where J1's tablet scored once and the head judge corrected once, with the organiser's
   * screen following J1's sheet: the replicas a forged write must not reach.
   */
  async function scoredHub() {
    const testHub = await hubs.start();
    const tablet = new ProtocolClient(
      hubs.rawSocket(testHub, SHEET, tokenFor(testHub, 'judge', JUDGE)),
    );
    const headJudge = new ProtocolClient(
      hubs.rawSocket(testHub, SHEET, tokenFor(testHub, 'head-judge')),
    );
    await waitFor(() => tablet.synced && headJudge.synced, 5_000, 'the tablets to sync');
    const own = commit(tablet.doc, JUDGE);
    const correction = commit(headJudge.doc, HEAD, 'head-desk');
    const organiser = await hubs.connectSynced(testHub, SHEET, tokenFor(testHub, 'organiser'));
    const bothThere = (doc: Y.Doc) =>
      sheetEntries(doc).has(own.id) && sheetEntries(doc).has(correction.id);
    await waitFor(() => bothThere(organiser.doc) && bothThere(tablet.doc), 5_000, 'both entries');
    await waitFor(() => tablet.ownChangesDurable() && headJudge.ownChangesDurable());
    return { testHub, tablet, headJudge, organiser, own, correction };
  }

  /** J1's own token, on its own sheet, on a device that then does something it may not. */
  async function judgeDevice(testHub: TestHub) {
    const device = new ProtocolClient(
      hubs.rawSocket(testHub, SHEET, tokenFor(testHub, 'judge', JUDGE)),
    );
    await waitFor(() => device.synced, 5_000, 'the device to sync');
    return device;
  }

  const forgeries: [string, (doc: Y.Doc, s: Awaited<ReturnType<typeof scoredHub>>) => void][] = [
    ['an entry authored as another judge', (doc) => void commit(doc, 'J2')],
    ['an entry authored as the head judge', (doc) => void commit(doc, HEAD)],
    [
      'an overwrite of the head judge’s correction',
      (doc, { correction }) =>
        sheetEntries(doc).set(correction.id, { ...correction, value: 0, author: JUDGE }),
    ],
    ['a deletion of its own earlier entry', (doc, { own }) => sheetEntries(doc).delete(own.id)],
    [
      'an entry under the head judge’s Yjs client id',
      (doc, { headJudge }) => {
        doc.clientID = headJudge.doc.clientID;
        commit(doc, JUDGE);
      },
    ],
  ];

  it.each(forgeries)(
    'a judge writing %s into its own sheet is refused, logged, and reaches no replica',
    async (_name, forge) => {
      const scored = await scoredHub();
      const { testHub, tablet, organiser } = scored;
      const hubDoc = testHub.hub.registry.get(SHEET).doc;
      const beforeCopy = new Y.Doc();
      Y.applyUpdate(beforeCopy, Y.encodeStateAsUpdate(hubDoc));
      const rowsBefore = testHub.hub.store.countUpdates(SHEET);

      const device = await judgeDevice(testHub);
      forge(device.doc, scored);
      await waitFor(() => device.denials.length === 1, 5_000, 'the refusal');
      expect(device.denials[0]).toMatch(/^refused: /);

      // The honest tablet's next value still goes through, and arrives after the forgery would
      // have: so by then every replica would show the forgery if the hub had let it pass.
      const next = commit(tablet.doc, JUDGE);
      await waitFor(() => sheetEntries(organiser.doc).has(next.id), 5_000, 'the next value');
      const withoutNext = (doc: Y.Doc) =>
        [...sheetEntries(doc).keys()].filter((id) => id !== next.id).sort();
      const expectedIds = withoutNext(beforeCopy);
      for (const [name, doc] of [
        ['hub', hubDoc],
        ['organiser', organiser.doc],
        ['tablet', tablet.doc],
      ] as const) {
        expect(withoutNext(doc), name).toEqual(expectedIds);
        expect(sheetEntries(doc).get(scored.correction.id), name).toEqual(scored.correction);
        expect(sheetEntries(doc).get(scored.own.id), name).toEqual(scored.own);
      }
      expect(testHub.hub.store.countUpdates(SHEET)).toBe(rowsBefore + 1);

      // Logged with who, where and why (never the token); the device was told once and may
      // stay connected to read.
      const [logged] = refusedWrites(testHub);
      expect(logged).toMatchObject({ doc: SHEET, who: `judge:${JUDGE}`, address: '127.0.0.1' });
      expect(String(logged!.reason)).toMatch(/^refused: .+/);
      const logText = JSON.stringify(testHub.log.records);
      for (const token of allTokens(testHub)) expect(logText).not.toContain(token);
      expect(device.closed).toBeNull();

      // Nor did it reach the disk.
      await hubs.stop(testHub);
      const restarted = await hubs.start({ dataDir: testHub.dataDir });
      const reloaded = restarted.hub.registry.get(SHEET).doc;
      expect(withoutNext(reloaded)).toEqual(expectedIds);
      expect(restarted.hub.quarantined).toBe(0);
    },
  );

  it('names the author it refused and the identity the device writes as', async () => {
    const { testHub } = await scoredHub();
    const device = await judgeDevice(testHub);
    commit(device.doc, 'J2');
    await waitFor(() => device.denials.length === 1, 5_000, 'the refusal');
    expect(device.denials[0]).toMatch(/authored "J2"; this device writes as "J1"/);
    expect(refusedWrites(testHub)[0]?.reason).toBe(device.denials[0]);
  });

  it('a head judge corrects a sheet as the head judge, never as the judge', async () => {
    const { testHub, tablet, headJudge, organiser } = await scoredHub();
    const asJudge = commit(headJudge.doc, JUDGE, 'head-desk');
    await waitFor(() => headJudge.denials.length === 1, 5_000, 'the refusal');
    expect(headJudge.denials[0]).toMatch(/authored "J1"; this device writes as "head:<id>"/);
    expect(refusedWrites(testHub)[0]).toMatchObject({ who: 'head-judge', doc: SHEET });

    // A correction marked as the head judge's, from a new session, reaches the judge's tablet.
    const desk = new ProtocolClient(
      hubs.rawSocket(testHub, SHEET, tokenFor(testHub, 'head-judge')),
    );
    await waitFor(() => desk.synced);
    const correction = commit(desk.doc, HEAD, 'head-desk-2');
    await waitFor(() => sheetEntries(tablet.doc).has(correction.id), 5_000, 'the correction');
    expect(sheetEntries(tablet.doc).get(correction.id)?.author).toBe(HEAD);
    expect(sheetEntries(organiser.doc).has(asJudge.id)).toBe(false);
    expect(sheetEntries(testHub.hub.registry.get(SHEET).doc).has(asJudge.id)).toBe(false);
  });

  it('a judge writing another judge’s sheet is refused before anything is read', async () => {
    const testHub = await hubs.start();
    const other = sheetsDocName('J2');
    const j2Tablet = await hubs.connectSynced(testHub, other, tokenFor(testHub, 'judge', 'J2'));
    const before = contentOf(testHub.hub.registry.get(other).doc);

    const forged = new Y.Doc();
    const updates: Uint8Array[] = [];
    forged.on('update', (u: Uint8Array) => updates.push(u));
    commit(forged, 'J2');
    const ws = hubs.rawSocket(testHub, other, tokenFor(testHub, 'judge', JUDGE));
    // Sent the moment the socket opens, before the client could know it is refused.
    ws.on('open', () => ws.send(syncUpdateMessage(updates[0]!)));
    expect((await whenClosed(ws)).code).toBe(4403);

    const organiser = await hubs.connectSynced(testHub, other, tokenFor(testHub, 'organiser'));
    expect(contentOf(testHub.hub.registry.get(other).doc)).toEqual(before);
    expect(contentOf(organiser.doc)).toEqual(before);
    expect(contentOf(j2Tablet.doc)).toEqual(before);
    expect(testHub.log.records).toContainEqual(
      expect.objectContaining({ event: 'connection.refused', code: 4403, who: `judge:${JUDGE}` }),
    );
  });

  const readOnly: [string, string, (doc: Y.Doc) => void][] = [
    ['the event', EVENT_DOC, (doc) => eventMaps(doc).meta.set('name', 'Forged final')],
    [
      'the results',
      RESULTS_DOC,
      (doc) => resultsMaps(doc).categories.delete(event.categories[0]!.id),
    ],
  ];

  it.each(readOnly)(
    'a judge writing %s is refused, logged, and reaches no replica',
    async (_name, docName, change) => {
      const testHub = await hubs.start();
      const bystander = await hubs.connectSynced(testHub, docName, tokenFor(testHub, 'scoreboard'));
      await whenSynced(bystander);
      const hubDoc = testHub.hub.registry.get(docName).doc;
      const before = contentOf(hubDoc);

      const judge = new ProtocolClient(
        hubs.rawSocket(testHub, docName, tokenFor(testHub, 'judge', JUDGE)),
      );
      await waitFor(() => judge.synced, 5_000, 'the judge to sync');
      change(judge.doc);
      await waitFor(() => judge.denials.length === 1, 5_000, 'the refusal');
      await judge.roundTrip();

      expect(contentOf(hubDoc)).toEqual(before);
      expect(contentOf(bystander.doc)).toEqual(before);
      expect(refusedWrites(testHub)).toEqual([
        expect.objectContaining({
          doc: docName,
          who: `judge:${JUDGE}`,
          reason: `read-only: judge:${JUDGE} may not change ${docName}`,
        }),
      ]);
    },
  );
});
