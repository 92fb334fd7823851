import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import * as Y from 'yjs';
import { EVENT_DOC, eventMaps, type Judge } from '@judgehub/model';
import { DocSync } from '@judgehub/sync-client';
import { BrowserLikeWebSocketImpl } from '../helpers/browserLikeWebSocket.js';
import { freePort, startHubProcess, tempDataDir, type HubProcess } from './hubProcess.js';
import { hubLink } from './scoreboardSetup.js';
import { judgeTokens, submitSheets } from './judgeSheets.js';

// Times on the page are the browser's clock face: pin it, so the test can say what it expects.
test.use({ timezoneId: 'UTC', locale: 'en-GB' });

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

/** J1 declares a conflict of interest with T01, written to the event as the organiser would. */
async function declareConflict(baseUrl: string, organiserToken: string): Promise<void> {
  const doc = new Y.Doc();
  const sync = new DocSync({
    serverUrl: `${baseUrl.replace(/^http/, 'ws')}/sync`,
    docName: EVENT_DOC,
    token: organiserToken,
    doc,
    WebSocketImpl: BrowserLikeWebSocketImpl,
  });
  try {
    await expect.poll(() => sync.status.synced).toBe(true);
    const judges = eventMaps(doc).judges;
    const j1 = judges.get('J1') as Judge;
    judges.set('J1', { ...j1, conflicts: ['T01'] });
    await expect.poll(() => sync.isMapEntryDurable(judges, 'J1')).toBe(true);
  } finally {
    sync.destroy();
    doc.destroy();
  }
}

const pageUrl = (link: string, path: string) => {
  const url = new URL(link);
  url.pathname = path;
  return url.href;
};

test('generate k = 2 around a conflict, preview, write; the judge sees the schedule and the round', async ({
  context,
}, testInfo) => {
  const organiserLink = hubLink(hub!, 'Organiser');
  const organiserToken = new URL(organiserLink).searchParams.get('token')!;
  await declareConflict(hub!.baseUrl, organiserToken);

  // The next full hour (UTC, as the page shows it), so the whole schedule lies ahead.
  const first = new Date();
  first.setUTCMinutes(0, 0, 0);
  first.setUTCHours(first.getUTCHours() + 1);
  const startValue = first.toISOString().slice(0, 16);
  const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

  const organiser = await context.newPage();
  await organiser.setViewportSize({ width: 1280, height: 900 });
  await organiser.goto(pageUrl(organiserLink, '/organiser/assignments'));
  await expect(organiser.getByRole('heading', { name: 'Assignments & rounds' })).toBeVisible();

  await organiser.getByTestId('gen-k').fill('2');
  await organiser.getByTestId('gen-schedule').check();
  await organiser.getByTestId('gen-start').fill(startValue);
  await organiser.getByTestId('gen-slot').fill('15');
  await organiser.getByTestId('gen-gap').fill('5');
  await organiser.getByTestId('gen-rooms').fill('Room 1, Room 2, Room 3');
  await organiser.getByTestId('gen-preview').click();

  // The preview: every team gets 2 judges, J1 never T01, loads even; nothing written yet.
  const preview = organiser.getByTestId('plan-preview');
  await expect(preview.getByTestId('plan-summary')).toContainText('28 team sessions');
  await expect(preview.getByTestId('plan-summary')).toContainText('Every team gets all its judges');
  await expect(preview.getByTestId('plan-summary')).toContainText('loads differ by 0');
  await expect(preview.getByTestId('plan-summary')).toContainText(`from ${hhmm(first.getTime())}`);
  const t01 = preview.getByTestId('coverage-T01-robot-design');
  await expect(t01).toContainText('2/2');
  await expect(t01).not.toContainText('Amara Okafor');
  for (const judge of ['J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'J7'])
    await expect(preview.getByTestId(`load-${judge}`)).toContainText('8');
  await expect(organiser.getByTestId('schedule-grid')).toBeHidden();
  await organiser.screenshot({
    path: testInfo.outputPath('assignments-preview.png'),
    fullPage: true,
  });

  await organiser.getByTestId('gen-write').click();
  await expect(organiser.getByTestId('save-state')).toHaveAttribute('data-saved', 'hub');
  await expect(organiser.getByTestId('save-state')).toContainText('Plan written');
  await expect(organiser.getByTestId('schedule-grid')).toBeVisible();
  await expect(organiser.getByTestId('assignment-table').locator('tbody tr')).toHaveCount(56);
  await organiser.screenshot({
    path: testInfo.outputPath('assignments-written.png'),
    fullPage: true,
  });

  // Amara's tablet: her 8 teams in schedule order, each with time and room, the first marked next.
  const judge = await context.newPage();
  await judge.setViewportSize({ width: 1024, height: 1200 });
  await judge.goto(hubLink(hub!, 'J1'));
  await expect(judge.getByTestId('judge-name')).toHaveText('Amara Okafor');
  const schedule = judge.getByTestId('schedule');
  await expect(schedule.locator('li')).toHaveCount(8);
  await expect(judge.getByTestId('team-T01-robot-design')).toHaveCount(0);
  await expect(judge.getByTestId('team-T01-innovation-project')).toHaveCount(0);
  const whens = await schedule.getByTestId('team-when').allTextContents();
  const starts = whens.map((w) => {
    const match =
      /^(\d\d):(\d\d)–\d\d:\d\d · (Room [123]) · (Robot Design|Innovation Project)$/.exec(w);
    expect(match, w).not.toBeNull();
    return Number(match![1]) * 60 + Number(match![2]);
  });
  // Times ascend (the schedule may wrap past midnight only if it started late: unwrap it).
  const unwrapped = starts.map((m) => (m < starts[0]! ? m + 24 * 60 : m));
  expect(unwrapped).toEqual([...unwrapped].sort((a, b) => a - b));
  expect(new Set(unwrapped).size).toBe(8);
  await expect(schedule.locator('li').first().locator('button')).toHaveAttribute(
    'data-next',
    'true',
  );
  await expect(schedule.locator('[data-next]')).toHaveCount(1);
  await expect(judge.getByTestId('round-banners')).toHaveCount(0);
  await judge.screenshot({ path: testInfo.outputPath('judge-schedule.png'), fullPage: true });

  // The organiser opens the Robot Design round for 20 minutes: the judge sees it with a countdown.
  const roundPanel = organiser.getByTestId('round-panel-robot-design');
  await organiser.getByTestId('round-minutes-robot-design').fill('20');
  await organiser.getByTestId('open-round-robot-design').click();
  await expect(roundPanel.getByTestId('round-phase')).toContainText('Round 1 · Open');
  await expect(organiser.getByTestId('rounds-panel').getByTestId('save-state')).toHaveAttribute(
    'data-saved',
    'hub',
  );
  await organiser
    .getByTestId('rounds-panel')
    .screenshot({ path: testInfo.outputPath('organiser-round-open.png') });
  const banner = judge.getByTestId('round-robot-design');
  await expect(banner).toHaveAttribute('data-phase', 'open');
  await expect(banner).toContainText('Robot Design · Round 1');
  // Minutes and seconds left of the 20 (how many depends on how fast this machine is).
  const leftOf20 = /^(20:00|1?\d:[0-5]\d)$/;
  await expect(banner.getByTestId('round-countdown')).toHaveText(leftOf20);
  await judge.screenshot({ path: testInfo.outputPath('judge-round-open.png'), fullPage: true });

  // Pause: the judge sees it paused, the time left held.
  await organiser.getByTestId('pause-round-robot-design').click();
  await expect(banner).toHaveAttribute('data-phase', 'paused');
  await expect(banner).toContainText('Paused');
  const held = await banner.getByTestId('round-countdown').textContent();
  expect(held).toMatch(leftOf20);
  await judge.screenshot({ path: testInfo.outputPath('judge-round-paused.png') });

  // Resume and close: closed, and the judge can still open a sheet (only a lock stops scoring).
  await organiser.getByTestId('resume-round-robot-design').click();
  await expect(banner).toHaveAttribute('data-phase', 'open');
  await organiser.getByTestId('close-round-robot-design').click();
  await expect(banner).toHaveAttribute('data-phase', 'closed');
  await expect(banner).toHaveText(/Round closed — the head judge may lock it/);
  await expect(roundPanel.getByTestId('round-phase')).toContainText('Round 1 · Closed');
  await judge.screenshot({ path: testInfo.outputPath('judge-round-closed.png'), fullPage: true });
  await schedule.locator('button[data-testid$="-robot-design"]').first().click();
  await expect(judge.getByTestId('round-robot-design')).toHaveAttribute('data-phase', 'closed');
  await expect(judge.getByRole('radio').first()).toBeEnabled();
});

test('hand edits: a move, a removal, and an addition that breaks a conflict of interest is said at once', async ({
  context,
}, testInfo) => {
  const organiserLink = hubLink(hub!, 'Organiser');
  await declareConflict(hub!.baseUrl, new URL(organiserLink).searchParams.get('token')!);
  const organiser = await context.newPage();
  await organiser.setViewportSize({ width: 1280, height: 900 });
  await organiser.goto(pageUrl(organiserLink, '/organiser/assignments'));
  // The demo's round-robin gives T01 to J1, J2 and J3 in both categories; J1 now has a conflict.
  await expect(organiser.getByTestId('all-warnings')).toContainText('2 problems');

  // Moving J2's T01 to J4 breaks nothing; moving it on to J1, who has T01 already, is refused.
  await organiser.getByTestId('move-J2|T01|robot-design').selectOption('J4');
  await expect(organiser.getByTestId('save-state')).toContainText(
    'T01 Circuit Breakers (Robot Design) moved from Ben Lindqvist to Dev Patel',
  );
  await expect(organiser.getByTestId('save-state')).toHaveAttribute('data-saved', 'hub');
  await expect(organiser.getByTestId('edit-warning')).toHaveCount(0);
  await organiser.getByTestId('move-J4|T01|robot-design').selectOption('J1');
  await expect(organiser.getByRole('alert').first()).toContainText(
    'Amara Okafor already has T01 Circuit Breakers (Robot Design).',
  );

  // Remove J1's T01 in Innovation Project (no values yet: at once), then add it back by hand.
  await organiser.getByTestId('remove-J1|T01|innovation-project').click();
  await expect(organiser.getByTestId('save-state')).toContainText(
    'Removed T01 Circuit Breakers (Innovation Project) from Amara Okafor',
  );
  await expect(organiser.getByTestId('all-warnings')).toContainText('1 problem');
  await organiser.getByTestId('add-judge').selectOption('J1');
  await organiser.getByTestId('add-team').selectOption('T01');
  await organiser.getByTestId('add-category').selectOption('innovation-project');
  await organiser.getByTestId('add-submit').click();
  await expect(organiser.getByTestId('edit-warning')).toContainText(
    'Amara Okafor declared a conflict of interest with team T01 Circuit Breakers but judges it in Innovation Project.',
  );
  await expect(organiser.getByTestId('row-J1|T01|innovation-project')).toHaveClass(/asg-warned/);

  // Chloé has scored T01 in Robot Design: removing that assignment asks first and keeps the values.
  await submitSheets(hub!.baseUrl, judgeTokens(hub!.links), [
    { judgeId: 'J3', teamId: 'T01', categoryId: 'robot-design', level: 0.5 },
  ]);
  const scoredRow = organiser.getByTestId('row-J3|T01|robot-design');
  await expect(scoredRow).toContainText('has values');
  await organiser.getByTestId('remove-J3|T01|robot-design').click();
  await expect(scoredRow.getByRole('alert')).toContainText(
    'This sheet has values. Removing the assignment keeps them: they stay in Chloé Martin’s sheet',
  );
  await organiser.getByTestId('remove-confirm-J3|T01|robot-design').click();
  await expect(organiser.getByTestId('save-state')).toContainText(
    'Removed T01 Circuit Breakers (Robot Design) from Chloé Martin; the values entered are kept on the sheet',
  );
  await expect(scoredRow).toHaveCount(0);
  await organiser.screenshot({ path: testInfo.outputPath('assignments-hand-edit-warning.png') });
});
