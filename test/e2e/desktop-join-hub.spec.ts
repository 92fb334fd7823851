import { expect, test } from '@playwright/test';
import {
  callsOf,
  clientView,
  cspViolations,
  desktopState,
  listing,
  openStartPage,
  setState,
} from './desktopDouble.js';

test.use({ viewport: { width: 960, height: 860 } });

const ROBOTICS = listing({
  hubId: 'hub-robotics1',
  eventName: 'Robotics Regional 2026',
  address: '192.168.1.20:7420',
  otherAddresses: 1,
  lastUsed: true,
});
const SCIENCE = listing({
  hubId: 'hub-science01',
  eventName: 'Science Fair',
  address: '192.168.1.31:7420',
});
const OLD = listing({
  hubId: 'hub-oldhub001',
  eventName: 'Dance Cup',
  address: '192.168.1.40:7420',
  joinable: false,
  note: 'This hub runs an older JudgeHub. Update the hub laptop’s JudgeHub to join it.',
});

const joinScreen = (client = clientView()) =>
  desktopState({ screen: 'join', mode: 'client', client });

test.afterEach(async ({ page }) => {
  expect(await cspViolations(page)).toEqual([]);
});

test('hubs found on the network are listed; picking one asks the main process by hub id only', async ({
  page,
}, testInfo) => {
  await openStartPage(page, joinScreen(clientView({ hubs: [ROBOTICS, SCIENCE, OLD] })));

  const rows = page.getByTestId('hub-list').getByRole('button');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Robotics Regional 2026');
  await expect(rows.nth(0)).toContainText('Last used');
  await expect(rows.nth(0)).toContainText('192.168.1.20:7420 (and 1 other address)');
  // A hub of another version is shown, with why it cannot be joined, and cannot be picked.
  const old = page.getByTestId('hub-hub-oldhub001');
  await expect(old).toBeDisabled();
  await expect(old).toContainText('older JudgeHub');
  await page.screenshot({ path: testInfo.outputPath('desktop-hub-list.png'), fullPage: true });

  await page.getByTestId('hub-hub-science01').click();

  expect(await callsOf(page, 'connectToHub')).toEqual([
    ['connectToHub', { kind: 'listed', hubId: 'hub-science01' }],
  ]);
});

test('hubs appearing while the window is open show up without a reload', async ({ page }) => {
  await openStartPage(page, joinScreen());
  await expect(page.getByTestId('no-hubs')).toContainText(
    'Check that this laptop is on the venue Wi-Fi',
  );

  await setState(page, joinScreen(clientView({ hubs: [SCIENCE] })));

  await expect(page.getByTestId('hub-hub-science01')).toContainText('Science Fair');
  await expect(page.getByTestId('no-hubs')).toHaveCount(0);
});

test('a typed address that cannot be joined: the reason is shown at the field, and a retry works', async ({
  page,
}, testInfo) => {
  await openStartPage(page, joinScreen());
  await page.evaluate(() =>
    window.__desktop.answerConnect({
      ok: false,
      reason: 'unreachable',
      message:
        'Nothing answers at 10.0.0.9:7420. Check that this laptop is on the venue network and that the hub is running, then try again.',
      address: '10.0.0.9:7420',
    }),
  );
  const input = page.getByTestId('address-input');

  await input.fill('10.0.0.9');
  await input.press('Enter');

  await expect(page.getByTestId('address-error')).toContainText('Nothing answers at 10.0.0.9:7420');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: testInfo.outputPath('desktop-address-error.png'), fullPage: true });

  await input.fill('192.168.1.20');
  await page.getByRole('button', { name: 'Connect' }).click();

  await expect(page.getByTestId('address-error')).toHaveCount(0);
  expect(await callsOf(page, 'connectToHub')).toEqual([
    ['connectToHub', { kind: 'address', address: '10.0.0.9' }],
    ['connectToHub', { kind: 'address', address: '192.168.1.20' }],
  ]);
});

test('a hub that went away while in use: the window says what happened and that it keeps trying', async ({
  page,
}, testInfo) => {
  await openStartPage(
    page,
    joinScreen(
      clientView({
        hubs: [SCIENCE],
        lastHub: { label: 'Robotics Regional 2026', address: '192.168.1.20:7420' },
        reconnect: {
          label: 'Robotics Regional 2026',
          address: '192.168.1.20:7420',
          attempt: 3,
          waiting: true,
        },
        problem: {
          reason: 'lost',
          message:
            "The hub's page could not be loaded (ERR_ADDRESS_UNREACHABLE). Scores already entered stay on this laptop; JudgeHub keeps trying to get back to the hub.",
          address: '192.168.1.20:7420',
        },
      }),
    ),
  );

  await expect(page.getByTestId('reconnecting')).toContainText(
    'Getting back to Robotics Regional 2026 (192.168.1.20:7420)… Not reachable yet; trying again (attempt 3).',
  );
  await expect(page.getByTestId('connection-problem')).toContainText(
    'Scores already entered stay on this laptop',
  );
  // While it is trying, there is no second "Rejoin" button competing with it.
  await expect(page.getByTestId('rejoin-last')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('desktop-reconnecting.png'), fullPage: true });

  await page.getByRole('button', { name: 'Choose another hub' }).click();

  await expect(page.getByTestId('reconnecting')).toHaveCount(0);
  expect(await callsOf(page, 'cancelReconnect')).toHaveLength(1);
  await page.getByTestId('rejoin-last').click();
  expect(await callsOf(page, 'connectToHub')).toEqual([['connectToHub', { kind: 'last' }]]);
});

test('when this laptop cannot look for hubs, it says why and typing an address still works', async ({
  page,
}) => {
  await openStartPage(
    page,
    joinScreen(
      clientView({
        discovery: {
          active: false,
          detail:
            'Cannot look for hubs: no network interface with an IPv4 address (only loopback or virtual adapters).',
        },
      }),
    ),
  );

  await expect(page.getByTestId('discovery-status')).toContainText(
    'Cannot look for hubs: no network interface',
  );
  await page.getByTestId('address-input').fill('http://192.168.1.20:7420/judge?token=abc');
  await page.getByRole('button', { name: 'Connect' }).click();
  expect(await callsOf(page, 'connectToHub')).toEqual([
    ['connectToHub', { kind: 'address', address: 'http://192.168.1.20:7420/judge?token=abc' }],
  ]);
});
