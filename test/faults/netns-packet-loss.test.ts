import { afterAll, describe, expect, it } from 'vitest';
import { NetnsVenue } from '../helpers/netnsVenue.js';
import { netnsSkipReason } from '../helpers/netnsPair.js';
import { allSavedAndEqual, differencesFromHub } from '../helpers/replicaChecks.js';

const skipReason = netnsSkipReason();
if (skipReason) console.warn(`netns-packet-loss: skipped, ${skipReason}`);

const LOSS_PERCENT = 30;
const LOSSY_MS = 20_000;
/** Bound for every value to show "saved on hub" once the loss stops (DocSync's own backoff). */
const RECOVERY_LIMIT_MS = 45_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`the tablets' network drops ${LOSS_PERCENT} % of their packets while judges score`, () => {
  const venue = new NetnsVenue('P', 42, ['J1', 'J2', 'J3', 'J4']);
  afterAll(() => venue.cleanup());

  it.skipIf(skipReason !== null)(
    'keeps saving through the loss, loses nothing, and converges once the loss stops',
    async () => {
      await venue.start();
      await venue.score(true);
      await sleep(2_000);

      venue.pair.addTabletLoss(LOSS_PERCENT);
      const lossAt = Date.now();
      await sleep(LOSSY_MS);
      const during = await venue.reports();
      venue.pair.removeTabletLoss();
      const clearAt = Date.now();

      // A lossy link is slow, not dead: values committed under loss still reach the hub's disk.
      const savedUnderLoss: string[] = [];
      for (const tablet of during.tablets) {
        const lossy = tablet.committed.filter((c) => c.at > lossAt);
        const saved = lossy.filter((c) => !tablet.notDurable.includes(c.id));
        expect(lossy.length, `${tablet.device} kept scoring`).toBeGreaterThan(20);
        savedUnderLoss.push(`${tablet.device} ${saved.length}/${lossy.length}`);
        expect(
          saved.length,
          `${tablet.device}: values saved on the hub despite the loss`,
        ).toBeGreaterThan(lossy.length / 4);
      }

      console.log(`netns-packet-loss: saved under loss ${savedUnderLoss.join(', ')}`);
      await sleep(2_000);
      await venue.score(false);
      await venue.waitUntil(
        allSavedAndEqual,
        RECOVERY_LIMIT_MS,
        'every value saved on the hub and equal replicas on both sides',
      );
      console.log(
        `netns-packet-loss: everything saved on the hub ${Date.now() - clearAt} ms after the loss stopped`,
      );

      const { hubSide, tablets } = await venue.reports();
      const stored = await venue.storedDocs();
      expect(differencesFromHub([...hubSide, ...tablets], stored)).toEqual([]);
    },
    150_000,
  );
});
