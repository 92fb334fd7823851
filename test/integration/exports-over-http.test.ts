import { afterEach, describe, expect, it } from 'vitest';
import { parseEventFile } from '@judgehub/model';
import { TempFolders } from '../helpers/cliProcess.js';
import { parseCsv } from '../helpers/csvRows.js';
import { fetchExport, startScoredHub } from '../helpers/exportsHub.js';
import { hubRequest } from '../helpers/hubHttp.js';
import { TestHubs, tokenFor } from '../helpers/testHubs.js';

/**
 * The organiser's exports over HTTP from a real hub: organiser only, named after the event and
 * the day, the same files the CLI writes, and long ones built as jobs with progress.
 */
describe('exports over HTTP', () => {
  const hubs = new TestHubs();
  const temp = new TempFolders();
  afterEach(async () => {
    await hubs.cleanup();
    temp.cleanup();
  });

  it('only the organiser may export: 401 without a token, 403 for every other role', async () => {
    const { testHub, organiser } = await startScoredHub(hubs, temp);
    for (const kind of ['results-csv', 'audit-csv', 'event-json']) {
      expect((await fetchExport(testHub, null, kind)).status).toBe(401);
      expect((await fetchExport(testHub, 'not-a-token', kind)).status).toBe(401);
      for (const [role, judge] of [
        ['judge', 'J1'],
        ['head-judge', null],
        ['scoreboard', null],
      ] as const) {
        const answer = await fetchExport(testHub, tokenFor(testHub, role, judge), kind);
        expect(answer.status, `${role} ${kind}`).toBe(403);
        expect(answer.bytes.toString()).toContain('organiser');
      }
      expect((await fetchExport(testHub, organiser, kind)).status).toBe(200);
    }
    const judgeJob = await hubRequest(testHub, '/api/exports/jobs', {
      token: tokenFor(testHub, 'judge', 'J1'),
      json: { kind: 'results-pdf' },
    });
    expect(judgeJob.status).toBe(403);
    expect((await fetchExport(testHub, organiser, 'payroll')).status).toBe(404);
  });

  it('results CSV: the CLI’s table, named <event>-results-<date>.csv, J3’s tablet scores in it', async () => {
    const { testHub, organiser } = await startScoredHub(hubs, temp);
    const answer = await fetchExport(testHub, organiser, 'results-csv');
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="regional-2026-results-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = parseCsv(answer.bytes.toString('utf8'));
    expect(rows[0]).toEqual([
      'Category ID',
      'Category',
      'Rank',
      'Team ID',
      'Team',
      'Score',
      'Judges counted',
      'Judges assigned',
      'Status',
    ]);
    const pitch = rows.filter((r) => r[0] === 'pitch');
    // Pitch T1: J1 7 and J3 8 (changed from 7 on the tablet) → mean 7.5; T3: J2 9 → 9.
    expect(pitch).toEqual([
      ['pitch', 'Pitch', '1', 'T3', "'-Minus Minions", '9', '1', '2', 'provisional'],
      ['pitch', 'Pitch', '2', 'T1', "'=Equals Engineers", '7.5', '2', '2', 'complete'],
    ]);
    const sheets = parseCsv((await fetchExport(testHub, organiser, 'sheets-csv')).bytes.toString());
    expect(sheets.find((r) => r[0] === 'J3' && r[4] === 'T1' && r[2] === 'pitch')).toEqual([
      'J3',
      "'@Handle Judge",
      'pitch',
      'Pitch',
      'T1',
      "'=Equals Engineers",
      'submitted',
      'clarity',
      'Clarity',
      '1',
      '8',
      '',
      'Loud and clear.\nSlides: =SUM(A1:A3) looked odd.',
    ]);
  });

  it('event file: re-importable, with the tablet’s sheet', async () => {
    const { testHub, organiser } = await startScoredHub(hubs, temp);
    const answer = await fetchExport(testHub, organiser, 'event-json');
    expect(answer.headers.get('content-disposition')).toMatch(
      /filename="regional-2026-event-\d{4}-\d{2}-\d{2}\.json"/,
    );
    const parsed = parseEventFile(answer.bytes.toString('utf8'));
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    expect(parsed.file.event.settings.id).toBe('regional-2026');
    expect(parsed.file.sheets).toContainEqual(
      expect.objectContaining({
        judgeId: 'J3',
        teamId: 'T1',
        categoryId: 'pitch',
        values: { clarity: 8 },
        status: 'submitted',
      }),
    );
  });

  it('a long export is a job: progress up to its total, then the file', async () => {
    const { testHub, organiser } = await startScoredHub(hubs, temp);
    const started = await hubRequest<{ id: string; state: string }>(testHub, '/api/exports/jobs', {
      token: organiser,
      json: { kind: 'feedback-pdf' },
    });
    expect(started.status).toBe(202);
    expect(started.body.state).toBe('running');
    const seen: { done: number; total: number; state: string }[] = [];
    // Polled as the page does (bounded: a job that never finishes fails the test).
    for (let i = 0; i < 500 && seen.at(-1)?.state !== 'done'; i++) {
      const poll = await hubRequest<{ done: number; total: number; state: string }>(
        testHub,
        `/api/exports/jobs/${started.body.id}`,
        { token: organiser },
      );
      expect(poll.status).toBe(200);
      seen.push(poll.body);
    }
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ state: 'done', done: 3, total: 3 }); // T1–T3; T4 withdrawn
    for (const [a, b] of seen.slice(1).map((s, i) => [seen[i]!, s] as const))
      expect(b.done).toBeGreaterThanOrEqual(a.done);
    const res = await fetch(`${testHub.hub.url}/api/exports/jobs/${started.body.id}/file`, {
      headers: { authorization: `Bearer ${organiser}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="regional-2026-feedback-\d{4}-\d{2}-\d{2}\.pdf"/,
    );
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const other = await fetch(`${testHub.hub.url}/api/exports/jobs/${started.body.id}/file`, {
      headers: { authorization: `Bearer ${tokenFor(testHub, 'head-judge')}` },
    });
    expect(other.status).toBe(403);
  });

  it('before any sheet is submitted the page is told, and results still export', async () => {
    const testHub = await hubs.start();
    const organiser = tokenFor(testHub, 'organiser');
    const overview = await hubRequest<{ sheetsSubmitted: number; kinds: { kind: string }[] }>(
      testHub,
      '/api/exports',
      { token: organiser },
    );
    expect(overview.body.sheetsSubmitted).toBe(0);
    expect(overview.body.kinds.map((k) => k.kind)).toEqual([
      'results-csv',
      'results-xlsx',
      'results-pdf',
      'feedback-pdf',
      'sheets-csv',
      'event-json',
      'audit-csv',
    ]);
    const rows = parseCsv((await fetchExport(testHub, organiser, 'results-csv')).bytes.toString());
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((r) => r[8] === 'awaiting scores' && r[2] === '')).toBe(true);
  });
});
