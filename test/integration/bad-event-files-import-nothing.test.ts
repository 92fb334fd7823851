import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_FIXTURES, TempFolders, folderSnapshot, runJudgehub } from '../helpers/cliProcess.js';

/**
 * Every malformed event file in test/fixtures/event-files/bad is refused by `judgehub import`:
 * exit code 1, the problem named with its path in the file, and the data folder exactly as it
 * was: not created when missing, not a byte changed when it holds a hub's data.
 */
const BAD = path.join(EVENT_FIXTURES, 'bad');
const badFiles = fs
  .readdirSync(BAD)
  .filter((f) => f.endsWith('.json'))
  .sort();
const expectedProblem = JSON.parse(
  fs.readFileSync(path.join(EVENT_FIXTURES, 'bad-expected.json'), 'utf8'),
) as Record<string, string>;

describe('judgehub import refuses a bad event file and imports nothing', () => {
  const temp = new TempFolders();
  let hubFolder = '';
  let before: Record<string, string> | null = null;

  beforeAll(async () => {
    // A data folder a hub already uses, with an event and sheets in it.
    hubFolder = temp.missing();
    const setUp = await runJudgehub([
      'import',
      path.join(EVENT_FIXTURES, 'good', 'full-with-sheets.json'),
      '--data',
      hubFolder,
    ]);
    expect(setUp.code).toBe(0);
    before = folderSnapshot(hubFolder);
  });
  afterAll(() => temp.cleanup());

  it('has at least 20 distinct bad files, each with the problem it must report', () => {
    expect(badFiles.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(expectedProblem).sort()).toEqual(badFiles);
  });

  it.concurrent.each(badFiles)(
    '%s: exit 1, the problem and its path, nothing written',
    async (name) => {
      const missingFolder = temp.missing();
      const [intoMissing, intoHub] = await Promise.all([
        runJudgehub(['import', path.join(BAD, name), '--data', missingFolder]),
        runJudgehub(['import', path.join(BAD, name), '--data', hubFolder]),
      ]);
      for (const result of [intoMissing, intoHub]) {
        expect(result.code).toBe(1);
        expect(result.stderr).toContain('nothing was imported');
        expect(result.stderr.split('\n')).toContain(`  ${expectedProblem[name]}`);
        expect(result.stdout).toBe('');
      }
      expect(fs.existsSync(missingFolder)).toBe(false);
      expect(folderSnapshot(hubFolder)).toEqual(before);
    },
  );

  it('leaves an existing empty folder empty', async () => {
    const dataDir = temp.make();
    const result = await runJudgehub([
      'import',
      path.join(BAD, 'duplicate-team-id.json'),
      '--data',
      dataDir,
    ]);
    expect(result.code).toBe(1);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('says so when the file is missing, and creates nothing', async () => {
    const dataDir = temp.missing();
    const result = await runJudgehub([
      'import',
      path.join(BAD, 'no-such-file.json'),
      '--data',
      dataDir,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no file at');
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('refuses a file saved as UTF-16, and creates nothing', async () => {
    const dir = temp.make();
    const file = path.join(dir, 'event-utf16.json');
    const text = fs.readFileSync(path.join(EVENT_FIXTURES, 'good', 'minimal.json'), 'utf8');
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const dataDir = path.join(dir, 'data');
    const result = await runJudgehub(['import', file, '--data', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is saved as UTF-16; save it as UTF-8');
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
