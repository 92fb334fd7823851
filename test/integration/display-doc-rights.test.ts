import { afterEach, describe, expect, it } from 'vitest';
import { DISPLAY_DOC, readDisplay, setDisplayMode, setTheme, showCategory } from '@judgehub/model';
import { ProtocolClient } from '../helpers/protocolClient.js';
import { TestHubs, tokenFor } from '../helpers/testHubs.js';
import { waitFor } from '../helpers/waitFor.js';

describe('the display document on a real hub', () => {
  const hubs = new TestHubs();
  afterEach(() => hubs.cleanup());

  it('the organiser and the head judge change what the screens show; a scoreboard only follows', async () => {
    const testHub = await hubs.start();
    const scoreboard = new ProtocolClient(
      hubs.rawSocket(testHub, DISPLAY_DOC, tokenFor(testHub, 'scoreboard')),
    );
    const organiser = new ProtocolClient(
      hubs.rawSocket(testHub, DISPLAY_DOC, tokenFor(testHub, 'organiser')),
    );
    const headJudge = new ProtocolClient(
      hubs.rawSocket(testHub, DISPLAY_DOC, tokenFor(testHub, 'head-judge')),
    );
    await waitFor(
      () => scoreboard.synced && organiser.synced && headJudge.synced,
      5_000,
      'everyone to sync',
    );
    expect(scoreboard.handshake).toMatchObject({ canWrite: false, role: 'scoreboard' });
    expect(organiser.handshake).toMatchObject({ canWrite: true });
    expect(headJudge.handshake).toMatchObject({ canWrite: true });

    // The organiser picks a category; the head judge (at the ceremony) a theme: both reach the
    // scoreboard, and both are on the hub's disk (acknowledged).
    showCategory(organiser.doc, 'innovation-project', 1_000);
    setTheme(headJudge.doc, 'light');
    await waitFor(
      () => {
        const shown = readDisplay(scoreboard.doc);
        return shown.mode === 'category' && shown.theme === 'light';
      },
      5_000,
      'the scoreboard to follow',
    );
    expect(readDisplay(scoreboard.doc).categoryId).toBe('innovation-project');
    await waitFor(
      () => organiser.ownChangesDurable() && headJudge.ownChangesDurable(),
      5_000,
      'durable acks',
    );

    // A scoreboard's own change is refused and never reaches anyone.
    setDisplayMode(scoreboard.doc, 'welcome', 2_000);
    await waitFor(() => scoreboard.denials.length === 1, 5_000, 'the refusal');
    expect(readDisplay(testHub.hub.registry.get(DISPLAY_DOC).doc).mode).toBe('category');
    await organiser.roundTrip();
    expect(readDisplay(organiser.doc).mode).toBe('category');

    // What was set survives a restart of the hub.
    await hubs.stop(testHub);
    const restarted = await hubs.start({ dataDir: testHub.dataDir });
    expect(readDisplay(restarted.hub.registry.get(DISPLAY_DOC).doc)).toMatchObject({
      mode: 'category',
      categoryId: 'innovation-project',
      theme: 'light',
    });
  });
});
