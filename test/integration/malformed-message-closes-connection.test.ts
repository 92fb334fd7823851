import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type WebSocket from 'ws';
import { commitField, criterionField, demoEvent, readSheets, sheetsDocName } from '@judgehub/model';
import {
  TestHubs,
  tokenFor,
  whenClosed,
  whenOpen,
  whenSynced,
  type TestHub,
} from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';

const JUDGE = 'J1';
const DOC = sheetsDocName(JUDGE);
const assignment = demoEvent().assignments.find((a) => a.judgeId === JUDGE)!;

function syncMessage(subType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

const garbage = new TextEncoder().encode('this is not a Yjs update');

const malformed: [string, (ws: WebSocket) => void][] = [
  ['an unknown message type', (ws) => ws.send(new Uint8Array([0x7f]))],
  ['a sync update carrying garbage bytes', (ws) => ws.send(syncMessage(2, garbage))],
  ['a sync step 2 carrying garbage bytes', (ws) => ws.send(syncMessage(1, garbage))],
  ['an unknown sync sub-type', (ws) => ws.send(syncMessage(9, new Uint8Array([0])))],
  ['a message cut off mid-field', (ws) => ws.send(new Uint8Array([0, 2, 0x85]))],
  ['an empty binary message', (ws) => ws.send(new Uint8Array(0))],
  ['a text frame', (ws) => ws.send('{"type":"update"}')],
  ['a sync step 1 with a garbage state vector', (ws) => ws.send(syncMessage(0, garbage))],
  ['an awareness update that is not JSON', (ws) => ws.send(awarenessGarbage('{not json'))],
  [
    // The parser's error quotes the input: the close reason must still fit in 123 bytes.
    'an awareness update whose JSON error quotes non-ASCII text',
    (ws) => ws.send(awarenessGarbage(`["${'漢'.repeat(20)}",${'漢'.repeat(20)}]`)),
  ],
];

function awarenessGarbage(state: string): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1); // one client
  encoding.writeVarUint(inner, 1234); // client id
  encoding.writeVarUint(inner, 1); // clock
  encoding.writeVarString(inner, state);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

describe('a malformed message', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  /** A judge's tablet, connected and synced before the bad client shows up. */
  async function bystander(testHub: TestHub) {
    return hubs.connectSynced(testHub, DOC, tokenFor(testHub, 'judge', JUDGE));
  }

  /** The bystander can still score, and a newly connecting device receives that score. */
  async function expectHubStillServes(testHub: TestHub, tablet: { doc: Y.Doc }, value: number) {
    const entry = commitField(tablet.doc, {
      teamId: assignment.teamId,
      categoryId: assignment.categoryId,
      field: criterionField('mechanical'),
      value,
      author: JUDGE,
      device: 'bystander',
    });
    expect(entry).not.toBeNull();
    const organiser = await hubs.connectSynced(testHub, DOC, tokenFor(testHub, 'organiser'));
    const shown = () =>
      [...readSheets(organiser.doc).values()].some(
        (sheet) => sheet.values.get('mechanical')?.entry.id === entry!.id,
      );
    await waitFor(shown, 5_000, "the bystander's score on a new device");
  }

  it.each(malformed)('%s closes only that connection with 4400', async (_name, sendBad) => {
    const testHub = await hubs.start();
    const tablet = await bystander(testHub);
    const rowsBefore = testHub.hub.store.countUpdates(DOC);

    const bad = hubs.rawSocket(testHub, DOC, tokenFor(testHub, 'judge', JUDGE));
    await whenOpen(bad);
    const closed = whenClosed(bad, 2_000);
    sendBad(bad);
    const { code, reason } = await closed;

    expect(code).toBe(4400);
    expect(reason).not.toBe('');
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
    expect(testHub.log.records).toContainEqual(
      expect.objectContaining({ event: 'message.rejected', doc: DOC, who: `judge:${JUDGE}` }),
    );
    expect(testHub.hub.store.countUpdates(DOC)).toBe(rowsBefore);
    expect(tablet.wsconnected).toBe(true);
    await expectHubStillServes(testHub, tablet, 7);
  });

  it('larger than maxPayload closes that connection with 1009', async () => {
    const testHub = await hubs.start({ maxPayloadBytes: 64 * 1024 });
    const tablet = await bystander(testHub);

    const bad = hubs.rawSocket(testHub, DOC, tokenFor(testHub, 'judge', JUDGE));
    await whenOpen(bad);
    const closed = whenClosed(bad, 2_000);
    const big = new Uint8Array(100 * 1024);
    big[0] = 0; // a sync message, so only the size is wrong
    bad.send(big);

    expect((await closed).code).toBe(1009);
    expect(testHub.log.records).toContainEqual(
      expect.objectContaining({ event: 'ws.error', doc: DOC }),
    );
    expect(tablet.wsconnected).toBe(true);
    await expectHubStillServes(testHub, tablet, 8);
  });

  it('from one client does not stop the hub accepting the same judge again', async () => {
    const testHub = await hubs.start();
    const bad = hubs.rawSocket(testHub, DOC, tokenFor(testHub, 'judge', JUDGE));
    await whenOpen(bad);
    const closed = whenClosed(bad, 2_000);
    bad.send(new Uint8Array([0x7f]));
    expect((await closed).code).toBe(4400);

    const tablet = hubs.connect(testHub, DOC, tokenFor(testHub, 'judge', JUDGE));
    await whenSynced(tablet);
    await expectHubStillServes(testHub, tablet, 9);
  });
});
