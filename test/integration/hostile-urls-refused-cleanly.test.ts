import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_DOC, demoEvent, readSettings, type JudgingEvent } from '@judgehub/model';
import { setUpEvent } from '@judgehub/hub';
import { TestHubs, tokenFor, whenClosed, type TestHub } from '../helpers/testHubs.js';

/**
 * Anyone on the venue Wi-Fi can open a socket to the hub. Whatever URL they use, the hub answers
 * with a close code and a reason a WebSocket may carry (at most 123 bytes), and keeps serving.
 */
describe('a hostile sync URL', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  async function expectStillServing(testHub: TestHub) {
    const organiser = await hubs.connectSynced(testHub, EVENT_DOC, tokenFor(testHub, 'organiser'));
    expect(readSettings(organiser.doc).id).toBe(demoEvent().settings.id);
  }

  async function expectRefused(
    testHub: TestHub,
    docName: string,
    token: string | null,
    code: number,
  ) {
    const closed = await whenClosed(hubs.rawSocket(testHub, docName, token), 2_000);
    expect(closed.code).toBe(code);
    expect(Buffer.byteLength(closed.reason)).toBeLessThanOrEqual(123);
    await expectStillServing(testHub);
  }

  it('with a long non-ASCII document name and no token is refused with 4404', async () => {
    const testHub = await hubs.start();
    await expectRefused(testHub, encodeURIComponent('漢'.repeat(60)), null, 4404);
  });

  it('with a very long ASCII document name is refused with 4404', async () => {
    const testHub = await hubs.start();
    await expectRefused(
      testHub,
      `sheets/${'x'.repeat(2_000)}`,
      tokenFor(testHub, 'organiser'),
      4404,
    );
  });

  it('with a NUL byte in the document name is refused with 4404', async () => {
    const testHub = await hubs.start();
    await expectRefused(testHub, 'sheets/J1%00', tokenFor(testHub, 'organiser'), 4404);
  });

  it('with a 10 kB token is refused with 4401', async () => {
    const testHub = await hubs.start();
    await expectRefused(testHub, EVENT_DOC, 'x'.repeat(10_000), 4401);
  });

  it('outside /sync/ gets an HTTP 404 instead of a socket', async () => {
    const testHub = await hubs.start();
    const ws = hubs.rawSocket(testHub, '../elsewhere', tokenFor(testHub, 'organiser'));
    const status = await new Promise<number>((resolve) =>
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(404);
    await expectStillServing(testHub);
  });

  it('from a judge with a long id, opening another long-id judge’s sheets, is refused with 4403', async () => {
    // Ids may be up to 64 characters (validateEvent), so the refusal must not quote them whole.
    const longId = (n: number) => `judge-${String(n).padStart(58, '0')}`;
    const base = demoEvent();
    const rename = new Map(base.judges.map((j, i) => [j.id, longId(i + 1)]));
    const event: JudgingEvent = {
      ...base,
      judges: base.judges.map((j) => ({ ...j, id: rename.get(j.id)! })),
      assignments: base.assignments.map((a) => ({ ...a, judgeId: rename.get(a.judgeId)! })),
    };
    const testHub = await hubs.start({ withDemoEvent: false });
    expect(setUpEvent(testHub.hub, event)).toEqual({ ok: true });
    const judgeToken = tokenFor(testHub, 'judge', longId(1));
    await expectRefused(testHub, `sheets/${longId(2)}`, judgeToken, 4403);
  });
});
