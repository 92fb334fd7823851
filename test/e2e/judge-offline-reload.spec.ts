import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { freePort, startHubProcess, tempDataDir, type HubProcess } from './hubProcess.js';

// J1 (Amara Okafor) judges T01 Circuit Breakers in Robot Design in the demo event.
const TEAM = 'T01';
const CATEGORY = 'robot-design';

let dataDir: string;
let hub: HubProcess | null = null;

test.beforeEach(async () => {
  dataDir = tempDataDir();
  hub = await startHubProcess(dataDir, await freePort());
});

test.afterEach(async () => {
  await hub?.stop();
  hub = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function score(judge: Page, criterion: string, value: number) {
  await judge
    .getByTestId(`criterion-${criterion}`)
    .getByRole('radio', { name: String(value), exact: true })
    .click();
}

test('a judge keeps scoring offline, reloads without the hub, and every value reaches the scoreboard', async ({
  context,
}, testInfo) => {
  const judge = await context.newPage();
  await judge.goto(hub!.links.get('J1 Amara Okafor')!);
  // The app keeps a copy of itself on the device before we go offline.
  await judge.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await judge.getByTestId(`team-${TEAM}-${CATEGORY}`).click();

  // Online: two values, both confirmed by the hub.
  await score(judge, 'mechanical', 9);
  await score(judge, 'programming', 7);
  await expect(judge.getByTestId('criterion-mechanical').getByTestId('saved-on-hub')).toBeVisible();
  await expect(
    judge.getByTestId('criterion-programming').getByTestId('saved-on-hub'),
  ).toBeVisible();

  // The tablet loses the network.
  await context.setOffline(true);
  await expect(judge.getByTestId('connection')).toHaveAttribute(
    'data-state',
    /offline|connecting/,
    {
      timeout: 15_000,
    },
  );
  await expect(judge.getByTestId('connection')).toContainText(/Offline|Connecting/);

  // Offline: the rest of the sheet, the comment and the submission stay on the tablet.
  await score(judge, 'strategy', 6);
  await score(judge, 'innovation', 10);
  await score(judge, 'explanation', 3);
  await expect(judge.getByTestId('criterion-strategy').getByTestId('on-tablet')).toBeVisible();
  await judge.getByTestId('comment').fill('Fast autonomous run');
  await judge.getByTestId('submit').click();
  await expect(judge.getByTestId('submitted')).toContainText('waiting to reach the hub');
  await expect(judge.getByTestId('waiting')).toHaveText(/[1-9]\d* waiting to send/);

  // Reload while still offline: the app opens from the device and every value is there.
  await judge.reload();
  await judge.getByTestId(`team-${TEAM}-${CATEGORY}`).click();
  for (const [criterion, value] of [
    ['mechanical', 9],
    ['programming', 7],
    ['strategy', 6],
    ['innovation', 10],
    ['explanation', 3],
  ] as const) {
    await expect(
      judge
        .getByTestId(`criterion-${criterion}`)
        .getByRole('radio', { name: String(value), exact: true }),
    ).toHaveAttribute('aria-checked', 'true');
  }
  // What the hub had confirmed before the drop still says so; the rest is honest about it.
  await expect(judge.getByTestId('criterion-mechanical').getByTestId('saved-on-hub')).toBeVisible();
  await expect(judge.getByTestId('criterion-strategy').getByTestId('on-tablet')).toBeVisible();
  await expect(judge.getByTestId('comment')).toHaveValue('Fast autonomous run');
  await judge.screenshot({ path: testInfo.outputPath('judge-offline-after-reload.png') });

  // Back online: everything goes to the hub by itself and turns to "saved on hub".
  await context.setOffline(false);
  await expect(judge.getByTestId('waiting')).toHaveText('all saved on hub', { timeout: 40_000 });
  await expect(
    judge.getByTestId('criterion-explanation').getByTestId('saved-on-hub'),
  ).toBeVisible();
  await expect(judge.getByTestId('submitted')).toContainText('saved on hub');

  // Robot Design weights 2,2,1,1,1 → 2·9 + 2·7 + 6 + 10 + 3 = 51.
  // A screen tall enough for all 14 teams of a category on one page: a page turn (every 15 s)
  // would hide the row this test follows.
  const board = await context.newPage();
  await board.setViewportSize({ width: 1920, height: 1600 });
  await board.goto(hub!.links.get('Scoreboard')!);
  const row = board.getByTestId(`board-${CATEGORY}`).getByTestId(`row-${TEAM}`);
  await expect(row).toHaveAttribute('data-rank', '1');
  await expect(row).toContainText('51.00');
});
