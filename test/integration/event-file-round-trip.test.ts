import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EVENT_FIXTURES, TempFolders, runJudgehub } from '../helpers/cliProcess.js';

/**
 * An event file imported into a hub and exported again is the same event with the same sheets:
 * import → export → import into a fresh folder → export gives the same JSON, and for a file
 * written in the documented order, the very file we started from.
 */
const GOOD = path.join(EVENT_FIXTURES, 'good');
const goodFiles = fs
  .readdirSync(GOOD)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('event file round trip through the judgehub command', () => {
  const temp = new TempFolders();
  afterAll(() => temp.cleanup());

  async function importFile(file: string): Promise<string> {
    const dataDir = temp.missing();
    const result = await runJudgehub(['import', file, '--data', dataDir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return dataDir;
  }

  async function exportJson(dataDir: string): Promise<string> {
    const result = await runJudgehub(['export', '--data', dataDir, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return result.stdout;
  }

  it.concurrent.each(goodFiles)(
    '%s: import, export, import again, export again: equal',
    async (name) => {
      const first = await exportJson(await importFile(path.join(GOOD, name)));
      const copy = path.join(temp.make(), 'exported.json');
      fs.writeFileSync(copy, first);
      const second = await exportJson(await importFile(copy));
      expect(JSON.parse(second)).toEqual(JSON.parse(first));
      expect(second).toBe(first);
    },
  );

  it('gives back the very file it was given, when written in the documented order', async () => {
    const file = path.join(GOOD, 'full-with-sheets.json');
    const exported = await exportJson(await importFile(file));
    expect(JSON.parse(exported)).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
  });

  it('sorts a file written in any order and fills in what it left out', async () => {
    const exported = JSON.parse(
      await exportJson(await importFile(path.join(GOOD, 'any-order.json'))),
    ) as {
      event: {
        teams: { id: string; withdrawn: boolean }[];
        categories: { id: string; order: number }[];
      };
      sheets: { teamId: string }[];
    };
    expect(exported.event.teams.map((t) => t.id)).toEqual(['P2', 'P10', 'P11']);
    expect(exported.event.teams.every((t) => t.withdrawn === false)).toBe(true);
    expect(exported.event.categories.map((c) => [c.id, c.order])).toEqual([
      ['poster', 1],
      ['demo', 2],
    ]);
    expect(exported).not.toHaveProperty('$schema');
  });

  it('writes the export to --out and says where', async () => {
    const dataDir = await importFile(path.join(GOOD, 'full-with-sheets.json'));
    const out = path.join(temp.make(), 'backup.json');
    const result = await runJudgehub(['export', '--data', dataDir, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`to ${out}`);
    expect(fs.readFileSync(out, 'utf8')).toBe(await exportJson(dataDir));
  });

  it('prints a summary and how to start the hub after an import', async () => {
    const dataDir = temp.missing();
    const result = await runJudgehub([
      'import',
      path.join(GOOD, 'full-with-sheets.json'),
      '--data',
      dataDir,
    ]);
    expect(result.stdout).toContain('Imported "Regional Robotics 2026" (regional-2026)');
    expect(result.stdout).toContain('2 categories, 4 teams, 3 judges, 13 assignments');
    expect(result.stdout).toContain('10 score sheets (8 submitted)');
    expect(result.stdout).toContain(`judgehub serve --data ${dataDir}`);
  });

  it('refuses to import into a folder that already has an event, and keeps that event', async () => {
    const dataDir = await importFile(path.join(GOOD, 'full-with-sheets.json'));
    const before = await exportJson(dataDir);
    const result = await runJudgehub([
      'import',
      path.join(GOOD, 'minimal.json'),
      '--data',
      dataDir,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('already has the event "Regional Robotics 2026"');
    expect(await exportJson(dataDir)).toBe(before);
  });
});
