import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType, demoEvent, sheetsDocName } from '@judgehub/model';
import type { DocSyncStatus } from '@judgehub/sync-client';
import { ProtocolClient, syncStep1Message } from '../helpers/protocolClient.js';
import { ScoringDevice } from '../helpers/scoringDevice.js';
import { scoreSlots } from '../helpers/scoreSlots.js';
import {
  TestHubs,
  tokenFor,
  whenClosed,
  whenOpen,
  type HubSetup,
  type TestHub,
} from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';

const event = demoEvent();
const JUDGE = 'J1';
const DOC = sheetsDocName(JUDGE);
const HEARTBEAT = new Uint8Array([MessageType.Heartbeat]);

const rateLimited = (testHub: TestHub) =>
  testHub.log.records.filter((r) => r.event === 'connection.rate_limited');

describe('per-connection rate limits', () => {
  const hubs = new TestHubs();
  const devices: ScoringDevice[] = [];
  afterEach(async () => {
    for (const device of devices.splice(0)) device.destroy();
    await hubs.cleanup();
  });

  /** J1's tablet (DocSync), recording every connection state it goes through. */
  function judgeTablet(testHub: TestHub) {
    const device = new ScoringDevice({
      judgeId: JUDGE,
      device: 'tablet-a',
      token: tokenFor(testHub, 'judge', JUDGE),
      serverUrl: testHub.syncUrl,
      slots: scoreSlots(event, JUDGE),
      minBackoffMs: 10,
      maxBackoffMs: 150,
    });
    devices.push(device);
    const states: DocSyncStatus['state'][] = [];
    let index = 0;
    /** Commits `n` values, each one changing a criterion's value. */
    const commitMany = (n: number) => {
      const { slots } = device.options;
      for (let i = 0; i < n; i++, index++) {
        const slot = slots[index % slots.length]!;
        const round = Math.floor(index / slots.length);
        expect(device.commit(slot, slot.values[(round + 1) % slot.values.length]!)).not.toBeNull();
      }
    };
    const connect = () => {
      device.connect().subscribe((status) => {
        if (states.at(-1) !== status.state) states.push(status.state);
      });
    };
    return { device, states, commitMany, connect };
  }

  const allSaved = (device: ScoringDevice) =>
    device.committed.length > 0 && device.notDurable().length === 0;

  it('never slows an honest judge: 2,000 offline values in one catch-up, then 50 at once', async () => {
    const testHub = await hubs.start();
    const tablet = judgeTablet(testHub);
    tablet.commitMany(2_000);
    tablet.connect();
    await waitFor(() => allSaved(tablet.device), 10_000, 'the catch-up to be saved');

    tablet.commitMany(50);
    await waitFor(() => allSaved(tablet.device), 5_000, 'the burst to be saved');
    expect(tablet.device.committed).toHaveLength(2_050);
    expect(rateLimited(testHub)).toEqual([]);
    // One connection throughout: never dropped, never asked to slow down.
    expect(tablet.states).toEqual(['online']);
  });

  it('closes a connection that floods sync messages with 4429, and logs it once', async () => {
    const testHub = await hubs.start({ limits: { syncRate: { burst: 20, perSecond: 10 } } });
    const bystander = judgeTablet(testHub);
    bystander.connect();
    await waitFor(() => bystander.device.sync?.status.synced === true, 5_000, 'the bystander');

    const flood = hubs.rawSocket(testHub, DOC, tokenFor(testHub, 'judge', JUDGE));
    await whenOpen(flood);
    const closed = whenClosed(flood);
    const step1 = syncStep1Message(new Y.Doc());
    for (let i = 0; i < 500; i++) flood.send(step1);
    const { code, reason } = await closed;

    expect(code).toBe(4429);
    expect(reason).toMatch(/slow down: more than 10 sync messages a second/);
    expect(rateLimited(testHub)).toEqual([
      expect.objectContaining({ doc: DOC, who: `judge:${JUDGE}`, messages: 'sync', burst: 20 }),
    ]);
    // The judge's own tablet goes on scoring on its own connection.
    bystander.commitMany(5);
    await waitFor(() => allSaved(bystander.device), 5_000, 'the bystander’s values');
    expect(bystander.states).toEqual(['online']);
  });

  it('counts heartbeats and awareness in their own, looser bucket', async () => {
    const testHub = await hubs.start({
      limits: {
        syncRate: { burst: 5, perSecond: 1 },
        presenceRate: { burst: 300, perSecond: 100 },
      },
    });
    const client = new ProtocolClient(
      hubs.rawSocket(testHub, DOC, tokenFor(testHub, 'judge', JUDGE)),
    );
    await waitFor(() => client.synced, 5_000, 'sync');
    for (let i = 0; i < 200; i++) client.send(HEARTBEAT);
    await client.roundTrip();
    expect(client.closed).toBeNull();
    expect(client.received.filter((t) => t === MessageType.Heartbeat)).toHaveLength(200);

    // The sync bucket (one step 1 used already) is untouched by all that, and runs dry on its own.
    for (let i = 0; i < 10; i++) client.send(syncStep1Message(client.doc));
    await waitFor(() => client.closed !== null, 5_000, 'the close');
    expect(client.closed).toMatchObject({ code: 4429, reason: expect.stringMatching(/sync/) });
  });

  it('a tablet asked to slow down reconnects by itself and gets every value saved', async () => {
    const limits: HubSetup['limits'] = { syncRate: { burst: 5, perSecond: 2 } };
    const testHub = await hubs.start({ limits });
    const tablet = judgeTablet(testHub);
    tablet.connect();
    await waitFor(() => tablet.device.sync?.status.synced === true, 5_000, 'sync');

    tablet.commitMany(30);
    await waitFor(() => rateLimited(testHub).length > 0, 5_000, 'the hub to slow it down');
    await waitFor(() => allSaved(tablet.device), 10_000, 'every value saved after reconnecting');
    expect(tablet.states).toContain('offline');
    expect(tablet.states).not.toContain('refused');
    expect(tablet.device.sync?.status.refusal).toBeNull();
  });
});
