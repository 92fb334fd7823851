import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { EVENT_DOC, RESULTS_DOC, sheetsDocName } from '@judgehub/model';
import { DocSync } from '@judgehub/sync-client';
import { BrowserLikeWebSocketImpl } from '../helpers/browserLikeWebSocket.js';
import { TestHubs, allTokens, tokenFor, type TestHub } from '../helpers/testHubs.js';
import { hubRequest } from '../helpers/hubHttp.js';
import { waitFor } from '../helpers/waitFor.js';

interface Health {
  status: string;
  hubVersion: string;
  eventId: string | null;
  uptimeSeconds: number;
  memory: { rssBytes: number; heapUsedBytes: number; heapTotalBytes: number };
  connections: { total: number; byRole: Record<string, number> };
  documentsLoaded: number;
  pendingUpdates: number;
  database: { fileBytes: number; walBytes: number; totalBytes: number };
}

function open(hubs: TestHubs, testHub: TestHub, docName: string, token: string, device: string) {
  const sync = new DocSync({
    serverUrl: testHub.syncUrl,
    docName,
    token,
    doc: new Y.Doc(),
    WebSocketImpl: BrowserLikeWebSocketImpl,
    deviceId: device,
    appVersion: '0.1.0',
  });
  hubs.onCleanup(() => sync.destroy());
  return sync;
}

/** /health, asked again until `predicate` holds (the device list follows sockets at once). */
async function healthUntil(testHub: TestHub, predicate: (h: Health) => boolean): Promise<Health> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const health = (await hubRequest<Health>(testHub, '/health')).body;
    if (predicate(health) || Date.now() > deadline) return health;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('GET /health, for monitoring', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  it('answers without a token: uptime, memory, connections by role, documents, database size, event, version', async () => {
    const testHub = await hubs.start();
    const judge = [
      open(hubs, testHub, EVENT_DOC, tokenFor(testHub, 'judge', 'J1'), 'tablet-1'),
      open(hubs, testHub, sheetsDocName('J1'), tokenFor(testHub, 'judge', 'J1'), 'tablet-1'),
    ];
    const board = open(hubs, testHub, RESULTS_DOC, tokenFor(testHub, 'scoreboard'), 'board-1');
    await waitFor(
      () => [...judge, board].every((s) => s.status.synced),
      5_000,
      'the judge and the scoreboard to sync',
    );

    let health = await healthUntil(testHub, (h) => h.connections.byRole['judge'] === 2);
    const answer = await hubRequest<Health>(testHub, '/health');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');

    expect(health).toMatchObject({
      status: 'ok',
      hubVersion: JSON.parse(fs.readFileSync('packages/hub/package.json', 'utf8')).version,
      eventId: 'demo-2026',
      connections: { total: 3, byRole: { judge: 2, scoreboard: 1 } },
      pendingUpdates: 0,
    });
    expect(health.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(health.memory.rssBytes).toBeGreaterThan(health.memory.heapUsedBytes);
    expect(health.memory.heapTotalBytes).toBeGreaterThanOrEqual(health.memory.heapUsedBytes);
    // event, results, sheets of every judge (the results need them) and more.
    expect(health.documentsLoaded).toBeGreaterThanOrEqual(2 + 7);
    const file = fs.statSync(testHub.hub.store.path).size;
    const wal = fs.statSync(`${testHub.hub.store.path}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    expect(health.database.fileBytes).toBe(file);
    expect(health.database.walBytes).toBe(wal);
    expect(health.database.totalBytes).toBe(file + wal);
    expect(health.database.totalBytes).toBeGreaterThan(0);

    // Nothing secret: no token, no PIN, no path on the laptop.
    const text = JSON.stringify(health);
    for (const token of allTokens(testHub)) expect(text).not.toContain(token);
    for (const t of testHub.hub.store.listTokens()) if (t.pin) expect(text).not.toContain(t.pin);
    expect(text).not.toContain(path.basename(testHub.dataDir));

    // The scoreboard goes: its connection leaves the count.
    board.destroy();
    health = await healthUntil(testHub, (h) => h.connections.byRole['scoreboard'] === undefined);
    expect(health.connections).toEqual({ total: 2, byRole: { judge: 2 } });
  });

  it('works on a hub with no event yet', async () => {
    const testHub = await hubs.start({ withDemoEvent: false });
    const answer = await hubRequest<Health>(testHub, '/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'ok', eventId: null, connections: { total: 0 } });
  });
});
