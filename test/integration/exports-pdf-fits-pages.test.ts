import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempFolders, runJudgehub } from '../helpers/cliProcess.js';
import { fetchExport, lockCategory, startScoredHub } from '../helpers/exportsHub.js';
import { pdfText, renderPdf, type PdfPageText } from '../helpers/pdfPages.js';
import { TestHubs, tokenFor, type TestHub } from '../helpers/testHubs.js';

const A4 = [0, 0, 595.28, 841.89];
/** Nothing may be drawn this close to an edge (points): the reports' margins are wider. */
const EDGE_BAND = { x: 36, y: 20 };

const LONG_COMMENT = `${'The arm design was thoughtful and the team explained every trade-off they made. '.repeat(90)}Unbreakable:${'x'.repeat(180)} End of comment.`;
const LONG_NAME =
  `The Extraordinarily Long-Named Collective of Robotics Enthusiasts From The Valley ${'And Friends '.repeat(6)}`.trim();

/**
 * A larger event, imported with the CLI: 70 teams in one category (the results table runs over
 * several pages), a team name too long for its cell, a 3,000-character comment with a 180-letter
 * word, characters outside the PDF fonts, and a category with eight judges.
 */
function bigEventFile(): unknown {
  const teams = Array.from({ length: 70 }, (_, i) => ({
    id: `T${String(i + 1).padStart(2, '0')}`,
    name: i === 0 ? LONG_NAME : i === 1 ? 'Łódź Lions 東京' : `Team ${i + 1}`,
    categoryIds: i < 2 ? ['robot', 'panel'] : ['robot'],
    withdrawn: false,
  }));
  const judges = Array.from({ length: 8 }, (_, i) => ({ id: `J${i + 1}`, name: `Judge ${i + 1}` }));
  const assignments = [
    ...teams.flatMap((t) =>
      ['J1', 'J2', 'J3'].map((judgeId) => ({ judgeId, teamId: t.id, categoryId: 'robot' })),
    ),
    ...['T01', 'T02'].flatMap((teamId) =>
      judges.map((j) => ({ judgeId: j.id, teamId, categoryId: 'panel' })),
    ),
  ];
  const sheets = assignments
    // Team 70 is still awaiting its scores: the results are provisional.
    .filter((a) => a.teamId !== 'T70')
    .map((a, i) => ({
      ...a,
      values:
        a.categoryId === 'robot'
          ? { build: (i * 7) % 11, code: 1 + ((i * 3) % 5) }
          : { impact: 1 + (i % 10) },
      ...(a.teamId === 'T01' && a.judgeId === 'J1' && a.categoryId === 'robot'
        ? { comment: LONG_COMMENT }
        : {}),
      status: 'submitted',
    }));
  return {
    format: 'judgehub-event',
    version: 1,
    event: {
      settings: { id: 'big-day', name: 'Big Day Robotics' },
      categories: [
        {
          id: 'robot',
          name: 'Robot Performance',
          order: 1,
          criteria: [
            {
              id: 'build',
              label: 'Build quality',
              description: '',
              min: 0,
              max: 10,
              step: 1,
              weight: 2,
            },
            {
              id: 'code',
              label: 'Programming',
              description: '',
              min: 1,
              max: 5,
              step: 1,
              weight: 1,
            },
          ],
        },
        {
          id: 'panel',
          name: 'Panel Award',
          order: 2,
          criteria: [
            { id: 'impact', label: 'Impact', description: '', min: 1, max: 10, step: 1, weight: 1 },
          ],
        },
      ],
      teams,
      judges,
      assignments,
    },
    sheets,
  };
}

function expectPageNumbers(pages: PdfPageText[]): void {
  pages.forEach((p, i) => {
    expect(p.view).toEqual(A4);
    expect(p.text).toContain(`Page ${i + 1} of ${pages.length}`);
  });
}

async function expectFitsPages(bytes: Uint8Array, name: string, pageCount: number): Promise<void> {
  const rendered = await renderPdf(bytes, name, EDGE_BAND);
  expect(rendered).toHaveLength(pageCount);
  for (const page of rendered) {
    expect(fs.existsSync(page.file)).toBe(true);
    // A4 at 1.5× is 893 × 1263 pixels.
    expect([page.widthPx, page.heightPx]).toEqual([893, 1263]);
    expect(page.ink, `${path.basename(page.file)} has content`).toBeGreaterThan(500);
    expect(page.inkNearEdges, `${path.basename(page.file)}: ink near the page's edges`).toBe(0);
  }
}

describe('PDF reports fit their A4 pages', () => {
  const temp = new TempFolders();
  const hubs = new TestHubs();
  let big: TestHub;
  let organiser = '';

  beforeAll(async () => {
    const file = path.join(temp.make(), 'big.json');
    fs.writeFileSync(file, JSON.stringify(bigEventFile()));
    const dataDir = temp.missing();
    const imported = await runJudgehub(['import', file, '--data', dataDir]);
    expect(imported.stderr).toBe('');
    big = await hubs.start({ dataDir, withDemoEvent: false });
    organiser = tokenFor(big, 'organiser');
  });
  afterAll(async () => {
    await hubs.cleanup();
    temp.cleanup();
  });

  it('results: the long table breaks across pages with its header row on each, marked provisional', async () => {
    const { bytes, headers } = await fetchExport(big, organiser, 'results-pdf');
    expect(headers.get('content-type')).toBe('application/pdf');
    const pages = await pdfText(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expectPageNumbers(pages);
    for (const page of pages) {
      expect(page.text).toContain('PROVISIONAL');
      // Every page with team rows starts its table with the header row.
      if (/Team \d+ \(T\d+\)/.test(page.text))
        expect(page.text).toMatch(/Rank\s+Team\s+Score\s+Judges\s+Status/);
    }
    const all = pages.map((p) => p.text).join('\n');
    for (let i = 3; i <= 70; i++)
      expect(all).toContain(`Team ${i} (T${String(i).padStart(2, '0')})`);
    expect(all).toContain('awaiting scores');
    // Characters the PDF fonts lack are shown as ? and the report says so.
    // (Ł and 東京 have no form in them; ó has, ź loses its accent.)
    expect(all).toContain('?ódz Lions ?? (T02)');
    expect(all).toMatch(/6 character\(s\) cannot be shown in this PDF's font/);
    await expectFitsPages(bytes, 'big-results', pages.length);
  });

  it('feedback: each team on its own pages, long comments wrapped onto the next page, eight judges aggregated', async () => {
    const { bytes } = await fetchExport(big, organiser, 'feedback-pdf');
    const pages = await pdfText(bytes);
    expectPageNumbers(pages);
    const starts = pages
      .map((p, i) => ({
        i,
        m: /Feedback from the judges · Big Day Robotics · team (T\d+)/.exec(p.text),
      }))
      .filter((s) => s.m !== null);
    // 70 teams, each starting a page of its own, in order.
    expect(starts.map((s) => s.m![1])).toEqual(
      Array.from({ length: 70 }, (_, i) => `T${String(i + 1).padStart(2, '0')}`),
    );
    expect(new Set(starts.map((s) => s.i)).size).toBe(70);
    // T01's long comment needs more than its first page; the next team starts after it.
    const t01 = starts[0]!.i;
    expect(starts[1]!.i).toBeGreaterThan(t01 + 1);
    const t01Text = pages
      .slice(t01, starts[1]!.i)
      .map((p) => p.text)
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(t01Text).toContain('Judge A:');
    // The comment itself continues on T01's second page.
    expect(pages[t01]!.text).not.toContain('End of comment.');
    expect(pages[t01 + 1]!.text).toContain('End of comment.');
    // Three judges: one column each; eight judges: lowest, highest and the mean.
    expect(t01Text).toMatch(/Criterion\s+Judge A\s+Judge B\s+Judge C\s+Mean/);
    expect(t01Text).toMatch(/Criterion\s+Lowest\s+Highest\s+Mean/);
    expect(pages.at(-1)!.text).toMatch(/Team 70[\s\S]*Awaiting scores/);
    await expectFitsPages(bytes, 'big-feedback', pages.length);
  });

  it('the fixture event: scores per judge, comments and the published score per team', async () => {
    const { testHub, organiser: token } = await startScoredHub(hubs, temp);
    const { bytes } = await fetchExport(testHub, token, 'feedback-pdf');
    const pages = await pdfText(bytes);
    expect(pages).toHaveLength(3); // T1, T2, T3; T4 is withdrawn
    expectPageNumbers(pages);
    const t1 = pages[0]!.text.replace(/\s+/g, ' ');
    expect(t1).toContain('=Equals Engineers');
    // Pitch: J1 7, J3 8 (the tablet's change), mean 7.50, published 7.5.
    expect(t1).toMatch(/Clarity \(1 to 10\) 7 8 7\.50/);
    expect(t1).toContain('Judge B: Loud and clear.');
    expect(t1).toContain('Slides: =SUM(A1:A3) looked odd.');
    expect(t1).toContain('Judge A: =HYPERLINK("http://example.com","click")');
    await lockCategory(hubs, testHub, token, 'pitch');
    const results = await pdfText((await fetchExport(testHub, token, 'results-pdf')).bytes);
    expect(results).toHaveLength(1);
    expect(results[0]!.text).toContain('Provisional:');
    // Only Pitch is locked: its heading's note says when.
    expect(results[0]!.text.match(/ · locked \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/g)).toHaveLength(1);
    expect(results[0]!.text).toMatch(/Pitch[\s\S]*locked \d{4}/);
    await expectFitsPages(bytes, 'fixture-feedback', 3);
  });
});
