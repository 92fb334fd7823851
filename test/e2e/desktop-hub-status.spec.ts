import { expect, test } from '@playwright/test';
import type { HubReadyInfo, HubState } from '@judgehub/desktop/contract';
import { callsOf, cspViolations, desktopState, openStartPage, setState } from './desktopDouble.js';

test.use({ viewport: { width: 960, height: 720 } });

const HUB: HubReadyInfo = {
  port: 7420,
  url: 'http://127.0.0.1:7420',
  lanUrl: 'http://192.168.1.20:7420',
  hubId: 'b2c1f0e4-5d6a-4f7e-9a1b-2c3d4e5f6a7b',
  eventName: 'Robotics Regional 2026',
  eventId: 'robotics-2026',
  generation: 3,
  quarantined: 0,
  dataDir: '/home/organiser/.config/JudgeHub/data',
  hasScoreboard: true,
};
const hubScreen = (hub: HubState) => desktopState({ screen: 'hub', mode: 'hub', hub });

test.afterEach(async ({ page }) => {
  expect(await cspViolations(page)).toEqual([]);
});

test('a running hub shows its event and the address tablets join at', async ({
  page,
}, testInfo) => {
  await openStartPage(page, hubScreen({ status: 'starting', attempt: 1 }));
  await expect(page.getByTestId('hub-starting')).toContainText('Starting the hub…');

  await setState(page, hubScreen({ status: 'running', hub: HUB }));

  await expect(page.getByTestId('event-name')).toHaveText('Event: Robotics Regional 2026');
  await expect(page.getByTestId('lan-url')).toHaveText('http://192.168.1.20:7420');
  await page.screenshot({ path: testInfo.outputPath('desktop-hub-running.png') });
  await page.getByRole('button', { name: 'Open scoreboard' }).click();
  await page.getByRole('button', { name: 'Open organiser' }).click();
  expect(await callsOf(page, 'hubAction')).toEqual([
    ['hubAction', 'open-scoreboard'],
    ['hubAction', 'open-organiser'],
  ]);
});

test('before an event exists: no scoreboard yet, and a laptop on no network is told tablets cannot reach it', async ({
  page,
}) => {
  await openStartPage(
    page,
    hubScreen({
      status: 'running',
      hub: { ...HUB, eventName: '', lanUrl: null, hasScoreboard: false },
    }),
  );

  await expect(page.getByTestId('event-name')).toHaveText(
    'No event yet: set it up in the organiser window.',
  );
  await expect(page.getByTestId('no-network')).toContainText('tablets cannot reach it');
  await expect(page.getByRole('button', { name: 'Open scoreboard' })).toBeDisabled();
});

test('a hub that died is being restarted: the window says so and why', async ({
  page,
}, testInfo) => {
  await openStartPage(
    page,
    hubScreen({
      status: 'restarting',
      attempt: 2,
      reason: 'The hub process ended unexpectedly (exit code 134).',
      retryInMs: 2_000,
    }),
  );

  await expect(page.getByTestId('hub-restarting')).toContainText(
    'The hub stopped; starting it again in 2 s',
  );
  await expect(page.getByTestId('hub-reason')).toHaveText(
    'The hub process ended unexpectedly (exit code 134).',
  );
  await expect(page.getByTestId('hub-restarting')).toContainText(
    'Nothing the hub confirmed is lost.',
  );
  await page.screenshot({ path: testInfo.outputPath('desktop-hub-restarting.png') });
});

test('a hub that keeps failing: the reason, and "Try again"; a refused action explains itself', async ({
  page,
}, testInfo) => {
  await openStartPage(
    page,
    hubScreen({
      status: 'failed',
      reason:
        'Port 7420 is already in use on this laptop: is another JudgeHub hub (or `judgehub serve`) running? Close it and try again.',
    }),
  );

  await expect(page.getByTestId('hub-failed')).toContainText('The hub is not running');
  await expect(page.getByTestId('hub-reason')).toContainText('Port 7420 is already in use');
  await page.screenshot({ path: testInfo.outputPath('desktop-hub-failed.png') });
  await page.getByTestId('retry').click();
  expect(await callsOf(page, 'hubAction')).toEqual([['hubAction', 'retry']]);

  await page.evaluate(() =>
    window.__desktop.answerHubAction({
      ok: false,
      message: 'The data folder could not be opened.',
    }),
  );
  await page.getByRole('button', { name: 'Show data folder' }).click();
  await expect(page.getByTestId('action-error')).toHaveText('The data folder could not be opened.');
});
