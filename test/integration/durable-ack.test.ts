import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import {
  MessageType,
  PROTOCOL_VERSION,
  commitField,
  criterionField,
  demoEvent,
  sheetEntries,
  sheetsDocName,
  type SheetField,
} from '@judgehub/model';
import { DocSync } from '@judgehub/sync-client';
import { ProtocolClient, syncUpdateMessage } from '../helpers/protocolClient.js';
import { TestHubs, tokenFor, type TestHub } from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';

const JUDGE = 'J1';
const DOC = sheetsDocName(JUDGE);
const assignment = demoEvent().assignments.find((a) => a.judgeId === JUDGE)!;

function commit(doc: Y.Doc, field: SheetField, value: number) {
  return commitField(doc, {
    teamId: assignment.teamId,
    categoryId: assignment.categoryId,
    field,
    value,
    author: JUDGE,
    device: 'tablet-a',
  })!;
}

/**
 * Makes every append of the hub fail at once by moving its table away from another connection
 * (a held lock would too, but only after better-sqlite3's 5 s busy wait); `allowWrites` undoes it.
 */
function refuseWrites(hubs: TestHubs, testHub: TestHub) {
  const other = new Database(testHub.hub.store.path);
  hubs.onCleanup(() => other.open && other.close());
  other.exec('ALTER TABLE updates RENAME TO updates_away');
  return {
    allowWrites: () => {
      if (!other.open) return;
      other.exec('ALTER TABLE updates_away RENAME TO updates');
      other.close();
    },
  };
}

const appendFailed = (testHub: TestHub) =>
  testHub.log.records.some((r) => r.event === 'store.append_failed');

describe('the durable ack', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  const judgeClient = (testHub: TestHub) =>
    new ProtocolClient(hubs.rawSocket(testHub, DOC, tokenFor(testHub, 'judge', JUDGE)));

  it('follows a handshake naming the protocol, event, hub generation and hub time', async () => {
    const first = await hubs.start();
    const client = judgeClient(first);
    await waitFor(() => client.synced, 5_000, 'sync');
    expect(client.received[0]).toBe(MessageType.Handshake);
    expect(client.handshake).toMatchObject({
      protocolVersion: PROTOCOL_VERSION,
      eventId: 'demo-2026',
      hubGeneration: first.hub.generation,
      docName: DOC,
      role: 'judge',
      judgeId: JUDGE,
      canWrite: true,
    });
    expect(PROTOCOL_VERSION).toBe(1);
    expect(Math.abs(client.handshake!.hubTime - Date.now())).toBeLessThan(5_000);

    await hubs.stop(first);
    const second = await hubs.start({ dataDir: first.dataDir });
    const again = judgeClient(second);
    await waitFor(() => again.handshake !== null, 5_000, 'the handshake');
    expect(again.handshake!.hubGeneration).toBe(client.handshake!.hubGeneration + 1);
  });

  it('arrives only once the score is on disk, and covers what the tablet wrote', async () => {
    const testHub = await hubs.start();
    // A second connection to the file sees only committed transactions.
    const disk = new Database(testHub.hub.store.path, { readonly: true });
    hubs.onCleanup(() => disk.close());
    const rowsOnDisk = () =>
      disk
        .prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM updates WHERE doc = ?')
        .get(DOC)!.n;

    const client = judgeClient(testHub);
    await waitFor(() => client.synced, 5_000, 'sync');
    const rowsBefore = rowsOnDisk();
    // What a reader of the file sees at the moment each ack reaches the tablet.
    const seenAtAck: { clock: number; rows: number }[] = [];
    client.onDurableAck = (ack) =>
      seenAtAck.push({ clock: ack.get(client.doc.clientID) ?? 0, rows: rowsOnDisk() });

    const updates: Uint8Array[] = [];
    client.doc.on('update', (update: Uint8Array) => updates.push(update));
    commit(client.doc, criterionField('mechanical'), 6);
    expect(client.ownChangesDurable()).toBe(false);
    await waitFor(() => client.ownChangesDurable(), 5_000, 'the durable ack');

    const firstCovering = seenAtAck.find((seen) => seen.clock > 0);
    expect(firstCovering?.rows).toBe(rowsBefore + 1);
    expect(testHub.hub.store.countUpdates(DOC)).toBe(rowsBefore + 1);

    // A tablet re-sending what the hub already has (say, after a lost ack) stores nothing new.
    client.send(syncUpdateMessage(updates[0]!));
    commit(client.doc, criterionField('programming'), 7);
    await waitFor(
      () =>
        client.acks.some(
          (ack) =>
            ack.get(client.doc.clientID) === Y.getState(client.doc.store, client.doc.clientID),
        ),
      5_000,
      'the second ack',
    );
    expect(testHub.hub.store.countUpdates(DOC)).toBe(rowsBefore + 2);
    expect(client.closed).toBeNull();
  });

  it('is withheld, and the score not passed on, while the disk refuses the write', async () => {
    const testHub = await hubs.start();
    const client = judgeClient(testHub);
    const organiser = new ProtocolClient(
      hubs.rawSocket(testHub, DOC, tokenFor(testHub, 'organiser')),
    );
    await waitFor(() => client.synced && organiser.synced, 5_000, 'sync');

    const rowsBefore = testHub.hub.store.countUpdates(DOC);
    const disk = refuseWrites(hubs, testHub);
    const entry = commit(client.doc, criterionField('innovation'), 8);
    await waitFor(() => appendFailed(testHub), 5_000, 'the failed append');
    await client.roundTrip();
    await organiser.roundTrip();
    expect(client.ownChangesDurable()).toBe(false);
    expect(sheetEntries(organiser.doc).has(entry.id)).toBe(false);

    disk.allowWrites();
    await waitFor(() => client.ownChangesDurable(), 5_000, 'the ack after the retry');
    await waitFor(() => sheetEntries(organiser.doc).has(entry.id), 5_000, 'the score elsewhere');
    // Retried until stored, and stored once.
    expect(testHub.hub.store.countUpdates(DOC)).toBe(rowsBefore + 1);
  });

  it('is not given for an unsaved score to a tablet that connects meanwhile', async () => {
    const testHub = await hubs.start();
    const tabletA = judgeClient(testHub);
    await waitFor(() => tabletA.synced, 5_000, 'sync');

    const disk = refuseWrites(hubs, testHub);
    commit(tabletA.doc, criterionField('innovation'), 8);
    await waitFor(() => appendFailed(testHub), 5_000, 'the failed append');

    // Tablet A reconnecting (or a second tablet of the same judge) while the score is unsaved.
    const tabletB = judgeClient(testHub);
    await waitFor(() => tabletB.synced && tabletB.acks.length > 0, 5_000, 'sync of tablet B');
    const unsaved = Y.getState(tabletA.doc.store, tabletA.doc.clientID);
    const claimed = Math.max(...tabletB.acks.map((ack) => ack.get(tabletA.doc.clientID) ?? 0));
    disk.allowWrites();
    expect(claimed, 'the connect-time ack claims an unsaved score is on disk').toBeLessThan(
      unsaved,
    );
  });

  it('lets the sync client show a score as saved on the hub, also after reconnecting', async () => {
    const testHub = await hubs.start();
    const doc = new Y.Doc();
    const open = () => {
      const sync = new DocSync({
        serverUrl: testHub.syncUrl,
        docName: DOC,
        token: tokenFor(testHub, 'judge', JUDGE),
        doc,
        WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
      });
      hubs.onCleanup(() => sync.destroy());
      return sync;
    };
    const sync = open();
    await waitFor(() => sync.status.synced, 5_000, 'sync');
    expect(sync.status.handshake?.hubGeneration).toBe(testHub.hub.generation);

    const entry = commit(doc, criterionField('strategy'), 4);
    expect(sync.isMapEntryDurable(sheetEntries(doc), entry.id)).toBe(false);
    await waitFor(() => sync.isMapEntryDurable(sheetEntries(doc), entry.id), 5_000, 'saved on hub');
    sync.destroy();

    // A fresh session on the same tablet learns from the connect-time ack that it is saved.
    const later = open();
    expect(later.isMapEntryDurable(sheetEntries(doc), entry.id)).toBe(false);
    await waitFor(
      () => later.isMapEntryDurable(sheetEntries(doc), entry.id),
      5_000,
      'saved on hub',
    );
  });
});
