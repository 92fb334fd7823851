import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { freePort, startHubProcess, tempDataDir, type HubProcess } from './hubProcess.js';
import { waitForLiveResults } from './judgeSheets.js';
import { controlsLink, hubLink, openAt, press, sheetsFor, submit } from './scoreboardSetup.js';

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

/** Robot Design full screen, holding its first page for a minute: the test never sees a turn. */
async function showRobotDesign(controls: Page): Promise<void> {
  await press(controls, 'rotate-60');
  await press(controls, 'category-robot-design');
}

const rankOf = (board: Page, teamId: string) =>
  board.getByTestId('board-robot-design').getByTestId(`row-${teamId}`);

/** Notes every row that starts a move animation (Element.animate with a translateY). */
async function recordMoves(page: Page): Promise<void> {
  await page.evaluate(() => {
    const moves: string[] = [];
    (window as unknown as { moves: string[] }).moves = moves;
    const animate = Element.prototype.animate;
    Element.prototype.animate = function (this: Element, keyframes, options) {
      if (JSON.stringify(keyframes).includes('translateY'))
        moves.push(this.getAttribute('data-testid') ?? '?');
      return animate.call(this, keyframes, options);
    };
  });
}

const movesOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { moves: string[] }).moves);

/** The rows of Robot Design showing a rank (teams awaiting scores have none). */
const ranked = (board: Page) =>
  board.getByTestId('board-robot-design').locator('[data-rank]:not([data-rank=""])');

test('a frozen scoreboard keeps its standings while new scores arrive; unfreezing shows the new order', async ({
  context,
}) => {
  await submit(hub!, [
    ...sheetsFor('T01', 'robot-design', 6),
    ...sheetsFor('T03', 'robot-design', 5),
  ]);
  const controls = await openAt(context, controlsLink(hub!), 1280, 900);
  const board = await openAt(context, hubLink(hub!, 'Scoreboard'), 1280, 720);
  await showRobotDesign(controls);
  await expect(rankOf(board, 'T01')).toHaveAttribute('data-rank', '1', { timeout: 15_000 });
  await expect(rankOf(board, 'T03')).toHaveAttribute('data-rank', '2');

  await press(controls, 'freeze');
  await expect(board.getByTestId('board-frozen')).toBeVisible();

  // T05 is scored higher than everyone, and the hub's live standings have it first…
  await submit(hub!, sheetsFor('T05', 'robot-design', 9));
  const scoreboardToken = new URL(hubLink(hub!, 'Scoreboard')).searchParams.get('token')!;
  await waitForLiveResults(
    hub!.baseUrl,
    scoreboardToken,
    (r) => r.categories[0]?.standings[0]?.teamId === 'T05',
    'T05 first in the live results',
  );
  // …but the frozen screen does not move, nor does a screen that connects only now.
  const later = await openAt(context, hubLink(hub!, 'Scoreboard'), 1280, 720);
  for (const screen of [board, later]) {
    await expect(screen.getByTestId('board-frozen')).toBeVisible();
    await expect(rankOf(screen, 'T01')).toHaveAttribute('data-rank', '1');
    await expect(rankOf(screen, 'T03')).toHaveAttribute('data-rank', '2');
    await expect(ranked(screen)).toHaveCount(2);
  }
  // Give a (wrong) live update every chance to arrive before checking once more.
  await board.waitForTimeout(1_000);
  await expect(ranked(board)).toHaveCount(2);

  // The new order glides in (FLIP), except on a screen that asks for reduced motion.
  await later.emulateMedia({ reducedMotion: 'reduce' });
  for (const screen of [board, later]) await recordMoves(screen);
  await press(controls, 'unfreeze');
  for (const screen of [board, later]) {
    await expect(screen.getByTestId('board-live')).toBeVisible();
    await expect(rankOf(screen, 'T05')).toHaveAttribute('data-rank', '1');
    await expect(rankOf(screen, 'T01')).toHaveAttribute('data-rank', '2');
    await expect(rankOf(screen, 'T03')).toHaveAttribute('data-rank', '3');
  }
  expect(await movesOf(board)).toEqual(expect.arrayContaining(['row-T01', 'row-T03']));
  expect(await movesOf(later)).toEqual([]);
});

test('the awards reveal goes from the last place to the first, teams sharing a place together', async ({
  context,
}) => {
  // Robot Design: T01 first; T03 and T11 share 2nd; T05, T07 and T10 share 4th; T06 is 7th.
  await submit(hub!, [
    ...sheetsFor('T01', 'robot-design', 9),
    ...sheetsFor('T03', 'robot-design', 7),
    ...sheetsFor('T11', 'robot-design', 7),
    ...sheetsFor('T05', 'robot-design', 5),
    ...sheetsFor('T07', 'robot-design', 5),
    ...sheetsFor('T10', 'robot-design', 5),
    ...sheetsFor('T06', 'robot-design', 2),
  ]);
  const controls = await openAt(context, controlsLink(hub!), 1280, 900);
  const board = await openAt(context, hubLink(hub!, 'Scoreboard'), 1280, 720);
  await showRobotDesign(controls);
  await expect(rankOf(board, 'T06')).toHaveAttribute('data-rank', '7', { timeout: 15_000 });

  await press(controls, 'reveal-category-robot-design');
  await press(controls, 'reveal-places-all');
  await press(controls, 'reveal-start');
  const reveal = board.getByTestId('reveal');
  await expect(reveal).toHaveAttribute('data-shown', '0');
  await expect(reveal).toContainText('From 7th place to the winner');

  // A late score that would win changes nothing: the reveal runs on its copy of the standings.
  await submit(hub!, sheetsFor('T08', 'robot-design', 9));

  /** What the hall sees after each click: the place, then the teams holding it. */
  const seen: string[] = [];
  const expected = [
    '7th place: Pixel Pioneers',
    'Shared 4th place: Iron Owls + Quantum Quokkas + Voltage Vipers',
    'Shared 2nd place: Byte Knights + Flux Capacitors',
    'Winner: Circuit Breakers',
  ];
  for (let step = 1; step <= expected.length; step++) {
    await press(controls, 'reveal-next');
    await expect(reveal).toHaveAttribute('data-shown', String(step));
    const current = board.getByTestId('reveal-current');
    const place = await current.locator('.sb-reveal-place').textContent();
    const teams = await current.locator('.sb-reveal-name').allTextContents();
    seen.push(`${place}: ${teams.join(' + ')}`);
  }
  expect(seen).toEqual(expected);
  await expect(controls.getByTestId('reveal-next')).toBeDisabled();

  // A screen that connects now joins the ceremony where it is, earlier places listed below.
  const later = await openAt(context, hubLink(hub!, 'Scoreboard'), 1280, 720);
  await expect(later.getByTestId('reveal-current')).toHaveAttribute('data-rank', '1');
  await expect(later.getByTestId('reveal-earlier')).toHaveText([
    /2nd.*Byte Knights · Flux Capacitors/,
    /4th.*Iron Owls · Quantum Quokkas · Voltage Vipers/,
    /7th.*Pixel Pioneers/,
  ]);

  // Back one step, e.g. a click too many: every screen follows.
  await press(controls, 'reveal-back');
  for (const screen of [board, later])
    await expect(screen.getByTestId('reveal-current')).toHaveAttribute('data-rank', '2');
});
