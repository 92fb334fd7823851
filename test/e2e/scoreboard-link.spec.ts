import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { freePort, startHubProcess, tempDataDir, type HubProcess } from './hubProcess.js';
import { controlsLink, hubLink, openAt, press, sheetsFor, submit } from './scoreboardSetup.js';

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

test('a scoreboard that loses the hub says it is stale within 5 s, keeps the standings and recovers by itself', async ({
  context,
}) => {
  await submit(hub!, sheetsFor('T01', 'robot-design', 8));
  const board = await context.newPage();
  // Tall enough for all 14 teams on one page: a page turn would hide the row this test follows.
  await board.setViewportSize({ width: 1920, height: 1600 });
  // Every sync socket passes through here, so the test can make the network go silent: nothing
  // arrives, nothing closes, nothing errors (the hardest cut to notice, as when a laptop walks
  // out of Wi-Fi range; the browser's offline event does not come to help).
  let silent = false;
  await board.routeWebSocket(/\/sync\//, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      if (!silent) server.send(message);
    });
    server.onMessage((message) => {
      if (!silent) socket.send(message);
    });
  });
  await board.goto(hubLink(hub!, 'Scoreboard'));
  const row = board.getByTestId('board-robot-design').getByTestId('row-T01');
  await expect(row).toHaveAttribute('data-rank', '1', { timeout: 15_000 });
  await expect(board.getByTestId('board-live')).toBeVisible();

  const cut = Date.now();
  silent = true;
  await expect(board.getByTestId('stale')).toBeVisible({ timeout: 5_000 });
  expect(Date.now() - cut).toBeLessThanOrEqual(5_000);
  await expect(board.getByTestId('stale')).toHaveText(/^Stale since \d{1,2}:\d{2}/);
  await expect(row).toHaveAttribute('data-rank', '1');

  silent = false;
  await expect(board.getByTestId('stale')).toBeHidden({ timeout: 10_000 });
  await expect(board.getByTestId('board-live')).toBeVisible();

  // The hub itself stops: the same within 5 s, and back once it runs again on the same address.
  const stopped = Date.now();
  await hub!.stop();
  await expect(board.getByTestId('stale')).toBeVisible({ timeout: 5_000 });
  expect(Date.now() - stopped).toBeLessThanOrEqual(5_000);
  hub = await startHubProcess(dataDir, port);
  await expect(board.getByTestId('stale')).toBeHidden({ timeout: 10_000 });
  await expect(row).toHaveAttribute('data-rank', '1');
});

/** Every category change on a screen: [hub-independent wall time, category shown]. */
async function recordRotation(board: Page): Promise<void> {
  await board.evaluate(() => {
    const log: [number, string][] = [];
    (window as unknown as { rotation: typeof log }).rotation = log;
    let last = '';
    const note = () => {
      const current = document
        .querySelector('[data-testid=rotation]')
        ?.getAttribute('data-current');
      if (current && current !== last) log.push([Date.now(), (last = current)]);
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-current'],
    });
    note();
  });
}

const rotationLog = (board: Page) =>
  board.evaluate(() => (window as unknown as { rotation: [number, string][] }).rotation);

test('two scoreboards opened at different times rotate in step', async ({ context, browser }) => {
  const controls = await openAt(context, controlsLink(hub!), 1280, 900);
  await press(controls, 'rotate-8');
  await press(controls, 'mode-rotate');

  // Two screens as two devices (each its own browser window, neither in the background), the
  // second opened seconds after the first and at another size.
  const screens = [await browser.newContext(), await browser.newContext()];
  const first = await openAt(screens[0]!, hubLink(hub!, 'Scoreboard'), 1280, 720);
  await expect(first.getByTestId('rotation')).toBeVisible({ timeout: 15_000 });
  await first.waitForTimeout(2_500);
  const second = await openAt(screens[1]!, hubLink(hub!, 'Scoreboard'), 1920, 1080);
  await expect(second.getByTestId('rotation')).toBeVisible({ timeout: 15_000 });
  for (const board of [first, second]) await recordRotation(board);

  // Watch both through a change of category (every 8 s).
  await expect
    .poll(
      async () => Math.min((await rotationLog(first)).length, (await rotationLog(second)).length),
      {
        timeout: 12_000,
      },
    )
    .toBeGreaterThanOrEqual(2);
  await first.waitForTimeout(500);
  const [a, b] = [await rotationLog(first), await rotationLog(second)];
  // At every moment both were watched, they showed the same category, but for at most half a
  // second around a change (each screen checks its clock 4 times a second).
  const shownAt = (log: [number, string][], t: number) =>
    [...log].reverse().find(([at]) => at <= t)?.[1];
  const from = Math.max(a[0]![0], b[0]![0]);
  let apartMs = 0;
  for (let t = from; t <= Date.now() - 500; t += 50)
    if (shownAt(a, t) !== shownAt(b, t)) apartMs += 50;
  expect(apartMs).toBeLessThan(500);
  for (const screen of screens) await screen.close();
});
