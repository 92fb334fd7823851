import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  EVENT_DOC,
  demoEvent,
  sheetsDocName,
  type AccessOverview,
  type DeviceInfo,
  type DevicesSnapshot,
} from '@judgehub/model';
import { DocSync } from '@judgehub/sync-client';
import { BrowserLikeWebSocketImpl } from '../helpers/browserLikeWebSocket.js';
import { TestHubs, tokenFor, type TestHub } from '../helpers/testHubs.js';
import { hubRequest } from '../helpers/hubHttp.js';
import { waitFor } from '../helpers/waitFor.js';

/** A judge's tablet as the web app runs it: both documents, with its device id and version. */
function tablet(hubs: TestHubs, testHub: TestHub, judgeId: string, deviceId: string) {
  const open = (docName: string) => {
    const sync = new DocSync({
      serverUrl: testHub.syncUrl,
      docName,
      token: tokenFor(testHub, 'judge', judgeId),
      doc: new Y.Doc(),
      WebSocketImpl: BrowserLikeWebSocketImpl,
      deviceId,
      appVersion: '0.1.0',
    });
    hubs.onCleanup(() => sync.destroy());
    return sync;
  };
  return { event: open(EVENT_DOC), sheet: open(sheetsDocName(judgeId)) };
}

async function devicesOf(testHub: TestHub): Promise<DeviceInfo[]> {
  const answer = await hubRequest<DevicesSnapshot>(testHub, '/api/devices', {
    token: tokenFor(testHub, 'organiser'),
  });
  expect(answer.status).toBe(200);
  return answer.body.devices;
}

/** Polls the device list until `predicate` holds for it. */
async function untilDevices(
  testHub: TestHub,
  predicate: (devices: DeviceInfo[]) => boolean,
  what: string,
): Promise<DeviceInfo[]> {
  let devices: DeviceInfo[];
  const deadline = Date.now() + 5_000;
  while (!predicate((devices = await devicesOf(testHub)))) {
    if (Date.now() > deadline) throw new Error(`${what}; last list: ${JSON.stringify(devices)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return devices;
}

describe('who is connected, for the organiser', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  it('lists, access cards and devices alike, only for the organiser', async () => {
    const testHub = await hubs.start();
    for (const path of ['/api/devices', '/api/access', '/api/devices/events']) {
      expect((await hubRequest(testHub, path)).status).toBe(401);
      for (const role of ['scoreboard', 'head-judge'] as const) {
        const answer = await hubRequest(testHub, path, { token: tokenFor(testHub, role) });
        expect(answer.status).toBe(403);
        expect(answer.body['error']).toMatch(/organiser/);
      }
      const judge = await hubRequest(testHub, path, { token: tokenFor(testHub, 'judge', 'J1') });
      expect(judge.status).toBe(403);
    }
    // A judge's query-string token opens it no more than a header does.
    const sneaky = await fetch(
      `${testHub.hub.url}/api/devices?token=${tokenFor(testHub, 'judge', 'J1')}`,
    );
    expect(sneaky.status).toBe(403);
  });

  it('gives a card per judge and one for the scoreboard, with PIN and venue link', async () => {
    const testHub = await hubs.start();
    const answer = await hubRequest<AccessOverview>(testHub, '/api/access', {
      token: tokenFor(testHub, 'organiser'),
    });
    expect(answer.status).toBe(200);
    const { cards } = answer.body;
    expect(cards.map((c) => c.judgeId ?? c.role)).toEqual([
      'scoreboard',
      ...demoEvent().judges.map((j) => j.id),
    ]);
    // The test hub listens on loopback only: links use the address asked, and say so.
    expect(answer.body).toMatchObject({ hubUrl: testHub.hub.url, onVenueNetwork: false });
    expect(cards[1]).toEqual({
      role: 'judge',
      judgeId: 'J1',
      name: 'Amara Okafor',
      pin: testHub.hub.store.findToken(tokenFor(testHub, 'judge', 'J1'))!.pin,
      url: `${testHub.hub.url}/judge?token=${tokenFor(testHub, 'judge', 'J1')}`,
    });
    expect(cards.every((c) => /^[0-9]{6}$/.test(c.pin ?? ''))).toBe(true);
    expect(new Set(cards.map((c) => c.pin)).size).toBe(cards.length);
  });

  it('shows a tablet with its device id, address, version, documents and waiting values', async () => {
    const testHub = await hubs.start();
    expect(await devicesOf(testHub)).toEqual([]);
    const { event, sheet } = tablet(hubs, testHub, 'J1', 'tablet-amara');
    await waitFor(() => event.status.synced && sheet.status.synced, 5_000, 'the tablet to sync');

    const [device] = await untilDevices(
      testHub,
      (d) => d[0]?.docs.length === 2,
      'both documents listed',
    );
    expect(device).toMatchObject({
      key: 'tablet-amara|judge:J1',
      deviceId: 'tablet-amara',
      role: 'judge',
      judgeId: 'J1',
      name: 'Amara Okafor',
      address: expect.stringMatching(/127\.0\.0\.1$/),
      appVersion: '0.1.0',
      connected: true,
      docs: ['event', 'sheets/J1'],
      waiting: null,
      linkReplaced: false,
    });
    expect(device!.connectedSince).toBeGreaterThan(Date.now() - 10_000);

    // The tablet counts what waits for the hub; the hub shows the count it was told.
    sheet.reportWaiting(3);
    await untilDevices(testHub, (d) => d[0]?.waiting === 3, 'the reported count');
    sheet.reportWaiting(0);
    await untilDevices(testHub, (d) => d[0]?.waiting === 0, 'the new count');

    // Gone from the Wi-Fi: still listed, not connected, with when it was last heard from.
    sheet.reportWaiting(2);
    await untilDevices(testHub, (d) => d[0]?.waiting === 2, 'the count before leaving');
    event.destroy();
    sheet.destroy();
    const [gone] = await untilDevices(testHub, (d) => d[0]?.connected === false, 'disconnect');
    expect(gone).toMatchObject({ connectedSince: null, docs: [], waiting: 2 });
    expect(gone!.lastSeen).toBeGreaterThan(Date.now() - 5_000);
  });

  it('lists a client that sends no device id by its address, and a replaced link as cut off', async () => {
    const testHub = await hubs.start();
    await hubs.connectSynced(testHub, 'results', tokenFor(testHub, 'scoreboard'));
    const { sheet } = tablet(hubs, testHub, 'J2', 'tablet-ben');
    await waitFor(() => sheet.status.synced, 5_000, 'sync');

    await hubRequest(testHub, '/api/access/replace', {
      token: tokenFor(testHub, 'organiser'),
      json: { role: 'judge', judgeId: 'J2' },
    });
    const devices = await untilDevices(
      testHub,
      (d) => d.some((x) => x.judgeId === 'J2' && !x.connected),
      'the replaced tablet to be cut off',
    );
    expect(devices.map((d) => [d.role, d.deviceId, d.connected, d.linkReplaced])).toEqual([
      ['scoreboard', null, true, false],
      ['judge', 'tablet-ben', false, true],
    ]);
    expect(devices[0]!.key).toMatch(/^address:.*127\.0\.0\.1\|scoreboard$/);
  });

  it('pushes the list live to the organiser page as server-sent events', async () => {
    const testHub = await hubs.start();
    const controller = new AbortController();
    hubs.onCleanup(() => controller.abort());
    const res = await fetch(
      `${testHub.hub.url}/api/devices/events?token=${tokenFor(testHub, 'organiser')}`,
      { signal: controller.signal },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const events: DevicesSnapshot[] = [];
    let buffer = '';
    const readUntil = async (predicate: (s: DevicesSnapshot) => boolean) => {
      const deadline = Date.now() + 5_000;
      while (!events.some(predicate)) {
        if (Date.now() > deadline) throw new Error('no such event');
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += new TextDecoder().decode(value);
        const parts = buffer.split('\n\n');
        buffer = parts.pop()!;
        for (const part of parts) {
          const data = /^event: devices\ndata: (.*)$/m.exec(part);
          if (data) events.push(JSON.parse(data[1]!) as DevicesSnapshot);
        }
      }
    };
    await readUntil((s) => s.devices.length === 0);
    const startedAt = Date.now();
    tablet(hubs, testHub, 'J3', 'tablet-chen');
    await readUntil((s) => s.devices.some((d) => d.judgeId === 'J3' && d.connected));
    // Pushed on the change, not on the next 5-second refresh.
    expect(Date.now() - startedAt).toBeLessThan(3_000);
  });
});
