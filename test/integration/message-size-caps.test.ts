import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import {
  MessageType,
  commitField,
  criterionField,
  demoEvent,
  sheetsDocName,
} from '@judgehub/model';
import { DEFAULT_CONNECTION_LIMITS } from '@judgehub/hub';
import { ProtocolClient, syncStep1Message, syncUpdateMessage } from '../helpers/protocolClient.js';
import { TestHubs, tokenFor, whenClosed, whenOpen, type TestHub } from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';

const JUDGE = 'J1';
const DOC = sheetsDocName(JUDGE);
const assignment = demoEvent().assignments.find((a) => a.judgeId === JUDGE)!;
const AWARENESS_CAP = DEFAULT_CONNECTION_LIMITS.maxAwarenessBytes;

/** An awareness message (type 1) carrying one client's state, padded to `bytes` in all. */
function awarenessMessage(bytes: number, clientId = 4242): Uint8Array {
  const build = (padding: number) => {
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, 1);
    encoding.writeVarString(update, JSON.stringify({ device: 'x'.repeat(padding) }));
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, MessageType.Awareness);
    encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
    return encoding.toUint8Array(message);
  };
  const overhead = build(0).byteLength;
  // Length prefixes grow by a byte or two with the padding: settle on the exact size.
  let padding = bytes - overhead;
  while (build(padding).byteLength > bytes) padding--;
  return build(padding);
}

/** A control message (heartbeat, awareness query, auth) with `extra` bytes of junk after it. */
const padded = (type: number, extra: number) => {
  const message = new Uint8Array(1 + extra);
  message[0] = type;
  return message;
};

describe('message size caps', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  async function openSocket(testHub: TestHub, token = tokenFor(testHub, 'judge', JUDGE)) {
    const ws = hubs.rawSocket(testHub, DOC, token);
    await whenOpen(ws);
    return ws;
  }

  it('relays awareness up to 64 KiB and closes a larger one with 1009', async () => {
    const testHub = await hubs.start();
    const watcher = new ProtocolClient(
      hubs.rawSocket(testHub, DOC, tokenFor(testHub, 'head-judge')),
    );
    await waitFor(() => watcher.synced, 5_000, 'the watcher');
    const awarenessSeen = () => watcher.received.filter((t) => t === MessageType.Awareness).length;

    const fits = await openSocket(testHub);
    const atCap = awarenessMessage(AWARENESS_CAP, 1);
    expect(atCap.byteLength).toBe(AWARENESS_CAP);
    fits.send(atCap);
    await waitFor(() => awarenessSeen() === 1, 5_000, 'the awareness to be relayed');

    const tooBig = await openSocket(testHub);
    const closed = whenClosed(tooBig);
    tooBig.send(awarenessMessage(AWARENESS_CAP + 1, 2));
    const { code, reason } = await closed;
    expect(code).toBe(1009);
    expect(reason).toBe(`message type 1 of ${AWARENESS_CAP + 1} bytes: limit ${AWARENESS_CAP}`);
    expect(testHub.log.records).toContainEqual(
      expect.objectContaining({ event: 'message.too_big', who: `judge:${JUDGE}`, type: 1 }),
    );
    await watcher.roundTrip();
    expect(awarenessSeen()).toBe(2); // the round trip's answer; nothing of the oversized one
    expect(watcher.closed).toBeNull();
  });

  it.each([
    ['a heartbeat', MessageType.Heartbeat],
    ['an awareness query', MessageType.QueryAwareness],
    ['an auth message', MessageType.Auth],
  ])('closes %s padded past 64 bytes with 1009', async (_name, type) => {
    const testHub = await hubs.start();
    const ws = await openSocket(testHub);
    const closed = whenClosed(ws);
    ws.send(padded(type, 64));
    expect((await closed).code).toBe(1009);
  });

  it('still takes a heartbeat at the cap', async () => {
    const testHub = await hubs.start();
    const client = new ProtocolClient(
      hubs.rawSocket(testHub, DOC, tokenFor(testHub, 'judge', JUDGE)),
    );
    await waitFor(() => client.synced);
    client.send(padded(MessageType.Heartbeat, 63));
    await client.roundTrip();
    expect(client.received).toContain(MessageType.Heartbeat);
    expect(client.closed).toBeNull();
  });

  it('drops a peer that stops reading once its unsent backlog passes the cap', async () => {
    const testHub = await hubs.start({
      limits: {
        maxBufferedBytes: 256 * 1024,
        syncRate: { burst: 1_000, perSecond: 1_000 },
      },
    });
    // A sheet of ~500 kB, so each sync step 2 the hub answers with is large.
    const tablet = new Y.Doc();
    for (let i = 0; i < 2_000; i++) {
      commitField(tablet, {
        teamId: assignment.teamId,
        categoryId: assignment.categoryId,
        field: criterionField(`c${i}`),
        value: i,
        author: JUDGE,
        device: 'tablet-a',
      });
    }
    const writer = await openSocket(testHub);
    writer.send(syncUpdateMessage(Y.encodeStateAsUpdate(tablet)));
    await waitFor(() => testHub.hub.store.countUpdates(DOC) > 0, 5_000, 'the sheet to be stored');

    // A reader that asks for the whole sheet again and again but never reads an answer.
    const stalled = await openSocket(testHub, tokenFor(testHub, 'organiser'));
    stalled.pause();
    const connectionsBefore = testHub.hub.connectionCount();
    const askAgain = syncStep1Message(new Y.Doc());
    for (let i = 0; i < 100; i++) stalled.send(askAgain);
    await waitFor(
      () => testHub.log.records.some((r) => r.event === 'connection.backlogged'),
      10_000,
      'the stalled reader to be dropped',
    );
    expect(testHub.log.records.find((r) => r.event === 'connection.backlogged')).toMatchObject({
      who: 'organiser',
      doc: DOC,
      limit: 256 * 1024,
    });
    await waitFor(() => testHub.hub.connectionCount() === connectionsBefore - 1);
    expect(writer.readyState).toBe(writer.OPEN);
  });
});
