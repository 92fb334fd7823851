import { afterEach, describe, expect, it } from 'vitest';
import {
  EVENT_DOC,
  RESULTS_DOC,
  demoEvent,
  eventMaps,
  readEvent,
  readResults,
  readSettings,
  resultsMaps,
} from '@judgehub/model';
import type { Role } from '@judgehub/store';
import { ProtocolClient } from '../helpers/protocolClient.js';
import { TestHubs, allTokens, tokenFor, whenClosed, type TestHub } from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';

const EVENT_NAME = demoEvent().settings.name;

type Who = { role: Role; judgeId?: string } | { token: string | null };

const refusals: [string, string, Who, number][] = [
  ['no token', 'sheets/J1', { token: null }, 4401],
  ['an empty token', 'event', { token: '' }, 4401],
  ['a token the hub never issued', 'event', { token: 'not-a-real-token-7f3a' }, 4401],
  ['an unknown document', 'nope', { role: 'organiser' }, 4404],
  ['a path escaping the sheets', 'sheets/../x', { role: 'organiser' }, 4404],
  ['an encoded path escape', 'sheets%2F..%2Fevent', { role: 'organiser' }, 4404],
  ['a broken percent-encoding', 'sheets%E0%A4%A', { role: 'organiser' }, 4404],
  ['another judge’s sheets', 'sheets/J2', { role: 'judge', judgeId: 'J1' }, 4403],
  ['a scoreboard on sheets', 'sheets/J1', { role: 'scoreboard' }, 4403],
  ['a judge not in the event', 'sheets/J99', { role: 'organiser' }, 4404],
];

describe('access rights on the sync endpoint', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  const tokenOf = (testHub: TestHub, who: Who) =>
    'token' in who ? who.token : tokenFor(testHub, who.role, who.judgeId ?? null);

  it.each(refusals)('refuses %s (%s) with close code %i', async (_name, docName, who, code) => {
    const testHub = await hubs.start();
    const ws = hubs.rawSocket(testHub, docName, tokenOf(testHub, who));
    const received: Buffer[] = [];
    ws.on('message', (data: Buffer) => received.push(data));

    const closed = await whenClosed(ws);
    expect(closed.code).toBe(code);
    expect(closed.reason).not.toBe('');
    // Refused before any document content is sent.
    expect(received).toEqual([]);
    expect(testHub.log.records).toContainEqual(
      expect.objectContaining({ event: 'connection.refused', code }),
    );
    expect(JSON.stringify(testHub.log.records)).not.toContain('not-a-real-token');
  });

  it('a stock client that is refused stops reconnecting', async () => {
    const testHub = await hubs.start();
    const provider = hubs.connect(testHub, 'sheets/J2', tokenFor(testHub, 'judge', 'J1'));
    const closed = await new Promise<{ code: number }>((resolve) => provider.on('closed', resolve));
    expect(closed.code).toBe(4403);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const attempts = testHub.log.records.filter((r) => r.event === 'connection.refused');
    expect(attempts).toHaveLength(1);
  });

  it('a judge cannot change the event document, and is told so once', async () => {
    const testHub = await hubs.start();
    const judge = new ProtocolClient(
      hubs.rawSocket(testHub, EVENT_DOC, tokenFor(testHub, 'judge', 'J1')),
    );
    const organiser = await hubs.connectSynced(testHub, EVENT_DOC, tokenFor(testHub, 'organiser'));
    const otherJudge = await hubs.connectSynced(
      testHub,
      EVENT_DOC,
      tokenFor(testHub, 'judge', 'J2'),
    );
    const namesSeen: unknown[] = [];
    eventMaps(otherJudge.doc).meta.observe(() => namesSeen.push(readSettings(otherJudge.doc).name));
    await waitFor(() => judge.synced, 5_000, 'the judge to sync the event');
    expect(judge.handshake).toMatchObject({ canWrite: false, role: 'judge', judgeId: 'J1' });
    // Syncing itself is not a write: nothing refused yet.
    expect(judge.denials).toEqual([]);
    expect(readSettings(judge.doc).name).toBe(EVENT_NAME);

    eventMaps(judge.doc).meta.set('name', 'hacked');
    await waitFor(() => judge.denials.length === 1, 5_000, 'the refusal');
    expect(judge.denials[0]).toMatch(/read-only/);
    eventMaps(judge.doc).judges.set('J8', { id: 'J8', name: 'Mallory' });

    // An organiser edit made afterwards reaches the other judge; the judge's edits never did.
    eventMaps(organiser.doc).meta.set('name', 'Riverside Finals');
    await waitFor(
      () => readSettings(otherJudge.doc).name === 'Riverside Finals',
      5_000,
      'the edit',
    );
    expect(namesSeen).toEqual(['Riverside Finals']);
    expect(readEvent(otherJudge.doc).judges).toHaveLength(demoEvent().judges.length);
    expect(readEvent(testHub.hub.registry.get(EVENT_DOC).doc).judges).toHaveLength(7);
    expect(judge.closed).toBeNull();
    // Told once, logged every time: a misbehaving client cannot make the hub chatter.
    expect(judge.denials).toHaveLength(1);
    expect(testHub.log.records.filter((r) => r.event === 'write.refused')).toHaveLength(2);
    expect(testHub.log.records).toContainEqual(
      expect.objectContaining({ event: 'write.refused', doc: EVENT_DOC, who: 'judge:J1' }),
    );

    // Nothing of it reached the disk either.
    await hubs.stop(testHub);
    const restarted = await hubs.start({ dataDir: testHub.dataDir });
    const reloaded = readEvent(restarted.hub.registry.get(EVENT_DOC).doc);
    expect(reloaded.settings.name).toBe('Riverside Finals');
    expect(reloaded.judges.map((j) => j.id)).not.toContain('J8');
  });

  it('a scoreboard reads results but cannot write them', async () => {
    const testHub = await hubs.start();
    const scoreboard = new ProtocolClient(
      hubs.rawSocket(testHub, RESULTS_DOC, tokenFor(testHub, 'scoreboard')),
    );
    await waitFor(() => scoreboard.synced, 5_000, 'the scoreboard to sync');
    const categories = readResults(scoreboard.doc).categories;
    expect(categories.map((c) => c.categoryId)).toEqual(demoEvent().categories.map((c) => c.id));

    resultsMaps(scoreboard.doc).categories.delete(categories[0]!.categoryId);
    await waitFor(() => scoreboard.denials.length === 1, 5_000, 'the refusal');
    const hubResults = readResults(testHub.hub.registry.get(RESULTS_DOC).doc);
    expect(hubResults.categories.map((c) => c.categoryId)).toEqual(
      categories.map((c) => c.categoryId),
    );

    const anotherScreen = await hubs.connectSynced(
      testHub,
      RESULTS_DOC,
      tokenFor(testHub, 'scoreboard'),
    );
    expect(readResults(anotherScreen.doc).categories).toHaveLength(categories.length);
  });

  it('an organiser cannot write results either', async () => {
    const testHub = await hubs.start();
    const organiser = new ProtocolClient(
      hubs.rawSocket(testHub, RESULTS_DOC, tokenFor(testHub, 'organiser')),
    );
    await waitFor(() => organiser.synced, 5_000, 'the organiser to sync');
    expect(organiser.handshake?.canWrite).toBe(false);
    resultsMaps(organiser.doc).meta.set('eventName', 'Fake');
    await waitFor(() => organiser.denials.length === 1, 5_000, 'the refusal');
    expect(readResults(testHub.hub.registry.get(RESULTS_DOC).doc).eventName).toBe(EVENT_NAME);
  });

  it('never writes a token into the log', async () => {
    const testHub = await hubs.start();
    for (const role of ['organiser', 'head-judge', 'scoreboard'] as const) {
      await hubs.connectSynced(testHub, EVENT_DOC, tokenFor(testHub, role));
    }
    const judge = new ProtocolClient(
      hubs.rawSocket(testHub, EVENT_DOC, tokenFor(testHub, 'judge', 'J1')),
    );
    await waitFor(() => judge.synced);
    judge.doc.getMap('meta').set('name', 'hacked');
    await waitFor(() => judge.denials.length === 1);
    const refused = hubs.rawSocket(testHub, 'sheets/J2', tokenFor(testHub, 'judge', 'J1'));
    await whenClosed(refused);

    const logText = JSON.stringify(testHub.log.records);
    expect(testHub.log.records.length).toBeGreaterThan(5);
    for (const token of allTokens(testHub)) expect(logText).not.toContain(token);
  });
});
