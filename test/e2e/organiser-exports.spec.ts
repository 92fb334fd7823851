import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { parseEventFile } from '@judgehub/model';
import { parseCsv, parseCsvRecords } from '../helpers/csvRows.js';
import { pdfText } from '../helpers/pdfPages.js';
import { freePort, startHubProcess, tempDataDir, type HubProcess } from './hubProcess.js';
import { demoTeamName, judgeTokens, submitSheets } from './judgeSheets.js';

const ARTEFACTS = 'test-results/organiser-exports';
const DATE = /\d{4}-\d{2}-\d{2}/.source;

let dataDir: string;
let hub: HubProcess | null = null;

test.beforeEach(async () => {
  dataDir = tempDataDir();
  hub = await startHubProcess(dataDir, await freePort());
  fs.mkdirSync(ARTEFACTS, { recursive: true });
});

test.afterEach(async () => {
  await hub?.stop();
  hub = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Presses an export's button and returns the file the browser downloaded, saved as an artefact. */
async function download(page: Page, kind: string, nameRe: RegExp): Promise<Buffer> {
  const card = page.getByTestId(`export-${kind}`);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: /^Download/ }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(nameRe);
  const target = path.join(ARTEFACTS, file.suggestedFilename());
  await file.saveAs(target);
  await expect(card.getByTestId('export-filename')).toHaveText(file.suggestedFilename());
  await expect(card.getByRole('status')).toContainText('to this browser’s downloads folder as');
  return fs.readFileSync(target);
}

test('the organiser downloads every export from /organiser/exports and each file holds the day’s scores', async ({
  page,
}) => {
  const organiserLink = hub!.links.get('Organiser:')!;
  // `serve --demo` gives each hub an event id of its own: the files are named after it.
  const session = await page.request.get(`${hub!.baseUrl}/api/session`, {
    headers: { authorization: `Bearer ${new URL(organiserLink).searchParams.get('token')}` },
  });
  const { eventId, eventName } = (await session.json()) as { eventId: string; eventName: string };
  const named = (what: string, extension: string) =>
    new RegExp(`^${eventId}-${what}-${DATE}\\.${extension}$`);
  await page.setViewportSize({ width: 1280, height: 900 });
  // The organiser's link opens any organiser page (the token in the address signs it in).
  await page.goto(`${hub!.baseUrl}/organiser/exports${new URL(organiserLink).search}`);
  await expect(page.getByRole('heading', { name: 'Exports' })).toBeVisible();

  // Before anyone submits: said plainly, and the results still export (all awaiting scores).
  await expect(page.getByTestId('exports-state')).toHaveText(
    /No results yet: nobody has submitted a sheet\. You can still export/,
  );
  await page.screenshot({ path: path.join(ARTEFACTS, 'exports-page-no-results.png') });
  const empty = parseCsv(
    (await download(page, 'results-csv', named('results', 'csv'))).toString('utf8'),
  );
  expect(empty.slice(1).every((r) => r[8] === 'awaiting scores')).toBe(true);

  // A few scores from judges' tablets (the sync client over the hub's socket).
  await submitSheets(hub!.baseUrl, judgeTokens(hub!.links), [
    { judgeId: 'J1', teamId: 'T01', categoryId: 'robot-design', level: 1 },
    { judgeId: 'J2', teamId: 'T01', categoryId: 'robot-design', level: 0.5 },
    { judgeId: 'J3', teamId: 'T01', categoryId: 'robot-design', level: 0.5 },
  ]);
  await page.reload();
  await expect(page.getByTestId('exports-state')).toHaveText(
    /^3 of \d+ assigned sheets are submitted: results are provisional/,
  );
  // Every button is a big touch target.
  for (const button of await page.getByRole('button', { name: /^Download/ }).all())
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);

  const results = parseCsvRecords(
    (await download(page, 'results-csv', named('results', 'csv'))).toString('utf8'),
  );
  const t01 = results.find((r) => r['Category ID'] === 'robot-design' && r['Team ID'] === 'T01');
  expect(t01).toMatchObject({ Rank: '1', 'Judges counted': '3', Status: 'complete' });

  const xlsx = await download(page, 'results-xlsx', named('results', 'xlsx'));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx as unknown as ArrayBuffer);
  expect(book.worksheets.map((s) => s.name)).toEqual([
    'Summary',
    'Robot Design',
    'Innovation Project',
    'Sheets',
  ]);
  const design = book.getWorksheet('Robot Design')!;
  expect(design.getCell('A2').value).toBe(1);
  expect(design.getCell('B2').value).toBe('T01');
  expect(typeof design.getCell('D2').value).toBe('number');

  // The long ones show their progress, which ends at its total.
  const resultsPdf = await download(page, 'results-pdf', named('results', 'pdf'));
  const resultsCard = page.getByTestId('export-results-pdf');
  await expect(resultsCard.getByRole('progressbar')).toHaveAttribute('value', '2');
  await expect(resultsCard.getByTestId('export-progress-text')).toHaveText('2 of 2 categories');
  const resultsPages = await pdfText(resultsPdf);
  expect(resultsPages[0]!.text).toContain(eventName);
  expect(resultsPages[0]!.text).toContain('PROVISIONAL');
  expect(resultsPages[0]!.text).toContain(`Page 1 of ${resultsPages.length}`);

  const feedback = await download(page, 'feedback-pdf', named('feedback', 'pdf'));
  const feedbackCard = page.getByTestId('export-feedback-pdf');
  await expect(feedbackCard.getByRole('progressbar')).toHaveAttribute('value', '14');
  await expect(feedbackCard.getByTestId('export-progress-text')).toHaveText('14 of 14 teams');
  const feedbackPages = await pdfText(feedback);
  expect(feedbackPages.length).toBeGreaterThanOrEqual(14);
  const first = feedbackPages[0]!.text.replace(/\s+/g, ' ');
  expect(first).toContain(demoTeamName('T01'));
  expect(first).toMatch(/Criterion Judge A Judge B Judge C Mean/);
  expect(first).toContain('3 of 3 judges');

  const sheets = parseCsvRecords(
    (await download(page, 'sheets-csv', named('sheets', 'csv'))).toString('utf8'),
  );
  expect(sheets.filter((r) => r['Sheet status'] === 'submitted').length).toBeGreaterThanOrEqual(3);

  const eventFile = parseEventFile(
    (await download(page, 'event-json', named('event', 'json'))).toString('utf8'),
  );
  if (!eventFile.ok) throw new Error(eventFile.problems.join('; '));
  expect(eventFile.file.sheets?.filter((s) => s.status === 'submitted')).toHaveLength(3);

  const audit = parseCsvRecords(
    (await download(page, 'audit-csv', named('audit', 'csv'))).toString('utf8'),
  );
  await expect(page.getByTestId('export-audit-csv').getByRole('progressbar')).toBeVisible();
  const j2 = audit.filter((r) => r['Device'] === 'e2e-J2');
  expect(j2.length).toBeGreaterThan(0);
  expect(j2.every((r) => r['Role'] === 'judge' && r['Judge ID'] === 'J2')).toBe(true);
  expect(j2.some((r) => r['Field'] === 'status' && r['New value'] === 'submitted')).toBe(true);

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTEFACTS, 'exports-page.png'), fullPage: true });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.screenshot({ path: path.join(ARTEFACTS, 'exports-page-tablet.png'), fullPage: true });

  // The hub goes away: the page says so, instead of a file that never comes.
  await hub!.stop();
  await page.getByTestId('export-results-csv').getByRole('button').click();
  await expect(page.getByTestId('export-results-csv').getByRole('alert')).toHaveText(
    /Cannot reach the hub\. Is it still running on this laptop\? Press the button to try again\./,
  );
  await page.screenshot({ path: path.join(ARTEFACTS, 'exports-page-hub-gone.png') });
});

test('a judge’s link does not open the exports', async ({ page }) => {
  const judgeLink = [...hub!.links].find(([label]) => /^J1 /.test(label))![1];
  const token = new URL(judgeLink).searchParams.get('token')!;
  const answer = await page.request.get(`${hub!.baseUrl}/api/export/results-csv`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(answer.status()).toBe(403);
  await page.goto(`${hub!.baseUrl}/organiser/exports?token=${token}`);
  await expect(page.getByRole('alert')).toHaveText(/Exports are for the organiser/);
});
