import { expect, test } from '@playwright/test';
import {
  callsOf,
  clientView,
  cspViolations,
  desktopState,
  listing,
  openStartPage,
} from './desktopDouble.js';

test.use({ viewport: { width: 960, height: 720 } });

test('first start: the laptop is asked what it is for, and "Join a hub" leads to the hub list', async ({
  page,
}, testInfo) => {
  await openStartPage(page, desktopState({ screen: 'mode-choice', mode: null }));

  await expect(page.getByRole('heading', { name: 'How will this laptop be used?' })).toBeVisible();
  const hub = page.getByTestId('mode-hub');
  const join = page.getByTestId('mode-client');
  await expect(hub).toContainText('Run the hub on this laptop');
  await expect(hub).toContainText('keeps every score');
  await expect(join).toContainText('Join a hub');
  // Nothing to go back to on a first start.
  await expect(page.getByTestId('mode-back')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('desktop-mode-choice.png') });

  await join.click();

  await expect(page.getByRole('heading', { name: 'Join a hub' })).toBeVisible();
  expect(await callsOf(page, 'chooseMode')).toEqual([['chooseMode', 'client']]);
  expect(await cspViolations(page)).toEqual([]);
});

test('"Change mode" shows the choice with the current mode marked, and Back returns', async ({
  page,
}) => {
  await openStartPage(
    page,
    desktopState({
      screen: 'join',
      mode: 'client',
      client: clientView({
        hubs: [listing({ hubId: 'hub-aaaaaaaa', eventName: 'Robotics Regional' })],
      }),
    }),
  );
  await expect(page.getByTestId('hub-hub-aaaaaaaa')).toBeVisible();

  await page.getByRole('button', { name: 'Change mode' }).click();

  await expect(page.getByTestId('mode-client')).toContainText('Current');
  await expect(page.getByTestId('mode-hub')).not.toContainText('Current');
  await page.getByTestId('mode-back').click();
  await expect(page.getByTestId('hub-hub-aaaaaaaa')).toBeVisible();
  // Going back changed nothing in the main process.
  expect(await callsOf(page, 'chooseMode')).toEqual([]);
});

test('"Run the hub on this laptop" asks the main process for hub mode', async ({ page }) => {
  await openStartPage(page, desktopState());

  await page.getByTestId('mode-hub').click();

  await expect(page.getByTestId('hub-status')).toBeVisible();
  expect(await callsOf(page, 'chooseMode')).toEqual([['chooseMode', 'hub']]);
});

test('opened outside the app (no preload API), the page says so instead of failing silently', async ({
  page,
}) => {
  await openStartPage(page, null);

  await expect(page.getByRole('alert')).toHaveText(
    'This page belongs to the JudgeHub desktop app and does nothing in a browser.',
  );
});
