import fs from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { freePort, startHubProcess, tempDataDir, type HubProcess } from './hubProcess.js';
import { judgeTokens, submitSheets } from './judgeSheets.js';
import { hubLink, sheetsFor } from './scoreboardSetup.js';

// In the demo event Amara Okafor (J1), Ben Lindqvist (J2) and Chloé Martin (J3) judge T01
// Circuit Breakers in Robot Design; T02 Gear Grinders is judged by J4–J6 there.
const SHOTS = 'test-results/progress-notices-team';

let dataDir: string;
let hub: HubProcess | null = null;

test.beforeEach(async () => {
  dataDir = tempDataDir();
  hub = await startHubProcess(dataDir, await freePort());
  fs.mkdirSync(SHOTS, { recursive: true });
});

test.afterEach(async () => {
  await hub?.stop();
  hub = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function progressLink(): string {
  const url = new URL(hubLink(hub!, 'Organiser'));
  url.pathname = '/organiser/progress';
  return url.href;
}

/** A judge's chip in the progress grid: team, category, judge. */
function chip(page: Page, teamId: string, categoryId: string, judgeId: string): Locator {
  return page
    .locator(`[data-testid="progress-row"][data-team="${teamId}"]`)
    .locator(`[data-category="${categoryId}"]`)
    .locator(`[data-judge="${judgeId}"]`);
}

async function score(judge: Page, criterion: string, value: number) {
  await judge
    .getByTestId(`criterion-${criterion}`)
    .getByRole('radio', { name: String(value), exact: true })
    .click();
}

/** The comment's own "Saved on hub" mark on a judge's sheet. */
function commentSaved(judge: Page): Locator {
  return judge
    .locator('section.criterion', { has: judge.getByTestId('comment') })
    .getByTestId('saved-on-hub');
}

async function sendNotice(organiser: Page, to: string, text: string) {
  await organiser.getByTestId('notice-to').selectOption({ label: to });
  await organiser.getByTestId('notice-text').fill(text);
  await organiser.getByTestId('notice-send').click();
  await expect(
    organiser.getByTestId('notice-sent').filter({ hasText: text }).getByText('on the hub'),
  ).toBeVisible();
}

test('the progress grid follows a judge from missing to in progress to submitted', async ({
  browser,
}) => {
  const organiser = await (
    await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  ).newPage();
  await organiser.goto(progressLink());
  await expect(chip(organiser, 'T01', 'robot-design', 'J1')).toHaveAttribute(
    'data-state',
    'missing',
  );
  await expect(chip(organiser, 'T01', 'robot-design', 'J1')).toContainText('Amara Okafor');
  await expect(organiser.getByTestId('progress-totals')).toContainText('0 of 84');

  // T02 is fully judged in both categories (from tablets, over the sync protocol).
  const tokens = judgeTokens(hub!.links);
  await submitSheets(hub!.baseUrl, tokens, [
    ...sheetsFor('T02', 'robot-design', 5),
    ...sheetsFor('T02', 'innovation-project', 5),
  ]);
  await expect(
    organiser.locator(
      '[data-testid="progress-row"][data-team="T02"] [data-category="robot-design"]',
    ),
  ).toContainText('3 of 3 submitted');

  const judge = await (
    await browser.newContext({ viewport: { width: 1024, height: 768 } })
  ).newPage();
  await judge.goto(hubLink(hub!, 'J1'));
  await judge.getByTestId('team-T01-robot-design').click();
  await score(judge, 'mechanical', 8);
  await expect(chip(organiser, 'T01', 'robot-design', 'J1')).toHaveAttribute(
    'data-state',
    'started',
  );
  await expect(chip(organiser, 'T01', 'robot-design', 'J1')).toContainText('in progress');
  // Others on the same team are still missing: never a low score.
  await expect(chip(organiser, 'T01', 'robot-design', 'J2')).toHaveAttribute(
    'data-state',
    'missing',
  );
  // The judge's tablet is online and has nothing waiting.
  const row = organiser.locator('[data-testid="judge-row"][data-judge="J1"]');
  await expect(row).toContainText('online');
  await expect(row).toContainText('all saved on hub');
  await organiser.screenshot({ path: `${SHOTS}/progress-in-progress.png`, fullPage: true });

  for (const [criterion, value] of [
    ['programming', 7],
    ['strategy', 6],
    ['innovation', 9],
    ['explanation', 4],
  ] as const)
    await score(judge, criterion, value);
  await judge.getByTestId('submit').click();
  await expect(chip(organiser, 'T01', 'robot-design', 'J1')).toHaveAttribute(
    'data-state',
    'submitted',
  );
  await expect(organiser.getByTestId('progress-totals')).toContainText('7 of 84');

  // What is missing: T02 is complete and leaves the list; T01 still waits for J2 and J3.
  await organiser.getByTestId('only-missing').click();
  await expect(organiser.locator('[data-testid="progress-row"][data-team="T02"]')).toHaveCount(0);
  await expect(organiser.locator('[data-testid="progress-row"][data-team="T01"]')).toHaveCount(1);
  await expect(organiser.locator('[data-testid="progress-row"]')).toHaveCount(13);
  await organiser.screenshot({ path: `${SHOTS}/progress-what-is-missing.png`, fullPage: true });
});

test('notices reach the judge they were sent to, the scoreboards, and a tablet that was offline', async ({
  browser,
}) => {
  const organiser = await (
    await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  ).newPage();
  await organiser.goto(progressLink());
  const amaraContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const amara = await amaraContext.newPage();
  await amara.goto(hubLink(hub!, 'J1'));
  const benContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const ben = await benContext.newPage();
  await ben.goto(hubLink(hub!, 'J2'));
  const board = await (
    await browser.newContext({ viewport: { width: 1280, height: 720 } })
  ).newPage();
  await board.goto(hubLink(hub!, 'Scoreboard'));
  await expect(board.getByTestId('scoreboard')).toBeVisible();
  for (const tablet of [amara, ben])
    await expect(tablet.getByTestId('connection')).toHaveAttribute('data-state', 'online');

  // To one judge: on Amara's tablet, not on Ben's (checked once a later notice reached Ben).
  await sendNotice(organiser, 'Amara Okafor only', 'Amara, please come to the judges’ room.');
  await expect(amara.getByTestId('notice-banner')).toContainText('please come to the judges’ room');
  await amara.screenshot({ path: `${SHOTS}/judge-notice.png` });
  await sendNotice(organiser, 'All judges', 'Lunch is served until 13:00.');
  await expect(ben.getByTestId('notice-banner')).toContainText('Lunch is served');
  await expect(ben.getByTestId('notice-banner')).toHaveCount(1);
  await expect(ben.getByText('judges’ room')).toHaveCount(0);

  // To the scoreboards.
  await sendNotice(organiser, 'The scoreboards', 'Awards ceremony at 16:00 in the main hall');
  await expect(board.getByTestId('scoreboard-notice')).toHaveText(
    'Awards ceremony at 16:00 in the main hall',
  );
  await expect(amara.getByText('Awards ceremony')).toHaveCount(0);
  await board.screenshot({ path: `${SHOTS}/scoreboard-notice.png` });

  // Ben's tablet is away when a notice is sent; it shows it once it is back.
  await benContext.setOffline(true);
  await expect(ben.getByTestId('connection')).toHaveAttribute('data-state', /offline|connecting/, {
    timeout: 20_000,
  });
  await sendNotice(organiser, 'Ben Lindqvist only', 'Ben, your next team is in room 4.');
  await benContext.setOffline(false);
  await expect(ben.getByTestId('notice-banner').filter({ hasText: 'room 4' })).toBeVisible({
    timeout: 45_000,
  });
  await ben.screenshot({ path: `${SHOTS}/judge-notice-after-reconnect.png` });

  // OK dismisses it on this tablet, also after a reload.
  await amara
    .getByTestId('notice-banner')
    .filter({ hasText: 'judges’ room' })
    .getByRole('button', { name: 'OK' })
    .click();
  await expect(amara.getByTestId('notice-banner').filter({ hasText: 'judges’ room' })).toHaveCount(
    0,
  );
  await amara.reload();
  await expect(amara.getByTestId('notice-banner').filter({ hasText: 'Lunch' })).toBeVisible();
  await expect(amara.getByText('judges’ room')).toHaveCount(0);

  // Withdrawn from the scoreboards: it goes away there.
  await organiser
    .getByTestId('notice-sent')
    .filter({ hasText: 'Awards ceremony' })
    .getByRole('button', { name: 'Withdraw' })
    .click();
  await expect(board.getByTestId('scoreboard-notice')).toHaveCount(0);
  await organiser.screenshot({ path: `${SHOTS}/progress-notices.png`, fullPage: true });
});

test('after release a team opens its own feedback with its code, and sees only its own', async ({
  browser,
}) => {
  const organiser = await (
    await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  ).newPage();
  await organiser.goto(progressLink());
  const tokens = judgeTokens(hub!.links);
  await submitSheets(hub!.baseUrl, tokens, [
    ...sheetsFor('T01', 'robot-design', 3, 2),
    ...sheetsFor('T02', 'robot-design', 8),
  ]);
  // Amara adds a comment on her tablet for Circuit Breakers; Ben's T02 colleague J4 one for T02.
  const amara = await (await browser.newContext()).newPage();
  await amara.goto(hubLink(hub!, 'J1'));
  await amara.getByTestId('team-T01-robot-design').click();
  await amara.getByTestId('comment').fill('Clever gear train, explain your code more');
  await amara.getByTestId('comment').blur();
  await expect(commentSaved(amara)).toBeVisible();
  const dev = await (await browser.newContext()).newPage();
  await dev.goto(hubLink(hub!, 'J4'));
  await dev.getByTestId('team-T02-robot-design').click();
  await dev.getByTestId('comment').fill('Comment for Gear Grinders only');
  await dev.getByTestId('comment').blur();
  await expect(commentSaved(dev)).toBeVisible();

  // The team codes, as printed.
  await organiser.getByTestId('show-team-codes').click();
  const code = (
    await organiser
      .locator('[data-testid="team-code"][data-team="T01"]')
      .getByTestId('team-code-value')
      .innerText()
  ).trim();
  expect(code).toMatch(/^[0-9]{6}$/);
  await organiser
    .locator('[data-testid="team-code"][data-team="T01"]')
    .screenshot({ path: `${SHOTS}/team-code-card.png` });
  // Printed, the page is only the codes.
  await organiser.emulateMedia({ media: 'print' });
  await expect(organiser.getByTestId('progress-grid')).toBeHidden();
  await organiser.screenshot({ path: `${SHOTS}/team-codes-print.png` });
  await organiser.emulateMedia({ media: 'screen' });

  // Before release: the team's page says so, and shows nothing else.
  const team = await (
    await browser.newContext({ viewport: { width: 820, height: 1100 } })
  ).newPage();
  await team.goto(`${hub!.baseUrl}/team`);
  await expect(team.getByRole('heading', { name: 'Team feedback' })).toBeVisible();
  await team.screenshot({ path: `${SHOTS}/team-code-entry.png` });
  await team.getByTestId('team-code-input').fill(code);
  await expect(team.getByTestId('not-released')).toHaveText('Results are not released yet');
  await expect(team.getByText('Clever gear train')).toHaveCount(0);
  await team.screenshot({ path: `${SHOTS}/team-not-released.png` });

  // Release, with a confirmation.
  await organiser.getByTestId('release-switch').click();
  await organiser.getByTestId('confirm-release').click();
  await expect(organiser.getByTestId('release-state')).toContainText('Released');
  await expect(organiser.getByTestId('release-switch')).toHaveAttribute('aria-checked', 'true');
  await organiser.getByTestId('release-panel').screenshot({ path: `${SHOTS}/release-panel.png` });

  await team.getByRole('button', { name: 'Check again' }).click();
  await expect(team.getByTestId('team-name')).toHaveText('Circuit Breakers');
  const robot = team.locator('[data-testid="feedback-category"][data-category="robot-design"]');
  // Two judges at step 3 of 9: 4 of 10 on each 1–10 criterion.
  await expect(robot.locator('[data-criterion="mechanical"]')).toContainText('4 / 10');
  await expect(robot.getByTestId('feedback-comment')).toHaveText([
    'Clever gear train, explain your code more',
  ]);
  await expect(team.getByText('Gear Grinders only')).toHaveCount(0);
  for (const name of ['Amara Okafor', 'Ben Lindqvist', 'Chloé Martin'])
    await expect(team.getByText(name)).toHaveCount(0);
  await expect(
    team.locator('[data-testid="feedback-category"][data-category="innovation-project"]'),
  ).toContainText('No scores counted yet');
  await team.screenshot({ path: `${SHOTS}/team-feedback.png`, fullPage: true });

  // Another team's link shows that team's feedback, not T01's.
  const link = await organiser
    .locator('[data-testid="team-code"][data-team="T02"] svg')
    .getAttribute('data-url');
  const other = await (await browser.newContext()).newPage();
  await other.goto(link!);
  await expect(other.getByTestId('team-name')).toHaveText('Gear Grinders');
  await expect(other.getByText('Comment for Gear Grinders only')).toBeVisible();
  await expect(other.getByText('Clever gear train')).toHaveCount(0);
});
