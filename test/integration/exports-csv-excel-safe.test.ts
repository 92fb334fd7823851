import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempFolders, importFixture, runJudgehub } from '../helpers/cliProcess.js';

/**
 * `judgehub export --format csv` writes files Excel opens safely: UTF-8 with a byte order mark,
 * CRLF after every row, quoting per RFC 4180, and team names or comments that a spreadsheet
 * would run as formulas turned into text; negative numbers stay numbers.
 */
describe('CSV exports open safely in a spreadsheet', () => {
  const temp = new TempFolders();
  let dataDir = '';

  beforeAll(async () => {
    dataDir = temp.missing();
    await importFixture(dataDir);
  });
  afterAll(() => temp.cleanup());

  async function csv(what: string): Promise<string> {
    const result = await runJudgehub([
      'export',
      '--data',
      dataDir,
      '--format',
      'csv',
      '--what',
      what,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return result.stdout;
  }

  /** Rows split on CRLF outside quotes; a bare LF may only appear inside a quoted field. */
  function rows(text: string): string[] {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(1, -2).split('\r\n');
    for (const line of lines) expect((line.match(/"/g) ?? []).length % 2).toBe(0);
    return lines;
  }

  it('results: one row per team per category, formulas neutralised, header first', async () => {
    const lines = rows(await csv('results'));
    expect(lines[0]).toBe(
      'Category ID,Category,Rank,Team ID,Team,Score,Judges counted,Judges assigned,Status',
    );
    // Robot Design ranks T1, T2 and awaits T3 (T4 is withdrawn); Pitch has T1 and T3.
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(
      expect.arrayContaining(['design,Robot Design,,T3', 'pitch,Pitch,1,T3', 'pitch,Pitch,2,T1']),
    );
    expect(lines).toHaveLength(1 + 3 + 2);
    expect(lines.some((l) => l.includes(",T1,'=Equals Engineers,"))).toBe(true);
    expect(lines.some((l) => l.includes(',T2,"Commas, ""Quotes"" & Co",'))).toBe(true);
    expect(lines.some((l) => l.includes(",T3,'-Minus Minions,,0,2,awaiting scores"))).toBe(true);
    expect(
      lines.some((l) => /,T1,'=Equals Engineers,[0-9.]+,\d,\d,(complete|provisional)$/.test(l)),
    ).toBe(true);
  });

  it('sheets: a row per sheet per criterion, negative values as numbers, comments quoted and neutralised', async () => {
    const text = await csv('sheets');
    const lines = rows(text);
    expect(lines[0]).toBe(
      'Judge ID,Judge,Category ID,Category,Team ID,Team,Sheet status,Criterion ID,Criterion,Weight,Value,Conflicting values,Comment',
    );
    expect(text).toContain(
      `J1,Amara Okafor,design,Robot Design,T1,'=Equals Engineers,submitted,penalty,Penalties,1,-1,,"Great robot,\nbut ""shaky"" arm"\r\n`,
    );
    expect(text).toContain(
      `J1,Amara Okafor,pitch,Pitch,T1,'=Equals Engineers,submitted,clarity,Clarity,1,7,,"'=HYPERLINK(""http://example.com"",""click"")"\r\n`,
    );
    expect(text).toContain(
      `J3,'@Handle Judge,pitch,Pitch,T1,'=Equals Engineers,draft,clarity,Clarity,1,,,\r\n`,
    );
    expect(text).toContain(
      `J2,Zoë O'Neil,design,Robot Design,T3,'-Minus Minions,not started,build,`,
    );
    // 13 assignments: 9 in Robot Design (3 criteria each), 4 in Pitch (1 criterion each).
    expect(lines).toHaveLength(1 + 9 * 3 + 4);
  });

  it('refuses combinations it cannot write, with exit code 2', async () => {
    const result = await runJudgehub([
      'export',
      '--data',
      dataDir,
      '--format',
      'csv',
      '--what',
      'event',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the event file is --format json');
    const xml = await runJudgehub(['export', '--data', dataDir, '--format', 'xml']);
    expect(xml.code).toBe(2);
    expect(xml.stderr).toContain('--format must be json, csv, xlsx or pdf');
  });
});
