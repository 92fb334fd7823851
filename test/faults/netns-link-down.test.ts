import { afterAll, describe, expect, it } from 'vitest';
import { NetnsVenue } from '../helpers/netnsVenue.js';
import { netnsSkipReason } from '../helpers/netnsPair.js';
import { allSavedAndEqual, differencesFromHub } from '../helpers/replicaChecks.js';

const skipReason = netnsSkipReason();
if (skipReason) console.warn(`netns-link-down: skipped, ${skipReason}`);

const OUTAGE_MS = 30_000;
/**
 * How long after the link is back every value must show "saved on hub": the tablets reconnect
 * with DocSync's own backoff (at most 30 s, jittered), then catch up.
 */
const RECOVERY_LIMIT_MS = 45_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the tablets lose the hub for 30 s while judges score on both sides', () => {
  const venue = new NetnsVenue('L', 41, ['J1', 'J2', 'J3', 'J4']);
  afterAll(() => venue.cleanup());

  it.skipIf(skipReason !== null)(
    'keeps every value, shows none as saved until the hub has it, and converges after the link is back',
    async () => {
      await venue.start();
      await venue.score(true);
      await sleep(3_000);

      venue.pair.setTabletLink(false);
      const downAt = Date.now();
      await sleep(OUTAGE_MS - 5_000);
      const during = await venue.reports();
      const checkedAt = Date.now();
      for (const tablet of during.tablets) {
        // The heartbeat tells the judge the hub is gone; a dead socket is not "online".
        expect(tablet.state, `${tablet.device}'s connection state`).not.toBe('online');
        const offline = tablet.committed.filter((c) => c.at > downAt);
        expect(offline.length, `${tablet.device} kept scoring offline`).toBeGreaterThan(20);
        expect(
          offline.filter((c) => !tablet.notDurable.includes(c.id)).length,
          `${tablet.device}: values claimed "saved on hub" while the hub was unreachable`,
        ).toBe(0);
      }
      for (const device of during.hubSide) {
        // Beside the hub nothing changed: values are saved as they are committed.
        const settled = device.committed.filter((c) => c.at > downAt && c.at < checkedAt - 5_000);
        expect(settled.length, `${device.device} kept scoring`).toBeGreaterThan(20);
        expect(
          settled.filter((c) => device.notDurable.includes(c.id)).length,
          `${device.device}: values beside the hub not saved during the outage`,
        ).toBe(0);
      }
      await sleep(Math.max(0, downAt + OUTAGE_MS - Date.now()));

      venue.pair.setTabletLink(true);
      const upAt = Date.now();
      await sleep(3_000);
      await venue.score(false);
      await venue.waitUntil(
        allSavedAndEqual,
        RECOVERY_LIMIT_MS,
        'every value saved on the hub and equal replicas on both sides',
      );
      console.log(
        `netns-link-down: everything saved on the hub ${Date.now() - upAt} ms after the link came back`,
      );

      const { hubSide, tablets } = await venue.reports();
      const stored = await venue.storedDocs();
      expect(differencesFromHub([...hubSide, ...tablets], stored)).toEqual([]);
    },
    180_000,
  );
});
