import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  EVENT_DOC,
  FINAL_CLOSE_CODES,
  LINK_REPLACED_MESSAGE,
  sheetsDocName,
} from '@judgehub/model';
import { DocSync } from '@judgehub/sync-client';
import { ProtocolClient } from '../helpers/protocolClient.js';
import { BrowserLikeWebSocketImpl } from '../helpers/browserLikeWebSocket.js';
import { TestHubs, tokenFor, whenClosed, whenSynced, type TestHub } from '../helpers/testHubs.js';
import { hubRequest } from '../helpers/hubHttp.js';
import { waitFor } from '../helpers/waitFor.js';

const SHEET = sheetsDocName('J1');

function replace(testHub: TestHub, body: unknown, token = tokenFor(testHub, 'organiser')) {
  return hubRequest(testHub, '/api/access/replace', { token, json: body });
}

describe('replacing a lost tablet’s link', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  it('closes every live socket on the old link at once with 4410, and leaves others alone', async () => {
    const testHub = await hubs.start();
    const oldToken = tokenFor(testHub, 'judge', 'J1');
    const sheet = new ProtocolClient(hubs.rawSocket(testHub, SHEET, oldToken));
    const event = new ProtocolClient(hubs.rawSocket(testHub, EVENT_DOC, oldToken));
    const tablet = new DocSync({
      serverUrl: testHub.syncUrl,
      docName: SHEET,
      token: oldToken,
      doc: new Y.Doc(),
      WebSocketImpl: BrowserLikeWebSocketImpl,
      deviceId: 'tablet-lost',
      minBackoffMs: 20,
      maxBackoffMs: 50,
    });
    hubs.onCleanup(() => tablet.destroy());
    const otherJudge = await hubs.connectSynced(
      testHub,
      sheetsDocName('J2'),
      tokenFor(testHub, 'judge', 'J2'),
    );
    await waitFor(() => sheet.synced && event.synced && tablet.status.synced, 5_000, 'sync');

    const closedSheet = whenClosed(sheet.ws);
    const closedEvent = whenClosed(event.ws);
    const answer = await replace(testHub, { role: 'judge', judgeId: 'J1' });
    expect(answer.status).toBe(200);
    expect(await closedSheet).toEqual({ code: CloseCode.Revoked, reason: LINK_REPLACED_MESSAGE });
    expect(await closedEvent).toEqual({ code: CloseCode.Revoked, reason: LINK_REPLACED_MESSAGE });

    // JudgeHub's own client takes 4410 as final: it says so and stops, it does not loop.
    await waitFor(() => tablet.status.state === 'refused', 5_000, 'the tablet to stop');
    expect(tablet.status).toMatchObject({ closeCode: 4410, refusal: LINK_REPLACED_MESSAGE });
    expect(FINAL_CLOSE_CODES[CloseCode.Revoked]).toBe(LINK_REPLACED_MESSAGE);
    const opened = () =>
      testHub.log.records.filter((r) => r.event === 'connection.opened' && r['who'] === 'judge:J1')
        .length;
    const openedBefore = opened();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(opened()).toBe(openedBefore);

    // Another judge's tablet did not notice anything.
    expect(otherJudge.wsconnected).toBe(true);
    expect(testHub.log.records).toContainEqual(
      expect.objectContaining({ event: 'link.replaced', who: 'judge:J1', closedConnections: 3 }),
    );
    expect(JSON.stringify(testHub.log.records)).not.toContain(oldToken);
  });

  it('refuses the old link everywhere with the message, and the new one works', async () => {
    const testHub = await hubs.start();
    const oldToken = tokenFor(testHub, 'judge', 'J1');
    const answer = await replace(testHub, { role: 'judge', judgeId: 'J1' });
    const newToken = tokenFor(testHub, 'judge', 'J1');
    expect(newToken).not.toBe(oldToken);
    expect(answer.body).toMatchObject({
      role: 'judge',
      judgeId: 'J1',
      name: 'Amara Okafor',
      url: `${testHub.hub.url}/judge?token=${newToken}`,
    });

    const session = await hubRequest(testHub, '/api/session', { token: oldToken });
    expect(session).toMatchObject({ status: 401, body: { error: LINK_REPLACED_MESSAGE } });
    const received: Buffer[] = [];
    const ws = hubs.rawSocket(testHub, SHEET, oldToken);
    ws.on('message', (data: Buffer) => received.push(data));
    expect(await whenClosed(ws)).toEqual({ code: 4410, reason: LINK_REPLACED_MESSAGE });
    expect(received).toEqual([]);
    // A token the hub never issued is still just unknown.
    expect((await whenClosed(hubs.rawSocket(testHub, SHEET, 'never-issued'))).code).toBe(4401);

    await whenSynced(hubs.connect(testHub, SHEET, newToken));
    expect((await hubRequest(testHub, '/api/session', { token: newToken })).status).toBe(200);
  });

  it('only the organiser replaces links, and only links that exist', async () => {
    const testHub = await hubs.start();
    const live = () => testHub.hub.store.tokens.listLive().map((t) => t.token);
    const before = live();
    const judge = await replace(
      testHub,
      { role: 'judge', judgeId: 'J2' },
      tokenFor(testHub, 'judge', 'J1'),
    );
    expect(judge.status).toBe(403);
    const head = await replace(
      testHub,
      { role: 'judge', judgeId: 'J2' },
      tokenFor(testHub, 'head-judge'),
    );
    expect(head.status).toBe(403);
    const nobody = await hubRequest(testHub, '/api/access/replace', {
      json: { role: 'judge', judgeId: 'J2' },
    });
    expect(nobody.status).toBe(401);
    expect((await replace(testHub, { role: 'judge', judgeId: 'J99' })).status).toBe(404);
    expect((await replace(testHub, { role: 'organiser' })).status).toBe(400);
    expect((await replace(testHub, { role: 'judge' })).status).toBe(400);
    expect(
      (await hubRequest(testHub, '/api/access/replace', { token: tokenFor(testHub, 'organiser') }))
        .status,
    ).toBe(405);
    // Nothing was replaced by any of that.
    expect(live()).toEqual(before);
    expect(testHub.log.records.filter((r) => r.event === 'link.replaced')).toEqual([]);

    const board = tokenFor(testHub, 'scoreboard');
    expect((await replace(testHub, { role: 'scoreboard' })).status).toBe(200);
    expect(tokenFor(testHub, 'scoreboard')).not.toBe(board);
  });
});
