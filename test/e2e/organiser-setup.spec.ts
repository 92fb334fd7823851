import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { freePort, startHubProcess, tempDataDir } from './hubProcess.js';
import { demoJudgesOf, judgeTokens, submitSheets } from './judgeSheets.js';
import { cli, startEmptyHub } from './wholeDayHub.js';

const SHOTS = fileURLToPath(new URL('../../test-results/organiser-setup', import.meta.url));

interface ExportedEvent {
  event: {
    settings: { id: string; name: string };
    categories: {
      id: string;
      name: string;
      criteria: { id: string; label: string; max: number }[];
    }[];
    teams: { id: string; name: string; categoryIds: string[]; withdrawn?: boolean }[];
    judges: { id: string; name: string; conflicts?: string[] }[];
  };
  sheets: { judgeId: string; teamId: string; categoryId: string; values: Record<string, number> }[];
}

/** What is stored on the hub, read by `judgehub export` while it runs. */
function exportEvent(dataDir: string): ExportedEvent & { notes: string } {
  const run = cli(['export', '--data', dataDir]);
  return { ...(JSON.parse(run.stdout) as ExportedEvent), notes: run.stderr };
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  // From the top, so the sticky bars sit where a person sees them.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

let dataDir: string;
let hub: { baseUrl: string; stop: () => Promise<void> } | null = null;

test.beforeEach(() => {
  dataDir = tempDataDir();
});

test.afterEach(async () => {
  await hub?.stop();
  hub = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const BAD_TEAMS = [
  'id,name,categories',
  'T1,Circuit Breakers,robot-design',
  'T2,"Byte Knights, Jr",Robot Design;innovation',
  'T2,Gear Grinders,robot-design',
  'T3,,robot-design',
].join('\n');

const GOOD_TEAMS = [
  'id,name,categories',
  'T1,Circuit Breakers,robot-design',
  'T2,"Byte Knights, Jr",Robot Design;innovation',
  'T3,Gear Grinders,robot-design',
].join('\n');

const JUDGES = ['id,name,conflicts', 'J1,Amara Okafor,T2', 'J2,Ben Lindqvist,'].join('\r\n');

test('an organiser sets up an event on an empty hub: create, import with a preview, rubric, withdraw', async ({
  browser,
  page,
}) => {
  const empty = await startEmptyHub(dataDir, { startTimeoutMs: 15_000 });
  expect(empty.output()).toContain('No event on this hub yet. Create it in the browser');
  hub = empty;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(empty.organiserUrl);

  // 1. Create the event.
  await expect(page.getByRole('heading', { name: 'Create the event' })).toBeVisible();
  await page.getByLabel('Event name').fill('Harbour Science Fair');
  await expect(page.getByLabel('Event id')).toHaveValue(/^harbour-science-fair-[0-9a-f]{4}$/);
  await shot(page, '1-create');
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page.getByTestId('event-name')).toHaveText('Harbour Science Fair');
  // The terminal shows the new event's links too (the scoreboard's, for the projector).
  await expect.poll(() => empty.output()).toContain('JudgeHub hub running — Harbour Science Fair');
  expect(empty.output()).toMatch(/^ {2}Scoreboard\s+http:\/\/\S+\/scoreboard\?token=/m);

  // 2. Two categories, each starting with one criterion.
  for (const name of ['Robot Design', 'Innovation']) {
    await page.getByLabel('New category').fill(name);
    await page.getByRole('button', { name: 'Add category' }).click();
    await expect(page.getByTestId('save-status')).toHaveText(
      `Category ${name} added — saved on hub.`,
    );
  }

  // 3. Teams from CSV: a bad file shows every problem by line and saves nothing.
  await page.getByRole('tab', { name: /Teams/ }).click();
  await page.getByRole('textbox', { name: 'CSV of teams' }).fill(BAD_TEAMS);
  const problems = page.getByTestId('preview-problems');
  await expect(problems).toContainText('Line 4: the id "T2" is already on line 3');
  await expect(problems).toContainText("Line 5: the team's name is empty");
  const confirmTeams = page.getByRole('button', { name: 'Fix the problems to confirm' });
  await expect(confirmTeams).toBeDisabled();
  await shot(page, '2-teams-preview-problems');
  expect(exportEvent(dataDir).event.teams).toEqual([]);

  await page.getByRole('textbox', { name: 'CSV of teams' }).fill(GOOD_TEAMS);
  await expect(page.getByTestId('preview-teams')).toContainText('3 to add, 0 to change');
  await page.getByRole('button', { name: 'Confirm: add 3, change 0' }).click();
  await expect(page.getByTestId('save-status')).toHaveText(
    '3 added, 0 changed (teams from CSV) — saved on hub.',
  );
  await expect(page.getByTestId('team-T2')).toContainText('Byte Knights, Jr');
  await expect(page.getByTestId('team-T2').getByLabel('Innovation')).toBeChecked();

  // 4. Judges from a CSV file (BOM and CRLF, as a spreadsheet saves it), with a conflict of interest.
  await page.getByRole('tab', { name: /Judges/ }).click();
  await page.getByLabel('CSV file of judges').setInputFiles({
    name: 'judges.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${JUDGES}\r\n`, 'utf8'),
  });
  await page.getByRole('button', { name: 'Confirm: add 2, change 0' }).click();
  await expect(page.getByTestId('save-status')).toHaveText(
    '2 added, 0 changed (judges from CSV) — saved on hub.',
  );
  await expect(page.getByTestId('judge-J1')).toContainText('Byte Knights, Jr');
  await shot(page, '3-judges');

  // 5. The new judges' QR cards and PINs are on the organiser's access page at once.
  await page.goto(`${hub!.baseUrl}/organiser`);
  const card = page.getByTestId('card-J2');
  await expect(card.getByRole('heading', { name: 'Ben Lindqvist' })).toBeVisible();
  await expect(page.getByTestId('pin-J2')).toHaveAttribute('data-pin', /^\d{6}$/);
  await shot(page, '4-access-cards');
  const judgeUrl = (await page.getByTestId('url-J2').textContent())!.trim();
  const tablet = await (await browser.newContext()).newPage();
  await tablet.goto(`${hub!.baseUrl}${new URL(judgeUrl).pathname}${new URL(judgeUrl).search}`);
  await expect(tablet.getByTestId('connection')).toHaveText(/Connected to hub/);
  await tablet.context().close();

  // 6. The rubric: a wrong range is shown at its field and not saved; then a valid save.
  await page.goto(`${hub!.baseUrl}/organiser/setup#rubrics`);
  await page.getByRole('button', { name: /^Robot Design/ }).click();
  const first = page.getByTestId('criterion-0');
  await first.getByLabel('Highest').fill('0');
  await page.getByRole('button', { name: 'Save Robot Design' }).click();
  await expect(first.getByTestId('field-error')).toHaveText('max (0) must be greater than min (1)');
  await expect(page.getByTestId('rubric-not-saved')).toBeVisible();
  await shot(page, '5-rubric-error');
  expect(exportEvent(dataDir).event.categories[0]!.criteria[0]!.max).toBe(10);

  await first.getByLabel('Highest').fill('5');
  await page.getByRole('button', { name: 'Add a criterion' }).click();
  await page.getByTestId('criterion-1').getByLabel('Label').fill('Programming');
  await page.getByRole('button', { name: 'Save Robot Design' }).click();
  await expect(page.getByTestId('save-status')).toHaveText(
    'Robot Design: rubric and scoring saved — saved on hub.',
  );
  await shot(page, '6-rubric-saved');

  // 7. Withdraw a team: a marker, after saying what happens to its sheets.
  await page.getByRole('tab', { name: /Teams/ }).click();
  await page.getByTestId('team-T3').getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByRole('dialog')).toContainText('It has no score sheets yet.');
  await page.getByRole('button', { name: 'Withdraw team' }).click();
  await expect(page.getByTestId('team-T3')).toContainText('Withdrawn');
  await expect(page.getByTestId('save-status')).toHaveText(
    'Gear Grinders withdrawn — saved on hub.',
  );
  await shot(page, '7-withdrawn');

  // What the hub stored.
  const stored = exportEvent(dataDir).event;
  expect(stored.settings.name).toBe('Harbour Science Fair');
  expect(stored.categories.map((c) => c.id)).toEqual(['robot-design', 'innovation']);
  expect(stored.categories[0]!.criteria.map((c) => [c.id, c.label, c.max])).toEqual([
    ['overall', 'Overall', 5],
    ['programming', 'Programming', 10],
  ]);
  expect(stored.teams.map((t) => [t.id, t.name, t.categoryIds, t.withdrawn ?? false])).toEqual([
    ['T1', 'Circuit Breakers', ['robot-design'], false],
    ['T2', 'Byte Knights, Jr', ['robot-design', 'innovation'], false],
    ['T3', 'Gear Grinders', ['robot-design'], true],
  ]);
  expect(stored.judges).toEqual([
    { id: 'J1', name: 'Amara Okafor', conflicts: ['T2'] },
    { id: 'J2', name: 'Ben Lindqvist' },
  ]);
});

test('changes after scoring started keep every sheet and say what happens to it', async ({
  page,
}) => {
  const demo = await startHubProcess(dataDir, await freePort());
  hub = demo;
  const judges = demoJudgesOf('T01', 'robot-design');
  await submitSheets(
    demo.baseUrl,
    judgeTokens(demo.links),
    judges.map((judgeId) => ({ judgeId, teamId: 'T01', categoryId: 'robot-design', level: 0.5 })),
  );
  const organiser = new URL(demo.links.get('Organiser:')!);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${demo.baseUrl}/organiser/setup${organiser.search}#teams`);

  // Moving a scored team out of a category: its sheets stay, and the page says so first.
  await page.getByTestId('team-T01').getByLabel('Robot Design').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('3 score sheets in Robot Design (3 submitted) stay');
  await expect(dialog).toContainText('putting it back counts them again');
  await expect(dialog).toContainText('3 assignments');
  await shot(page, '8-move-scored-team');
  await page.getByRole('button', { name: 'Change categories' }).click();
  await expect(page.getByTestId('team-T01').getByLabel('Robot Design')).not.toBeChecked();
  await expect(page.getByTestId('save-status')).toContainText('saved on hub');

  // Removing a scored criterion asks, and says the values are kept but no longer counted.
  await page.getByRole('tab', { name: /Categories/ }).click();
  await page.getByRole('button', { name: 'Remove criterion “Mechanical design”' }).click();
  await page.getByRole('button', { name: 'Save Robot Design' }).click();
  await expect(dialog).toContainText('Mechanical design: 3 values already scored');
  await expect(dialog).toContainText('kept in the judges’ sheets but no longer counted');
  await shot(page, '9-remove-scored-criterion');
  await page.getByRole('button', { name: 'Remove and save' }).click();
  await expect(page.getByTestId('save-status')).toHaveText(
    'Robot Design: rubric and scoring saved — saved on hub.',
  );
  // The same page on a tablet held upright.
  await page.setViewportSize({ width: 820, height: 1180 });
  await shot(page, '10-rubric-on-a-tablet');

  const stored = exportEvent(dataDir);
  expect(stored.event.teams.find((t) => t.id === 'T01')!.categoryIds).toEqual([
    'innovation-project',
  ]);
  expect(stored.event.categories[0]!.criteria.map((c) => c.id)).not.toContain('mechanical');
  // The sheets are still on the hub: the scored summary reads the judges' sheet documents, and
  // the event-file export (a backup) still carries them, though they are no longer assignments.
  const scored = (await (
    await fetch(`${demo.baseUrl}/api/event/scored`, {
      headers: { authorization: `Bearer ${organiser.searchParams.get('token')}` },
    })
  ).json()) as { sheets: { teamId: string; categoryId: string; judgeIds: string[] }[] };
  const kept = scored.sheets.find((s) => s.teamId === 'T01' && s.categoryId === 'robot-design');
  expect(kept?.judgeIds.sort()).toEqual([...judges].sort());
  for (const judgeId of judges)
    expect(
      stored.sheets.some(
        (s) => s.judgeId === judgeId && s.teamId === 'T01' && s.categoryId === 'robot-design',
      ),
    ).toBe(true);
});
