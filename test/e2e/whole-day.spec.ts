import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import {
  expect as baseExpect,
  test,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { parseCsvRecords } from '../helpers/csvRows.js';
import { pdfText, renderPdf } from '../helpers/pdfPages.js';
import { tempDataDir } from './hubProcess.js';
import {
  onHub,
  sheetRecords,
  sheetRow,
  startEmptyHub,
  storedEvent,
  storedResults,
  storedSheets,
  type EmptyHub,
} from './wholeDayHub.js';

// Issue 7, "What must be shown": one event's whole day on a hub started with no event, from
// set-up to the exported results, each step checked on screen and in what the hub stored.
//
// A busy 2-core machine is slow, never wrong: every wait is generous, nothing is timed.
const expect = baseExpect.configure({ timeout: 20_000 });

const SHOTS = fileURLToPath(new URL('../../test-results/whole-day', import.meta.url));
const CATEGORY = 'robot-design';

const TEAMS: [string, string][] = [
  ['T1', 'Circuit Breakers'],
  ['T2', 'Byte Knights, Jr'],
  ['T3', 'Gear Grinders'],
  ['T4', 'Zoë Robotics'],
];
const JUDGES: [string, string][] = [
  ['J1', 'Amara Okafor'],
  ['J2', 'Ben Lindqvist'],
  ['J3', 'Chloé Martin'],
];
const teamName = (id: string) => TEAMS.find(([t]) => t === id)![1];
const judgeName = (id: string) => JUDGES.find(([j]) => j === id)![1];

// Line 4 names a category that does not exist; nothing may be saved while it is there.
const BAD_TEAMS = [
  'id,name,categories',
  'T1,Circuit Breakers,robot-design',
  'T2,"Byte Knights, Jr",Robot Design',
  'T3,Gear Grinders,Robot Desgn',
  'T4,Zoë Robotics,robot-design',
].join('\n');
const GOOD_TEAMS = BAD_TEAMS.replace('Robot Desgn', 'Robot Design');
// Line 3 declares a conflict with a team that does not exist.
const BAD_JUDGES = [
  'id,name,conflicts',
  'J1,Amara Okafor,',
  'J2,Ben Lindqvist,T9',
  'J3,Chloé Martin,',
].join('\n');
const GOOD_JUDGES = BAD_JUDGES.replace('T9', '');

// The rubric: Overall counts twice, Programming and Teamwork once; all 1–10.
const CRITERIA = ['overall', 'programming', 'teamwork'] as const;
type Values = Record<(typeof CRITERIA)[number], number>;
const WEIGHTS: Values = { overall: 2, programming: 1, teamwork: 1 };
const total = (v: Values) => CRITERIA.reduce((sum, c) => sum + WEIGHTS[c] * v[c], 0);

// What the two scoring judges ("A" and "B", picked once the plan is written) give each team.
// Every weighted total differs, and so does every mean of two: whichever teams A and B share,
// the four scores differ (no tie), and a shared team may end on .5 (CSV 30.5, PDF 30.50).
const A_VALUES: Record<string, Values> = {
  T1: { overall: 9, programming: 8, teamwork: 8 },
  T2: { overall: 7, programming: 6, teamwork: 9 },
  T3: { overall: 6, programming: 9, teamwork: 5 },
  T4: { overall: 8, programming: 5, teamwork: 6 },
};
const B_VALUES: Record<string, Values> = {
  T1: { overall: 6, programming: 7, teamwork: 9 },
  T2: { overall: 9, programming: 9, teamwork: 8 },
  T3: { overall: 5, programming: 4, teamwork: 6 },
  T4: { overall: 7, programming: 8, teamwork: 8 },
};
/** What A's second tablet puts for Overall while the first is offline (none of A's values). */
const SECOND_TABLET_OVERALL = 2;

let dataDir: string;
let hub: EmptyHub | null = null;
const contexts: BrowserContext[] = [];

test.beforeEach(() => {
  dataDir = tempDataDir();
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
});

test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  await hub?.stop();
  hub = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A device of its own: its own storage (sign-in, offline copy) and its own network switch. */
async function device(browser: Browser, viewport = { width: 1024, height: 1200 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  contexts.push(context);
  return { context, page: await context.newPage() };
}
type Device = Awaited<ReturnType<typeof device>>;

async function shot(page: Page, name: string) {
  // From the top, so sticky bars sit where a person sees them.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

const radio = (judge: Page, criterion: string, value: number) =>
  judge
    .getByTestId(`criterion-${criterion}`)
    .getByRole('radio', { name: String(value), exact: true });

async function openSheet(judge: Page, teamId: string) {
  await judge.getByTestId(`team-${teamId}-${CATEGORY}`).click();
  await expect(judge.getByTestId('criterion-overall')).toBeVisible();
  await expect(judge.getByTestId('criterion-teamwork')).toBeVisible();
}

async function score(judge: Page, values: Partial<Values>) {
  for (const [criterion, value] of Object.entries(values)) {
    await radio(judge, criterion, value).click();
    await expect(radio(judge, criterion, value)).toHaveAttribute('aria-checked', 'true');
  }
}

/** Scores a whole sheet and submits it; online, every value says "Saved on hub". */
async function scoreAndSubmit(judge: Page, teamId: string, values: Values, online: boolean) {
  await openSheet(judge, teamId);
  await score(judge, values);
  await judge.getByTestId('submit').click();
  if (online) {
    await expect(judge.getByTestId('submitted')).toContainText('saved on hub');
    for (const c of CRITERIA)
      await expect(judge.getByTestId(`criterion-${c}`).getByTestId('saved-on-hub')).toBeVisible();
  } else {
    await expect(judge.getByTestId('submitted')).toContainText('waiting to reach the hub');
    for (const c of CRITERIA)
      await expect(judge.getByTestId(`criterion-${c}`).getByTestId('on-tablet')).toHaveText(
        /On this tablet/,
      );
  }
}

async function backToList(judge: Page) {
  await judge.getByTestId('back').click();
  await expect(judge.getByTestId('judge-name')).toBeVisible();
}

async function goOffline(tablet: Device) {
  await tablet.context.setOffline(true);
  await expect(tablet.page.getByTestId('connection')).toHaveAttribute(
    'data-state',
    /offline|connecting/,
    { timeout: 45_000 },
  );
}

async function goOnline(tablet: Device) {
  await tablet.context.setOffline(false);
  await expect(tablet.page.getByTestId('connection')).toHaveText(/Connected to hub/, {
    timeout: 90_000,
  });
  await expect(tablet.page.getByTestId('waiting')).toHaveText('all saved on hub', {
    timeout: 90_000,
  });
}

/** Presses an export's button; returns the downloaded file (also kept under test-results). */
async function download(page: Page, kind: string, nameRe: RegExp): Promise<Buffer> {
  const card = page.getByTestId(`export-${kind}`);
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    card.getByRole('button', { name: /^Download/ }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(nameRe);
  const target = path.join(SHOTS, file.suggestedFilename());
  await file.saveAs(target);
  await expect(card.getByTestId('export-filename')).toHaveText(file.suggestedFilename());
  await expect(card.getByRole('status')).toContainText('to this browser’s downloads folder as');
  return fs.readFileSync(target);
}

const fixed2 = (n: number) => n.toFixed(2);

test('a whole judging day: set-up on an empty hub, assignments, offline scoring, a conflict resolved, lock, exports', async ({
  browser,
}) => {
  test.setTimeout(600_000);

  // ── 1. An empty hub; the organiser creates the event from the banner's link ──────────────
  hub = await startEmptyHub(dataDir);
  expect(hub.output()).toContain('No event on this hub yet. Create it in the browser');
  expect(new URL(hub.organiserUrl).pathname).toBe('/organiser/setup');
  const organiser = await device(browser, { width: 1280, height: 900 });
  const org = organiser.page;
  await org.goto(hub.organiserUrl);
  await expect(org.getByRole('heading', { name: 'Create the event' })).toBeVisible();
  await org.getByLabel('Event name').fill('Harbour Robotics Day');
  await expect(org.getByLabel('Event id')).toHaveValue(/^harbour-robotics-day-[0-9a-f]{4}$/);
  const eventId = await org.getByLabel('Event id').inputValue();
  await shot(org, '01-create-event');
  await org.getByRole('button', { name: 'Create event' }).click();
  await expect(org.getByTestId('event-name')).toHaveText('Harbour Robotics Day');
  await expect
    .poll(() => hub!.output(), { timeout: 30_000 })
    .toContain('JudgeHub hub running — Harbour Robotics Day');
  expect(storedEvent(dataDir).event.settings).toMatchObject({
    id: eventId,
    name: 'Harbour Robotics Day',
  });

  // The category the teams are entered in.
  await org.getByLabel('New category').fill('Robot Design');
  await org.getByRole('button', { name: 'Add category' }).click();
  await expect(org.getByTestId('save-status')).toHaveText(
    'Category Robot Design added — saved on hub.',
  );

  // Teams from CSV: the bad line is shown by its number and nothing is saved.
  await org.getByRole('tab', { name: /Teams/ }).click();
  const teamsCsv = org.getByRole('textbox', { name: 'CSV of teams' });
  await teamsCsv.fill(BAD_TEAMS);
  await expect(org.getByTestId('preview-problems')).toContainText(
    'Line 4: unknown category "Robot Desgn"',
  );
  await expect(org.getByTestId('preview-problems')).toContainText('nothing is saved');
  await expect(org.getByRole('button', { name: 'Fix the problems to confirm' })).toBeDisabled();
  await shot(org, '02-teams-bad-line');
  expect(storedEvent(dataDir).event.teams).toEqual([]);

  // Fixed: the preview lists all four, still not saved until confirmed.
  await teamsCsv.fill(GOOD_TEAMS);
  await expect(org.getByTestId('preview-teams')).toContainText('4 to add, 0 to change');
  await expect(org.getByTestId('preview-teams')).toContainText(
    'Nothing is saved until you confirm',
  );
  expect(storedEvent(dataDir).event.teams).toEqual([]);
  await shot(org, '03-teams-preview-fixed');
  await org.getByRole('button', { name: 'Confirm: add 4, change 0' }).click();
  await expect(org.getByTestId('save-status')).toHaveText(
    '4 added, 0 changed (teams from CSV) — saved on hub.',
  );
  for (const [id, name] of TEAMS) await expect(org.getByTestId(`team-${id}`)).toContainText(name);
  expect(storedEvent(dataDir).event.teams.map((t) => [t.id, t.name, t.categoryIds])).toEqual(
    TEAMS.map(([id, name]) => [id, name, [CATEGORY]]),
  );

  // Judges from CSV, the same way.
  await org.getByRole('tab', { name: /Judges/ }).click();
  const judgesCsv = org.getByRole('textbox', { name: 'CSV of judges' });
  await judgesCsv.fill(BAD_JUDGES);
  await expect(org.getByTestId('preview-problems')).toContainText(
    'Line 3: conflict with unknown team "T9"',
  );
  await expect(org.getByRole('button', { name: 'Fix the problems to confirm' })).toBeDisabled();
  await shot(org, '04-judges-bad-line');
  expect(storedEvent(dataDir).event.judges).toEqual([]);
  await judgesCsv.fill(GOOD_JUDGES);
  await expect(org.getByTestId('preview-judges')).toContainText('3 to add, 0 to change');
  expect(storedEvent(dataDir).event.judges).toEqual([]);
  await org.getByRole('button', { name: 'Confirm: add 3, change 0' }).click();
  await expect(org.getByTestId('save-status')).toHaveText(
    '3 added, 0 changed (judges from CSV) — saved on hub.',
  );
  for (const [id, name] of JUDGES) await expect(org.getByTestId(`judge-${id}`)).toContainText(name);
  await shot(org, '05-judges-saved');
  expect(storedEvent(dataDir).event.judges).toEqual(JUDGES.map(([id, name]) => ({ id, name })));

  // The rubric: Overall ×2, then Programming and Teamwork.
  await org.getByRole('tab', { name: /Categories/ }).click();
  await org.getByRole('button', { name: /^Robot Design/ }).click();
  await org.getByTestId('criterion-0').getByLabel('Weight').fill('2');
  await org.getByRole('button', { name: 'Add a criterion' }).click();
  await org.getByTestId('criterion-1').getByLabel('Label').fill('Programming');
  await org.getByRole('button', { name: 'Add a criterion' }).click();
  await org.getByTestId('criterion-2').getByLabel('Label').fill('Teamwork');
  await org.getByRole('button', { name: 'Save Robot Design' }).click();
  await expect(org.getByTestId('save-status')).toHaveText(
    'Robot Design: rubric and scoring saved — saved on hub.',
  );
  await shot(org, '06-rubric-saved');
  await org.getByRole('button', { name: 'Add a criterion' }).scrollIntoViewIfNeeded();
  await org.screenshot({ path: path.join(SHOTS, '06b-rubric-saved-criteria.png') });
  expect(
    storedEvent(dataDir).event.categories.map((c) => [
      c.id,
      c.criteria.map((k) => [k.id, k.min, k.max, k.weight]),
    ]),
  ).toEqual([
    [
      CATEGORY,
      [
        ['overall', 1, 10, 2],
        ['programming', 1, 10, 1],
        ['teamwork', 1, 10, 1],
      ],
    ],
  ]);

  // ── 2. Assignments: two judges per team ──────────────────────────────────────────────────
  await org.goto(`${hub.baseUrl}/organiser/assignments`);
  await expect(org.getByRole('heading', { name: 'Assignments & rounds' })).toBeVisible();
  await org.getByTestId('gen-k').fill('2');
  await org.getByTestId('gen-preview').click();
  const summary = org.getByTestId('plan-preview').getByTestId('plan-summary');
  await expect(summary).toContainText('4 team sessions');
  await expect(summary).toContainText('Every team gets all its judges');
  await expect(summary).toContainText('loads differ by 1');
  for (const [id] of TEAMS)
    await expect(org.getByTestId(`coverage-${id}-${CATEGORY}`)).toContainText('2/2');
  await shot(org, '07-assignments-preview');
  expect(storedEvent(dataDir).event.assignments).toEqual([]);
  await org.getByTestId('gen-write').click();
  await expect(org.getByTestId('save-state').first()).toHaveAttribute('data-saved', 'hub');
  await expect(org.getByTestId('save-state').first()).toContainText('Plan written');
  const rows = org.getByTestId('assignment-table').locator('tbody tr');
  await expect(rows).toHaveCount(8);
  await shot(org, '08-assignments-written');

  const assignments = storedEvent(dataDir).event.assignments;
  expect(assignments).toHaveLength(8);
  for (const [teamId] of TEAMS) {
    const judges = assignments.filter((a) => a.teamId === teamId).map((a) => a.judgeId);
    expect(new Set(judges).size, teamId).toBe(2);
  }
  for (const a of assignments)
    await expect(org.getByTestId(`row-${a.judgeId}|${a.teamId}|${a.categoryId}`)).toContainText(
      teamName(a.teamId),
    );
  const teamsOf = (judgeId: string) =>
    assignments
      .filter((a) => a.judgeId === judgeId)
      .map((a) => a.teamId)
      .sort();
  // A and B: the two judges with three teams each (they share at least two); C does not score.
  const byLoad = JUDGES.map(([id]) => id).sort(
    (x, y) => teamsOf(y).length - teamsOf(x).length || x.localeCompare(y),
  );
  const [A, B, C] = byLoad as [string, string, string];
  expect([teamsOf(A).length, teamsOf(B).length, teamsOf(C).length]).toEqual([3, 3, 2]);
  const shared = teamsOf(A).filter((t) => teamsOf(B).includes(t));
  expect(shared.length).toBeGreaterThanOrEqual(2);
  // S: the team whose Overall ends in a conflict; A's first team (scored online) is another one.
  const S = shared[0]!;
  const aOnline = teamsOf(A).find((t) => t !== S)!;
  const aOffline = teamsOf(A).filter((t) => t !== aOnline);
  expect(aOffline).toContain(S);

  // ── 3. Sign-in: QR cards' links and PINs on /organiser ───────────────────────────────────
  await org.goto(`${hub.baseUrl}/organiser`);
  for (const [id, name] of JUDGES)
    await expect(org.getByTestId(`card-${id}`).getByRole('heading', { name })).toBeVisible();
  const qrUrl = async (judgeId: string) =>
    onHub(hub!.baseUrl, (await org.getByTestId(`qr-${judgeId}`).getAttribute('data-url'))!);
  const aLink = await qrUrl(A);
  const bPin = (await org.getByTestId(`pin-${B}`).getAttribute('data-pin'))!;
  expect(bPin).toMatch(/^\d{6}$/);
  const headHref = (await org
    .getByTestId('head-judge-link')
    .getByRole('link')
    .getAttribute('href'))!;
  const headToken = new URL(headHref).searchParams.get('token')!;
  expect(headToken).toBeTruthy();
  // The banner, reprinted for the new event, gives the same head judge link.
  await expect
    .poll(() => hub!.output(), { timeout: 30_000 })
    .toMatch(new RegExp(`Head judge:\\s+http\\S+/head-judge\\?token=${headToken}`));
  await shot(org, '09-access-cards');

  // A's tablet, from A's QR code.
  const a1 = await device(browser);
  await a1.page.goto(aLink);
  await expect(a1.page.getByTestId('judge-name')).toHaveText(judgeName(A));
  await expect(a1.page.getByTestId('connection')).toHaveText(/Connected to hub/);
  for (const t of teamsOf(A))
    await expect(a1.page.getByTestId(`team-${t}-${CATEGORY}`)).toContainText(teamName(t));
  for (const [t] of TEAMS.filter(([t]) => !teamsOf(A).includes(t)))
    await expect(a1.page.getByTestId(`team-${t}-${CATEGORY}`)).toHaveCount(0);

  // B's tablet, with the PIN on /join.
  const b = await device(browser);
  await b.page.goto(`${hub.baseUrl}/join`);
  await expect(b.page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible();
  for (const digit of bPin) await b.page.getByRole('button', { name: digit, exact: true }).click();
  await b.page.waitForURL(`${hub.baseUrl}/judge`, { timeout: 30_000 });
  await expect(b.page.getByTestId('judge-name')).toHaveText(judgeName(B));
  await expect(b.page.getByTestId('connection')).toHaveText(/Connected to hub/);

  // A scores the first team online: every value saved on hub, and on the hub.
  await scoreAndSubmit(a1.page, aOnline, A_VALUES[aOnline]!, true);
  await shot(a1.page, '10-judge-a-online-submitted');
  await backToList(a1.page);
  await expect(a1.page.getByTestId(`team-${aOnline}-${CATEGORY}`)).toContainText('Submitted');
  let stored = storedSheets(dataDir);
  for (const c of CRITERIA)
    expect(sheetRow(stored, A, aOnline, c)).toMatchObject({
      'Sheet status': 'submitted',
      Value: String(A_VALUES[aOnline]![c]),
    });

  // A's tablet loses the network and A keeps scoring: values on this tablet, not on the hub.
  await goOffline(a1);
  await expect(a1.page.getByTestId('connection')).toContainText(/Offline|Connecting/);
  for (const t of aOffline) {
    await scoreAndSubmit(a1.page, t, A_VALUES[t]!, false);
    if (t === S) await shot(a1.page, '11-judge-a-offline-on-tablet');
    await backToList(a1.page);
  }
  await expect(a1.page.getByTestId('waiting')).toHaveText(/[1-9]\d* waiting to send/);
  stored = storedSheets(dataDir);
  for (const t of aOffline)
    for (const c of CRITERIA)
      expect(sheetRow(stored, A, t, c)).toMatchObject({ 'Sheet status': 'not started', Value: '' });

  // ── 4. A's second tablet (same QR link) changes Overall for S while the first is offline ──
  const a2 = await device(browser);
  await a2.page.goto(aLink);
  await expect(a2.page.getByTestId('judge-name')).toHaveText(judgeName(A));
  await expect(a2.page.getByTestId('connection')).toHaveText(/Connected to hub/);
  await openSheet(a2.page, S);
  // Nothing from the offline tablet is here.
  await expect(
    a2.page.getByTestId('criterion-overall').getByRole('radio', { checked: true }),
  ).toHaveCount(0);
  await score(a2.page, { overall: SECOND_TABLET_OVERALL });
  await expect(a2.page.getByTestId('criterion-overall').getByTestId('saved-on-hub')).toBeVisible();
  await shot(a2.page, '12-judge-a-second-tablet');
  stored = storedSheets(dataDir);
  expect(sheetRow(stored, A, S, 'overall')).toMatchObject({
    'Sheet status': 'draft',
    Value: String(SECOND_TABLET_OVERALL),
    'Conflicting values': '',
  });
  expect(sheetRow(stored, A, S, 'programming').Value).toBe('');

  // Meanwhile B scores every team online.
  for (const t of teamsOf(B)) {
    await scoreAndSubmit(b.page, t, B_VALUES[t]!, true);
    if (t === S) await shot(b.page, '13-judge-b-submitted');
    await backToList(b.page);
  }
  stored = storedSheets(dataDir);
  for (const t of teamsOf(B))
    for (const c of CRITERIA)
      expect(sheetRow(stored, B, t, c)).toMatchObject({
        'Sheet status': 'submitted',
        Value: String(B_VALUES[t]![c]),
      });

  // A's first tablet comes back: everything reaches the hub by itself.
  await goOnline(a1);
  await shot(a1.page, '14-judge-a-back-online');
  for (const t of aOffline) {
    await expect(a1.page.getByTestId(`team-${t}-${CATEGORY}`)).toContainText('Submitted');
    await openSheet(a1.page, t);
    await expect(a1.page.getByTestId('submitted')).toContainText('saved on hub');
    for (const c of CRITERIA)
      await expect(a1.page.getByTestId(`criterion-${c}`).getByTestId('saved-on-hub')).toBeVisible();
    if (t === S) {
      // Both tablets say Overall was entered differently: the later value shows, the other is named.
      await expect(radio(a1.page, 'overall', SECOND_TABLET_OVERALL)).toHaveAttribute(
        'aria-checked',
        'true',
      );
      await expect(a1.page.getByTestId('criterion-overall')).toContainText(
        `Also entered on another device: ${A_VALUES[S]!.overall}`,
      );
      await shot(a1.page, '15-judge-a-conflict');
    }
    await backToList(a1.page);
  }
  await expect(a2.page.getByTestId('criterion-overall')).toContainText(
    `Also entered on another device: ${A_VALUES[S]!.overall}`,
  );
  await expect(radio(a2.page, 'programming', A_VALUES[S]!.programming)).toHaveAttribute(
    'aria-checked',
    'true',
  );
  stored = storedSheets(dataDir);
  for (const t of aOffline)
    for (const c of CRITERIA) {
      const row = sheetRow(stored, A, t, c);
      expect(row['Sheet status']).toBe('submitted');
      if (t === S && c === 'overall') {
        expect(row.Value).toBe(String(SECOND_TABLET_OVERALL));
        expect(row['Conflicting values']).toBe(String(A_VALUES[S]!.overall));
      } else {
        expect(row.Value).toBe(String(A_VALUES[t]![c]));
        expect(row['Conflicting values']).toBe('');
      }
    }

  // The head judge sees both values, keeps the offline tablet's, then locks the category.
  const head = await device(browser, { width: 1280, height: 1100 });
  await head.page.goto(onHub(hub.baseUrl, headHref));
  const teamRow = head.page.getByTestId(`review-team-${S}`);
  await expect(teamRow.getByTestId('flag-conflict')).toBeVisible();
  await shot(head.page, '16-head-judge-teams');
  await teamRow.click();
  const cell = head.page.getByTestId(`cell-overall-${A}`);
  const conflict = cell.getByTestId('conflict');
  await expect(conflict.getByRole('listitem')).toHaveCount(2);
  await expect(conflict).toContainText(String(SECOND_TABLET_OVERALL));
  await expect(conflict).toContainText(String(A_VALUES[S]!.overall));
  await expect(head.page.getByTestId(`cell-overall-${B}`)).toContainText(
    String(B_VALUES[S]!.overall),
  );
  await shot(head.page, '17-head-judge-conflict');
  await conflict.getByTestId(`keep-${A_VALUES[S]!.overall}`).click();
  await expect(cell.getByTestId('conflict')).toHaveCount(0);
  await expect(cell).toContainText(String(A_VALUES[S]!.overall));
  await expect(cell.getByTestId('correction')).toContainText('Head judge · saved on hub');
  await expect(head.page.getByTestId(`total-${A}`)).toContainText(String(total(A_VALUES[S]!)));
  await shot(head.page, '18-head-judge-resolved');
  // Both of A's tablets now show the head judge's value, with no conflict.
  for (const tablet of [a1, a2]) {
    if (tablet === a1) await openSheet(a1.page, S);
    await expect(radio(tablet.page, 'overall', A_VALUES[S]!.overall)).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await expect(
      tablet.page.getByTestId('criterion-overall').getByTestId('corrected'),
    ).toBeVisible();
    await expect(tablet.page.getByTestId('criterion-overall')).not.toContainText(
      'Also entered on another device',
    );
  }
  stored = storedSheets(dataDir);
  expect(sheetRow(stored, A, S, 'overall')).toMatchObject({
    Value: String(A_VALUES[S]!.overall),
    'Conflicting values': '',
  });

  await head.page.getByTestId('lock-category').click();
  await expect(head.page.getByTestId('category-lock-state')).toContainText('Locked (saved on hub)');
  for (const tablet of [a1, a2]) {
    await expect(tablet.page.getByTestId('locked')).toContainText('Locked by the head judge');
    await expect(radio(tablet.page, 'teamwork', 1)).toBeDisabled();
  }
  await shot(head.page, '19-head-judge-locked');
  await shot(a1.page, '20-judge-a-locked');

  // ── 5. Exports: results CSV, XLSX and PDF, from /organiser/exports ───────────────────────
  // Expected standings: the mean of the counted judges' weighted totals (C submitted nothing).
  const expected = TEAMS.map(([teamId, name]) => {
    const totals = [
      ...(teamsOf(A).includes(teamId) ? [total(A_VALUES[teamId]!)] : []),
      ...(teamsOf(B).includes(teamId) ? [total(B_VALUES[teamId]!)] : []),
    ];
    return {
      teamId,
      name,
      score: totals.reduce((s, x) => s + x, 0) / totals.length,
      counted: totals.length,
      status: totals.length === 2 ? 'complete' : 'provisional',
    };
  }).sort((x, y) => y.score - x.score);
  // Distinct scores, so the ranks are 1–4 with no tie.
  expect(new Set(expected.map((e) => e.score)).size).toBe(4);

  await org.goto(`${hub.baseUrl}/organiser/exports`);
  await expect(org.getByRole('heading', { name: 'Exports' })).toBeVisible();
  await expect(org.getByTestId('exports-state')).toHaveText(
    /^6 of 8 assigned sheets are submitted: results are provisional/,
  );
  await shot(org, '21-exports-page');
  const named = (what: string, ext: string) =>
    new RegExp(`^${eventId}-${what}-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`);

  // Results CSV.
  const csv = parseCsvRecords(
    (await download(org, 'results-csv', named('results', 'csv'))).toString('utf8'),
  );
  expect(
    csv.map((r) => [
      r['Category ID'],
      r['Rank'],
      r['Team ID'],
      r['Team'],
      r['Score'],
      r['Judges counted'],
      r['Judges assigned'],
      r['Status'],
    ]),
  ).toEqual(
    expected.map((e, i) => [
      CATEGORY,
      String(i + 1),
      e.teamId,
      e.name,
      String(Number(fixed2(e.score))),
      String(e.counted),
      '2',
      e.status,
    ]),
  );
  // The same as the hub computes it from its data folder.
  expect(csv).toEqual(storedResults(dataDir));

  // Results XLSX: numbers are numbers; the Sheets tab holds the head judge's value.
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    (await download(org, 'results-xlsx', named('results', 'xlsx'))) as unknown as ArrayBuffer,
  );
  expect(book.worksheets.map((s) => s.name)).toEqual(['Summary', 'Robot Design', 'Sheets']);
  expect(sheetRecords(book.getWorksheet('Summary')!)).toEqual([
    expect.objectContaining({
      'Category ID': CATEGORY,
      Category: 'Robot Design',
      'Teams ranked': 4,
      'Sheets counted': 6,
      'Sheets assigned': 8,
      Status: 'provisional',
      Locked: 'yes',
    }),
  ]);
  expect(
    sheetRecords(book.getWorksheet('Robot Design')!).map((r) => [
      r['Rank'],
      r['Team ID'],
      r['Team'],
      r['Score'],
      r['Judges counted'],
    ]),
  ).toEqual(expected.map((e, i) => [i + 1, e.teamId, e.name, Number(fixed2(e.score)), e.counted]));
  const xlsxSheets = sheetRecords(book.getWorksheet('Sheets')!);
  const resolved = xlsxSheets.find(
    (r) => r['Judge ID'] === A && r['Team ID'] === S && r['Criterion ID'] === 'overall',
  )!;
  expect(resolved['Value']).toBe(A_VALUES[S]!.overall);
  expect(resolved['Conflicting values'] ?? '').toBe('');
  expect(resolved['Sheet status']).toBe('submitted');
  for (const [judgeId, values] of [
    [A, A_VALUES],
    [B, B_VALUES],
  ] as const)
    for (const t of teamsOf(judgeId))
      for (const c of CRITERIA)
        expect(
          xlsxSheets.find(
            (r) => r['Judge ID'] === judgeId && r['Team ID'] === t && r['Criterion ID'] === c,
          )?.['Value'],
          `${judgeId} ${t} ${c}`,
        ).toBe(values[t]![c]);

  // Results PDF: every team with its score, the lock, and "Page n of m" on each page.
  const pdf = await download(org, 'results-pdf', named('results', 'pdf'));
  const pages = await pdfText(pdf);
  expect(pages.length).toBeGreaterThanOrEqual(1);
  const text = pages.map((p) => p.text.replace(/\s+/g, ' ')).join('\n');
  expect(text).toContain('Harbour Robotics Day');
  expect(text).toContain('PROVISIONAL');
  expect(text).toMatch(/locked \d{4}-\d{2}-\d{2}/);
  for (const e of expected) {
    expect(text).toContain(e.name);
    expect(text).toContain(fixed2(e.score));
  }
  pages.forEach((p, i) => expect(p.text).toContain(`Page ${i + 1} of ${pages.length}`));
  // Ranked in order of score: each team's name comes after the one above it.
  const at = expected.map((e) => text.indexOf(e.name));
  expect(at).toEqual([...at].sort((x, y) => x - y));
  // Each page as the organiser's browser shows it, kept with the screenshots.
  const rendered = await renderPdf(pdf, 'whole-day-results', { x: 36, y: 20 });
  expect(rendered).toHaveLength(pages.length);
  for (const [i, page] of rendered.entries()) {
    expect(page.ink).toBeGreaterThan(0);
    fs.copyFileSync(page.file, path.join(SHOTS, `23-results-pdf-page-${i + 1}.png`));
  }
  await shot(org, '22-exports-downloaded');
});
