import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { freePort, startHubProcess, tempDataDir, type HubProcess } from './hubProcess.js';

// J1 (Amara Okafor) judges T01 Circuit Breakers in Robot Design in the demo event.
const TEAM = 'T01';
const CATEGORY = 'robot-design';

let dataDir: string;
let port: number;
let hub: HubProcess | null = null;

test.beforeEach(async () => {
  dataDir = tempDataDir();
  port = await freePort();
  hub = await startHubProcess(dataDir, port);
});

test.afterEach(async () => {
  await hub?.stop();
  hub = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a submitted sheet moves the team up the live scoreboard, and survives a hub restart', async ({
  context,
}, testInfo) => {
  const judgeLink = hub!.links.get('J1 Amara Okafor');
  const boardLink = hub!.links.get('Scoreboard');
  expect(judgeLink, hub!.output()).toBeTruthy();
  expect(boardLink, hub!.output()).toBeTruthy();

  // Screens tall enough for all 14 teams of a category on one page: a page turn (every 15 s)
  // would hide the row this test follows.
  const tall = { width: 1920, height: 1600 };
  const board = await context.newPage();
  await board.setViewportSize(tall);
  await board.goto(boardLink!);
  const row = board.getByTestId(`board-${CATEGORY}`).getByTestId(`row-${TEAM}`);
  await expect(row).toContainText('awaiting scores');

  const judge = await context.newPage();
  await judge.setViewportSize({ width: 1024, height: 768 });
  await judge.goto(judgeLink!);
  await expect(judge.getByTestId('judge-name')).toHaveText('Amara Okafor');
  await judge.getByTestId(`team-${TEAM}-${CATEGORY}`).click();

  // Score every criterion: 8 on the 1–10 criteria, 4 on the 1–5 one.
  // Robot Design weights: mechanical 2, programming 2, strategy 1, innovation 1, explanation 1
  // → 2·8 + 2·8 + 8 + 8 + 4 = 52.
  for (const [criterion, value] of [
    ['mechanical', 8],
    ['programming', 8],
    ['strategy', 8],
    ['innovation', 8],
    ['explanation', 4],
  ] as const) {
    const group = judge.getByTestId(`criterion-${criterion}`);
    await group.getByRole('radio', { name: String(value), exact: true }).click();
    await expect(group.getByTestId('saved-on-hub')).toBeVisible();
  }
  await judge.getByTestId('comment').fill('Solid drivetrain, clever sensor use.');
  await judge.getByTestId('submit').click();
  await expect(judge.getByTestId('submitted')).toContainText('saved on hub');
  await expect(judge.getByTestId('waiting')).toHaveText('all saved on hub');

  // The scoreboard, open all along in the other tab, updates without a reload.
  await expect(row).toHaveAttribute('data-rank', '1');
  await expect(row).toContainText('52.00');
  await expect(row).toContainText('1/3 judges');
  await board.screenshot({ path: testInfo.outputPath('scoreboard-after-submit.png') });

  // Stop the hub: the board keeps the standings and says they are stale.
  await hub!.stop();
  await expect(board.getByTestId('stale')).toBeVisible({ timeout: 10_000 });
  await expect(row).toHaveAttribute('data-rank', '1');

  // Start it again on the same data folder: the board reconnects by itself, still showing the team.
  hub = await startHubProcess(dataDir, port);
  await expect(board.getByTestId('stale')).toBeHidden({ timeout: 40_000 });
  await expect(row).toHaveAttribute('data-rank', '1');
  await expect(row).toContainText('52.00');

  // A freshly opened scoreboard gets the same standings from the restarted hub.
  const fresh = await context.newPage();
  await fresh.setViewportSize(tall);
  await fresh.goto(boardLink!);
  await expect(fresh.getByTestId(`board-${CATEGORY}`).getByTestId(`row-${TEAM}`)).toHaveAttribute(
    'data-rank',
    '1',
  );
  await expect(fresh.getByTestId(`board-${CATEGORY}`).getByTestId(`row-${TEAM}`)).toContainText(
    '52.00',
  );

  // And the judge's sheet is still submitted with every value on the hub.
  await judge.reload();
  await expect(judge.getByTestId(`team-${TEAM}-${CATEGORY}`)).toContainText('Submitted');
});
