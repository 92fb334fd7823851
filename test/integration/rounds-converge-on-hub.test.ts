import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CONTROL_DOC,
  closeRound,
  controlMaps,
  openRound,
  pauseRound,
  readRounds,
  roundRemainingMs,
} from '@judgehub/model';
import { ProtocolClient } from '../helpers/protocolClient.js';
import { TestHubs, tokenFor } from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 6, 10, 0);

describe('judging rounds on a real hub', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  it('the later change wins even when the earlier one arrives last; a judge reads rounds but cannot change them', async () => {
    const testHub = await hubs.start();
    const connect = (role: 'organiser' | 'head-judge' | 'judge', doc?: Y.Doc) =>
      new ProtocolClient(
        hubs.rawSocket(
          testHub,
          CONTROL_DOC,
          tokenFor(testHub, role, role === 'judge' ? 'J1' : null),
        ),
        doc,
      );
    const organiser = connect('organiser');
    const headJudge = connect('head-judge');
    const judge = connect('judge');
    await waitFor(
      () => organiser.synced && headJudge.synced && judge.synced,
      5_000,
      'everyone to sync',
    );
    expect(judge.handshake).toMatchObject({ canWrite: false });

    // The organiser opens Robot Design for 20 minutes: the judge's tablet sees it.
    expect(openRound(organiser.doc, 'robot-design', 20, { now: T0, by: 'organiser' }).ok).toBe(
      true,
    );
    await waitFor(
      () => readRounds(judge.doc).get('robot-design')?.phase === 'open',
      5_000,
      'the judge to see the open round',
    );
    await waitFor(() => readRounds(headJudge.doc).has('robot-design'), 5_000, 'the head judge');

    // The head judge's tablet drops off the network and pauses the round 2 minutes in; meanwhile
    // the organiser, still online, closes it 5 minutes in. The close is the later change.
    headJudge.ws.close();
    await waitFor(() => headJudge.closed !== null, 5_000, 'the head judge to drop');
    const pause = pauseRound(headJudge.doc, 'robot-design', {
      now: T0 + 2 * MIN,
      by: 'head-judge',
    });
    expect(pause.ok).toBe(true);
    const close = closeRound(organiser.doc, 'robot-design', { now: T0 + 5 * MIN, by: 'organiser' });
    expect(close.ok).toBe(true);
    await waitFor(
      () => readRounds(judge.doc).get('robot-design')?.phase === 'closed',
      5_000,
      'the judge to see the close',
    );

    // Back online, the head judge's pause arrives last, yet the later change (the close) stays
    // the round everywhere, the head judge's tablet included.
    const back = connect('head-judge', headJudge.doc);
    await waitFor(
      () => back.synced && back.ownChangesDurable(),
      5_000,
      'the pause to reach the hub',
    );
    await organiser.roundTrip();
    await judge.roundTrip();
    const hubDoc = () => testHub.hub.registry.get(CONTROL_DOC).doc;
    for (const doc of [judge.doc, organiser.doc, headJudge.doc, hubDoc()]) {
      const round = readRounds(doc).get('robot-design')!;
      expect(round).toMatchObject({ phase: 'closed', by: 'organiser', number: 1 });
      expect(round.remainingMs).toBe(15 * MIN);
    }
    // The pause did reach every replica: it lost on time, not by being dropped.
    for (const doc of [judge.doc, organiser.doc, hubDoc()])
      expect([...controlMaps(doc).rounds.keys()].includes(pause.ok ? pause.round.id : '')).toBe(
        true,
      );

    // Round 2, paused 3 minutes into its 10: it keeps 7 minutes however long the pause lasts.
    openRound(organiser.doc, 'robot-design', 10, { now: T0 + 10 * MIN, by: 'organiser' });
    pauseRound(organiser.doc, 'robot-design', { now: T0 + 13 * MIN, by: 'organiser' });
    await waitFor(
      () => readRounds(judge.doc).get('robot-design')?.phase === 'paused',
      5_000,
      'the judge to see round 2 paused',
    );
    const paused = readRounds(judge.doc).get('robot-design')!;
    expect(paused.number).toBe(2);
    expect(roundRemainingMs(paused, T0 + 90 * MIN)).toBe(7 * MIN);

    // A judge's own change is refused and reaches no one.
    openRound(judge.doc, 'innovation-project', 10, { now: T0, by: 'judge' });
    await waitFor(() => judge.denials.length === 1, 5_000, 'the refusal');
    await organiser.roundTrip();
    expect(readRounds(organiser.doc).has('innovation-project')).toBe(false);
    expect(readRounds(testHub.hub.registry.get(CONTROL_DOC).doc).has('innovation-project')).toBe(
      false,
    );

    // The rounds survive a restart of the hub.
    await waitFor(() => organiser.ownChangesDurable(), 5_000, 'the organiser’s acks');
    await hubs.stop(testHub);
    const restarted = await hubs.start({ dataDir: testHub.dataDir });
    expect(
      readRounds(restarted.hub.registry.get(CONTROL_DOC).doc).get('robot-design'),
    ).toMatchObject({
      phase: 'paused',
      number: 2,
      remainingMs: 7 * MIN,
    });
  });
});
