import fs from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { freePort, startHubProcess, tempDataDir, type HubProcess } from './hubProcess.js';

// In the demo event J1 (Amara Okafor) and J2 (Ben Lindqvist) judge T01 Circuit Breakers in Robot
// Design (mechanical ×2, programming ×2, strategy, innovation: 1–10; explanation: 1–5).
const TEAM = 'T01';
const CATEGORY = 'robot-design';
const SHOTS = 'test-results/head-judge-review';

let dataDir: string;
let hub: HubProcess | null = null;
const contexts: BrowserContext[] = [];

test.beforeEach(async () => {
  dataDir = tempDataDir();
  hub = await startHubProcess(dataDir, await freePort());
  fs.mkdirSync(SHOTS, { recursive: true });
});

test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  await hub?.stop();
  hub = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A device of its own: its own storage (device id, offline copy) and its own network switch. */
async function device(browser: Browser, link: string, viewport = { width: 1000, height: 1300 }) {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(link);
  return { context, page };
}

async function openSheet(judge: Page) {
  await judge.getByTestId(`team-${TEAM}-${CATEGORY}`).click();
  await expect(judge.getByTestId('criterion-mechanical')).toBeVisible();
}

const step = (judge: Page, criterion: string, value: number) =>
  judge
    .getByTestId(`criterion-${criterion}`)
    .getByRole('radio', { name: String(value), exact: true });

async function score(judge: Page, values: Record<string, number>) {
  for (const [criterion, value] of Object.entries(values)) {
    await step(judge, criterion, value).click();
    await expect(step(judge, criterion, value)).toHaveAttribute('aria-checked', 'true');
  }
}

async function goOffline(tablet: { context: BrowserContext; page: Page }) {
  await tablet.context.setOffline(true);
  await expect(tablet.page.getByTestId('connection')).toHaveAttribute(
    'data-state',
    /offline|connecting/,
    { timeout: 15_000 },
  );
}

async function goOnline(tablet: { context: BrowserContext; page: Page }) {
  await tablet.context.setOffline(false);
  await expect(tablet.page.getByTestId('waiting')).toHaveText('all saved on hub', {
    timeout: 40_000,
  });
}

test('the head judge resolves a conflict, sees an outlier, locks, and a late offline value is not accepted', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const organiserLink = hub!.links.get('Organiser:');
  expect(organiserLink, hub!.output()).toBeTruthy();
  // The organiser's page hands out the head judge's link.
  const organiser = await device(browser, organiserLink!);
  const headLink = organiser.page.getByTestId('head-judge-link').getByRole('link');
  await expect(headLink).toBeVisible();
  const headUrl = new URL((await headLink.getAttribute('href'))!);

  // Two judges score T01: J1 high, J2 low.
  const j1a = await device(browser, hub!.links.get('J1 Amara Okafor')!);
  await openSheet(j1a.page);
  await score(j1a.page, {
    mechanical: 9,
    programming: 9,
    strategy: 9,
    innovation: 9,
    explanation: 5,
  });
  await j1a.page.getByTestId('submit').click();
  await expect(j1a.page.getByTestId('submitted')).toContainText('saved on hub');

  const j2 = await device(browser, hub!.links.get('J2 Ben Lindqvist')!);
  await openSheet(j2.page);
  // A slip, taken back with Undo: the value before comes back.
  await score(j2.page, { mechanical: 3 });
  await score(j2.page, { mechanical: 8 });
  await expect(j2.page.getByTestId('undo')).toContainText('Mechanical design: 8 → 3');
  await j2.page.getByTestId('undo').click();
  await expect(step(j2.page, 'mechanical', 3)).toHaveAttribute('aria-checked', 'true');
  await expect(j2.page.getByTestId('undo-message')).toContainText('Mechanical design is 3 again');
  await score(j2.page, {
    mechanical: 2,
    programming: 2,
    strategy: 2,
    innovation: 2,
    explanation: 1,
  });
  await j2.page.getByTestId('submit').click();
  await expect(j2.page.getByTestId('submitted')).toContainText('saved on hub');
  // J2 marks the sheet final: it stops taking changes until reopened.
  await j2.page.getByTestId('mark-final').click();
  await expect(j2.page.getByTestId('final')).toContainText('Marked final and saved on hub');
  await expect(step(j2.page, 'strategy', 5)).toBeDisabled();
  await expect(j2.page.getByTestId('reopen')).toBeVisible();

  // J1 also has a second tablet; it loses the Wi-Fi and J1 changes mechanical on both.
  const j1b = await device(browser, hub!.links.get('J1 Amara Okafor')!);
  await openSheet(j1b.page);
  await expect(step(j1b.page, 'mechanical', 9)).toHaveAttribute('aria-checked', 'true');
  await goOffline(j1b);
  await score(j1b.page, { mechanical: 4 });
  await score(j1a.page, { mechanical: 7 });
  await expect(
    j1a.page.getByTestId('criterion-mechanical').getByTestId('saved-on-hub'),
  ).toBeVisible();
  await goOnline(j1b);
  await expect(j1a.page.getByTestId('criterion-mechanical')).toContainText(
    'Also entered on another device',
  );

  // The head judge sees the team flagged, and both values side by side with who and when.
  const head = await device(browser, `${hub!.baseUrl}${headUrl.pathname}${headUrl.search}`, {
    width: 1280,
    height: 1100,
  });
  const teamRow = head.page.getByTestId(`review-team-${TEAM}`);
  await expect(teamRow.getByTestId('flag-conflict')).toBeVisible();
  await expect(teamRow.getByTestId('flag-outlier')).toBeVisible();
  await head.page.screenshot({ path: `${SHOTS}/review-teams.png`, fullPage: true });
  await teamRow.click();
  const mechanicalJ1 = head.page.getByTestId('cell-mechanical-J1');
  const conflict = mechanicalJ1.getByTestId('conflict');
  await expect(conflict).toContainText('7');
  await expect(conflict).toContainText('4');
  await expect(conflict.getByRole('listitem')).toHaveCount(2);
  await expect(conflict).toContainText('J1');
  await expect(head.page.getByTestId('cell-mechanical-J2')).toContainText('2');
  await expect(head.page.getByTestId('judge-J2')).toContainText('final');
  // J1's total (2·9+2·9+9+9+5 = 59 while the conflict shows 9's replacement 7 or 4) is far from J2's.
  await expect(head.page.getByTestId('outlier-total-J1')).toBeVisible();
  await expect(head.page.getByTestId('outlier-total-J2')).toBeVisible();
  await head.page.screenshot({ path: `${SHOTS}/review-conflict.png`, fullPage: true });

  // Keep 7: a correction on top of both values, shown as the head judge's.
  await conflict.getByTestId('keep-7').click();
  await expect(mechanicalJ1.getByTestId('conflict')).toHaveCount(0);
  await expect(mechanicalJ1).toContainText('7');
  await expect(mechanicalJ1.getByTestId('correction')).toContainText('Head judge · saved on hub');
  await expect(j1a.page.getByTestId('criterion-mechanical').getByTestId('corrected')).toBeVisible();
  await expect(j1b.page.getByTestId('criterion-mechanical')).not.toContainText(
    'Also entered on another device',
  );
  await expect(step(j1b.page, 'mechanical', 7)).toHaveAttribute('aria-checked', 'true');
  await head.page.screenshot({ path: `${SHOTS}/review-resolved.png`, fullPage: true });

  // Tablet b goes offline again; the head judge locks the category meanwhile.
  await goOffline(j1b);
  await head.page.getByTestId('lock-category').click();
  await expect(head.page.getByTestId('category-lock-state')).toContainText('Locked (saved on hub)');
  await expect(j1a.page.getByTestId('locked')).toContainText('Locked by the head judge');
  await expect(step(j1a.page, 'programming', 9)).toBeDisabled();
  await expect(j1a.page.getByTestId('undo')).toBeDisabled();

  // Not knowing of the lock, J1 lowers programming on tablet b, which then comes back.
  await expect(step(j1b.page, 'programming', 3)).toBeEnabled();
  await score(j1b.page, { programming: 3, strategy: 4 });
  await goOnline(j1b);
  const held = j1b.page
    .getByTestId('criterion-programming')
    .getByTestId('not-accepted-criterion:programming');
  await expect(held).toContainText('Not accepted — locked');
  await expect(held).toContainText('3');
  // The value shown (and counted) is still 9.
  await expect(step(j1b.page, 'programming', 9)).toHaveAttribute('aria-checked', 'true');
  await expect(j1b.page.getByTestId('locked')).toBeVisible();
  await j1b.page.screenshot({ path: `${SHOTS}/judge-not-accepted.png`, fullPage: true });

  // The head judge sees both aside, with Accept and Dismiss.
  const aside = head.page.getByTestId('not-accepted');
  const heldProgramming = aside.getByTestId('held-criterion:programming-J1');
  const heldStrategy = aside.getByTestId('held-criterion:strategy-J1');
  await expect(heldProgramming).toContainText('Programming 3');
  await expect(heldProgramming).toContainText('counts now: 9');
  await expect(heldStrategy).toContainText('Strategy 4');
  await head.page.screenshot({ path: `${SHOTS}/review-not-accepted.png`, fullPage: true });
  // Dismiss keeps programming at 9; Accept makes strategy 4 count, as the head judge's.
  await heldProgramming.getByTestId('dismiss').click();
  await expect(heldProgramming).toHaveCount(0);
  await expect(head.page.getByTestId('cell-programming-J1')).toContainText('9');
  await heldStrategy.getByTestId('accept').click();
  await expect(head.page.getByTestId('not-accepted')).toHaveCount(0);
  const strategyJ1 = head.page.getByTestId('cell-strategy-J1');
  await expect(strategyJ1).toContainText('4');
  await expect(strategyJ1.getByTestId('correction')).toContainText('Head judge');
  // The tablet has nothing aside any more, and shows the head judge's decision.
  await expect(j1b.page.getByTestId('not-accepted-criterion:programming')).toHaveCount(0);
  await expect(j1b.page.getByTestId('not-accepted-criterion:strategy')).toHaveCount(0);
  await expect(step(j1b.page, 'strategy', 4)).toHaveAttribute('aria-checked', 'true');
  await expect(j1b.page.getByTestId('criterion-strategy').getByTestId('corrected')).toBeVisible();
});

test('the organiser opens the review from the organiser pages: locks, but no corrections', async ({
  browser,
}) => {
  const organiser = await device(browser, hub!.links.get('Organiser:')!, {
    width: 1280,
    height: 1000,
  });
  await expect(organiser.page.getByTestId('head-judge-link')).toContainText('/head-judge?token=');
  await organiser.page
    .getByTestId('head-judge-link')
    .screenshot({ path: `${SHOTS}/organiser-head-judge-link.png` });
  await organiser.page
    .getByRole('navigation', { name: 'Organiser pages' })
    .getByText('Review')
    .click();
  await expect(organiser.page).toHaveURL(/\/head-judge$/);
  await expect(organiser.page.getByText('Signed in as the organiser')).toBeVisible();
  await organiser.page.getByTestId(`review-team-${TEAM}`).click();
  await expect(organiser.page.getByTestId('review-grid')).toBeVisible();
  await expect(organiser.page.getByTestId('undo-J1')).toHaveCount(0);
  await organiser.page.getByTestId('lock-team').click();
  await expect(organiser.page.getByTestId('lock-team')).toHaveText('Unlock team');
  await organiser.page.screenshot({ path: `${SHOTS}/review-as-organiser.png`, fullPage: true });

  // The judge's tablet hears of the team's lock.
  const judge = await device(browser, hub!.links.get('J1 Amara Okafor')!);
  await openSheet(judge.page);
  await expect(judge.page.getByTestId('locked')).toContainText('Locked by the head judge');
});
