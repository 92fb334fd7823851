import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EVENT_FIXTURES, TempFolders, runJudgehub } from '../helpers/cliProcess.js';

/** `judgehub results` prints each category's standings as an aligned table. */
describe('judgehub results', () => {
  const temp = new TempFolders();
  afterAll(() => temp.cleanup());

  it('prints a table per category with ranks, scores, judges and markers', async () => {
    const dataDir = temp.missing();
    const file = path.join(EVENT_FIXTURES, 'good', 'full-with-sheets.json');
    expect((await runJudgehub(['import', file, '--data', dataDir])).code).toBe(0);
    const result = await runJudgehub(['results', '--data', dataDir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Regional Robotics 2026 — results');
    const design = lines.indexOf('Robot Design');
    const pitch = lines.indexOf('Pitch');
    expect(design).toBeGreaterThan(0);
    expect(pitch).toBeGreaterThan(design);
    expect(lines[design + 1]).toMatch(/^ {2}Rank {2}Team +Score {2}Judges$/);
    // Every row of a table puts its score in the same column, right-aligned under "Score".
    const scoreEnd = lines[design + 1]!.indexOf('Score') + 'Score'.length;
    const tableEnd = lines.indexOf('', design);
    const rows = lines.slice(design + 2, tableEnd);
    expect(rows.map((r) => r.trim().split(/\s+/)[1])).toEqual(['T1', 'T2', 'T3']);
    for (const row of rows) expect(row[scoreEnd - 1]).toMatch(/[0-9–]/);
    expect(rows.find((r) => r.includes(' T3 '))).toMatch(/– {2}0 of 2 {2}awaiting scores$/);
    expect(rows.find((r) => r.includes(' T2 '))).toMatch(/ {2}2 of 3( |$)/);
    expect(result.stdout).not.toContain('Withdrawn Wombats');
    // Then the category's top N under every method, the published one first.
    expect(lines[tableEnd + 1]).toMatch(/^ {2}Top \d+ by method — /);
    expect(lines[tableEnd + 2]).toMatch(/^ {4}[a-z].* +1\. T1 .*\(published\)$/);
    for (const method of ['median', 'sum', 'trimmed mean'])
      expect(lines.slice(tableEnd + 2, pitch).some((l) => l.trim().startsWith(method))).toBe(true);
  });

  it('says clearly when there is no data folder, and creates none', async () => {
    const dataDir = temp.missing();
    const result = await runJudgehub(['results', '--data', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`no data folder at ${dataDir}`);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('says clearly when the folder holds no hub data, and leaves it empty', async () => {
    const dataDir = temp.make();
    const result = await runJudgehub(['results', '--data', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('holds no JudgeHub data');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
