import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { captureBoard } from './boardLayout.js';
import { freePort, startHubProcess, tempDataDir, type HubProcess } from './hubProcess.js';
import {
  MIDDAY,
  VENUE_HOST,
  controlsLink,
  openAt,
  press,
  submit,
  venueBoardLink,
  venueLaunchOptions,
} from './scoreboardSetup.js';

// Screenshots are compared by eye and checked for layout; motion would only blur them.
test.use({ reducedMotion: 'reduce', launchOptions: venueLaunchOptions() });

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

const SIZES = [
  [1920, 1080],
  [1280, 720],
] as const;

/** A small logo, as an organiser would pick from their files. */
const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120"><circle cx="60" cy="60" r="56" fill="#f59e0b"/><path d="M30 78 60 28l30 50z" fill="#0f172a"/><circle cx="60" cy="64" r="10" fill="#fff"/></svg>`;

test('every mode the organiser picks reaches every screen, legible at 1080p and 720p', async ({
  context,
}, testInfo) => {
  test.setTimeout(120_000);
  await submit(hub!, MIDDAY);

  const controls = await openAt(context, controlsLink(hub!), 1400, 1000);
  await expect(controls.getByTestId('scoreboard-controls')).toBeVisible({ timeout: 15_000 });
  // Long lists hold their first page for a minute after each change: the checks below read it.
  await press(controls, 'rotate-60');
  const boards = await Promise.all(
    SIZES.map(([w, h]) => openAt(context, venueBoardLink(hub!), w, h)),
  );
  for (const board of boards)
    await expect(board.getByTestId('board-live')).toBeVisible({ timeout: 15_000 });

  /** Clicks a control, then waits until every screen shows `mode`, and captures each. */
  const show = async (name: string, mode: string, ready?: (board: Page) => Promise<void>) => {
    for (const board of boards) {
      await expect(board.getByTestId('scoreboard')).toHaveAttribute('data-mode', mode);
      if (ready) await ready(board);
      await captureBoard(board, testInfo, name);
    }
  };

  // A logo over 256 KB is refused with its size; a small one is taken.
  await controls.getByTestId('logo-file').setInputFiles({
    name: 'poster.png',
    mimeType: 'image/png',
    buffer: Buffer.alloc(300 * 1024, 1),
  });
  await expect(controls.getByTestId('logo-error')).toHaveText(
    'The logo is 300 KB; the largest the scoreboard takes is 256 KB. Save it smaller (e.g. 600 pixels wide) and try again.',
  );
  await controls.getByTestId('logo-file').setInputFiles({
    name: 'logo.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from(LOGO_SVG),
  });
  await expect(controls.getByTestId('logo-error')).toBeHidden();

  // Welcome: name, logo, progress and the join QR code, which holds no token.
  await press(controls, 'mode-welcome');
  await show('welcome', 'welcome', async (board) => {
    await expect(board.getByTestId('welcome')).toContainText('Riverside Regional Robotics');
    await expect(board.locator('.sb-welcome-logo')).toBeVisible();
    const qr = board.getByTestId('join-qr');
    await expect(qr).toBeVisible();
    await expect(qr).toHaveAttribute('data-url', `http://${VENUE_HOST}:${hub!.port}/join`);
  });

  // Every category side by side; provisional scores say how many judges counted.
  await press(controls, 'mode-overview');
  await show('overview', 'overview', async (board) => {
    const design = board.getByTestId('board-robot-design');
    await expect(design.getByTestId('row-T01')).toHaveAttribute('data-rank', '1');
    await expect(design.getByTestId('row-T05')).toContainText('1/3 judges');
    await expect(design.getByTestId('row-T05')).toHaveAttribute('data-provisional', 'true');
    await expect(design.getByTestId('row-T04')).toHaveAttribute('data-rank', '6');
    await expect(design.getByTestId('row-T09')).toHaveAttribute('data-rank', '6');
    await expect(board.getByTestId('board-innovation-project')).toContainText('Provisional');
  });

  // One category, full screen, turning pages when it does not fit.
  await press(controls, 'category-robot-design');
  await show('category', 'category', async (board) => {
    await expect(board.getByTestId('board-single')).toHaveAttribute(
      'data-category-id',
      'robot-design',
    );
    await expect(board.getByTestId('row-T01')).toBeVisible();
  });

  // Scroll instead of pages: the list moves up a row at a time.
  await press(controls, 'list-scroll');
  await show('category-scroll', 'category', async (board) => {
    await expect(board.getByTestId('row-T01')).toBeVisible();
  });
  await press(controls, 'list-paginate');

  // Rotation: both screens show the same category, and the bar names them all.
  await press(controls, 'rotate-30');
  await press(controls, 'mode-rotate');
  await show('rotate', 'rotate', async (board) => {
    await expect(board.getByTestId('rotation')).toHaveAttribute('data-current', 'robot-design');
  });

  // A team in the spotlight: its place in each category.
  await controls.bringToFront();
  await controls.getByTestId('spotlight-team').selectOption('T05');
  await press(controls, 'spotlight-show');
  await show('spotlight', 'spotlight', async (board) => {
    await expect(board.getByTestId('spotlight')).toHaveAttribute('data-team-id', 'T05');
    await expect(board.getByTestId('spotlight-robot-design')).toContainText('3rd');
    await expect(board.getByTestId('spotlight-innovation-project')).toContainText('2nd');
    await expect(board.getByTestId('join-qr')).toHaveCount(0);
  });

  // Frozen, in the light theme.
  await press(controls, 'mode-overview');
  await press(controls, 'freeze');
  await press(controls, 'theme-light');
  await show('frozen-light', 'overview', async (board) => {
    await expect(board.getByTestId('board-frozen')).toContainText('Standings as of');
    await expect(board.getByTestId('scoreboard')).toHaveAttribute('data-theme', 'light');
  });
  await press(controls, 'theme-dark');

  // Awards reveal of every place in Robot Design, from the frozen standings.
  await press(controls, 'reveal-category-robot-design');
  await press(controls, 'reveal-places-all');
  await press(controls, 'reveal-start');
  await show('reveal-title', 'reveal', async (board) => {
    await expect(board.getByTestId('reveal')).toHaveAttribute('data-shown', '0');
    await expect(board.getByTestId('reveal')).toContainText('From 11th place to the winner');
    await expect(board.getByTestId('join-qr')).toHaveCount(0);
  });
  // 11th, 10th, 9th, 8th, then T04 and T09 share 6th.
  for (let i = 0; i < 5; i++) await press(controls, 'reveal-next');
  await show('reveal-shared', 'reveal', async (board) => {
    const current = board.getByTestId('reveal-current');
    await expect(current).toHaveAttribute('data-rank', '6');
    await expect(current).toContainText('Shared 6th place');
    await expect(current.getByTestId('reveal-team')).toHaveCount(2);
  });
  for (let i = 0; i < 5; i++) await press(controls, 'reveal-next');
  await expect(controls.getByTestId('reveal-next')).toBeDisabled();
  await show('reveal-winner', 'reveal', async (board) => {
    const current = board.getByTestId('reveal-current');
    await expect(current).toHaveAttribute('data-rank', '1');
    await expect(current).toContainText('Winner');
    await expect(current).toContainText('Circuit Breakers');
  });

  await controls.screenshot({
    path: testInfo.outputPath('controls-during-reveal.png'),
    fullPage: true,
  });
  // Ending the ceremony shows the category's full standings.
  await press(controls, 'reveal-end');
  for (const board of boards)
    await expect(board.getByTestId('board-single')).toHaveAttribute(
      'data-category-id',
      'robot-design',
    );
});
