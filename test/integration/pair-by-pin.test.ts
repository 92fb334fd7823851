import { afterEach, describe, expect, it } from 'vitest';
import { LINK_REPLACED_MESSAGE, sheetsDocName } from '@judgehub/model';
import { TestHubs, tokenFor, whenSynced, type TestHub } from '../helpers/testHubs.js';
import { hubRequest, pair } from '../helpers/hubHttp.js';

/** A 6-digit PIN no judge has: the live PINs are known, so pick one that is not among them. */
function wrongPin(testHub: TestHub): string {
  const live = new Set(testHub.hub.store.listTokens().map((t) => t.pin));
  for (let n = 100_000; ; n++) if (!live.has(String(n))) return String(n);
}

const pinOf = (testHub: TestHub, judgeId: string | null, role = 'judge') =>
  testHub.hub.store.listTokens().find((t) => t.role === role && t.judgeId === judgeId)!.pin!;

describe('pairing a tablet by PIN', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  it('exchanges a judge’s PIN for that judge’s token, which then syncs the judge’s sheet', async () => {
    const testHub = await hubs.start();
    const answer = await pair(testHub, pinOf(testHub, 'J1'));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      token: tokenFor(testHub, 'judge', 'J1'),
      role: 'judge',
      judgeId: 'J1',
      name: 'Amara Okafor',
    });
    expect(answer.headers.get('cache-control')).toBe('no-store');

    const token = answer.body['token'] as string;
    const session = await hubRequest(testHub, '/api/session', { token });
    expect(session.body).toMatchObject({ role: 'judge', judgeId: 'J1' });
    await whenSynced(hubs.connect(testHub, sheetsDocName('J1'), token));

    // The scoreboard has a PIN too; it opens the scoreboard.
    const board = await pair(testHub, pinOf(testHub, null, 'scoreboard'), 'projector');
    expect(board.body).toMatchObject({ role: 'scoreboard', judgeId: null });
  });

  it('says how many tries are left, then locks the device out for 5 minutes', async () => {
    const testHub = await hubs.start();
    const wrong = wrongPin(testHub);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await pair(testHub, wrong));
    expect(answers.slice(0, 4).map((a) => [a.status, a.body['triesLeft']])).toEqual([
      [401, 4],
      [401, 3],
      [401, 2],
      [401, 1],
    ]);
    expect(answers[0]!.body['error']).toMatch(/not right.*4 tries left/);
    expect(answers[4]!.status).toBe(429);
    expect(answers[4]!.body).toMatchObject({ code: 'locked', retryAfterSeconds: 300 });
    expect(answers[4]!.body['error']).toMatch(/Try again in 5 min\b/);
    expect(answers[4]!.headers.get('retry-after')).toBe('300');

    // Locked means locked: even the right PIN is refused, and says how long is left.
    const right = await pair(testHub, pinOf(testHub, 'J1'));
    expect(right.status).toBe(429);
    expect(right.body['error']).toMatch(/Try again in (4 min \d+ s|5 min)/);
    // Another tablet is not locked out by it.
    expect((await pair(testHub, pinOf(testHub, 'J1'), 'tablet-b')).status).toBe(200);

    // Neither PINs nor tokens ever reach the log.
    const logged = JSON.stringify(testHub.log.records);
    for (const t of testHub.hub.store.listTokens()) {
      expect(logged).not.toContain(t.token);
      if (t.pin) expect(logged).not.toContain(t.pin);
    }
    expect(logged).not.toContain(wrong);
    expect(testHub.log.records).toContainEqual(
      expect.objectContaining({ event: 'pair.refused', device: 'tablet-a', lockedForSeconds: 300 }),
    );
  });

  it('refuses what is not a PIN request, with a message, without counting a try', async () => {
    const testHub = await hubs.start();
    for (const pin of ['12345', '1234567', 'abcdef', 123456, null]) {
      const answer = await pair(testHub, pin);
      expect(answer.status).toBe(400);
      expect(answer.body['error']).toBe('A PIN is 6 digits. Type all six.');
    }
    expect((await pair(testHub, pinOf(testHub, 'J1'), 'bad id!')).status).toBe(400);
    const noDevice = await hubRequest(testHub, '/api/pair', {
      json: { pin: pinOf(testHub, 'J1') },
    });
    expect(noDevice.status).toBe(400);
    expect(noDevice.body['error']).toMatch(/which device/);
    const form = await hubRequest(testHub, '/api/pair', {
      body: `pin=${pinOf(testHub, 'J1')}`,
      type: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    const notJson = await hubRequest(testHub, '/api/pair', {
      body: '{"pin":',
      type: 'application/json',
    });
    expect(notJson.status).toBe(400);
    expect((await hubRequest(testHub, '/api/pair')).status).toBe(405);
    // None of that counted against the device.
    const wrong = await pair(testHub, wrongPin(testHub));
    expect(wrong.body['triesLeft']).toBe(4);
  });

  it('no PIN leads to the organiser’s or head judge’s rights, and a replaced PIN leads nowhere', async () => {
    const testHub = await hubs.start();
    const privileged = testHub.hub.store
      .listTokens()
      .filter((t) => t.role === 'organiser' || t.role === 'head-judge');
    expect(privileged.map((t) => t.pin)).toEqual([null, null]);

    const oldPin = pinOf(testHub, 'J2');
    const oldToken = tokenFor(testHub, 'judge', 'J2');
    const organiser = tokenFor(testHub, 'organiser');
    const replaced = await hubRequest(testHub, '/api/access/replace', {
      token: organiser,
      json: { role: 'judge', judgeId: 'J2' },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body['pin']).not.toBe(oldPin);
    expect((await pair(testHub, oldPin)).status).toBe(401);
    const fresh = await pair(testHub, replaced.body['pin'], 'tablet-c');
    expect(fresh.body).toMatchObject({ judgeId: 'J2', token: tokenFor(testHub, 'judge', 'J2') });
    // The old link, if someone still has it, says what happened.
    const stale = await hubRequest(testHub, '/api/session', { token: oldToken });
    expect(stale.status).toBe(401);
    expect(stale.body).toEqual({ error: LINK_REPLACED_MESSAGE, code: 'replaced' });
  });

  it('a hub restarted on its data folder keeps every PIN', async () => {
    const testHub = await hubs.start();
    const pin = pinOf(testHub, 'J3');
    await hubs.stop(testHub);
    const restarted = await hubs.start({ dataDir: testHub.dataDir });
    const answer = await pair(restarted, pin);
    expect(answer.body).toMatchObject({ judgeId: 'J3' });
  });
});
