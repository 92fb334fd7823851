import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempFolders, importFixture, runJudgehub } from '../helpers/cliProcess.js';
import { parseCsvRecords } from '../helpers/csvRows.js';
import { pdfText } from '../helpers/pdfPages.js';

/**
 * `judgehub export` writes the organiser's XLSX, PDF and audit exports from a data folder with
 * the same code the hub serves over HTTP.
 */
describe('judgehub export: xlsx, pdf and the audit log', () => {
  const temp = new TempFolders();
  let dataDir = '';
  let outDir = '';

  beforeAll(async () => {
    dataDir = temp.missing();
    outDir = temp.make();
    await importFixture(dataDir);
  });
  afterAll(() => temp.cleanup());

  const exportTo = async (format: string, what: string, file: string) => {
    const out = path.join(outDir, file);
    const result = await runJudgehub([
      'export',
      '--data',
      dataDir,
      '--format',
      format,
      '--what',
      what,
      '--out',
      out,
    ]);
    expect(result.stderr).toContain(`Wrote ${what} (${format}) to ${out}`);
    expect(result.code).toBe(0);
    return fs.readFileSync(out);
  };

  it('--format xlsx: the results workbook', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportTo('xlsx', 'results', 'r.xlsx')) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Robot Design',
      'Pitch',
      'Sheets',
    ]);
    expect(book.getWorksheet('Pitch')!.getCell('C3').value).toBe('=Equals Engineers');
  });

  it('--format pdf: the results report and the feedback, A4 with page numbers', async () => {
    const results = await pdfText(await exportTo('pdf', 'results', 'r.pdf'));
    expect(results[0]!.text).toContain('Regional Robotics 2026');
    expect(results[0]!.text).toContain('Page 1 of 1');
    const feedback = await pdfText(await exportTo('pdf', 'feedback', 'f.pdf'));
    expect(feedback).toHaveLength(3);
    expect(feedback[2]!.text).toContain('-Minus Minions');
    expect(feedback[2]!.text).toContain('Page 3 of 3');
  });

  it('--format csv --what audit: every change, to standard output', async () => {
    const result = await runJudgehub([
      'export',
      '--data',
      dataDir,
      '--format',
      'csv',
      '--what',
      'audit',
    ]);
    expect(result.code).toBe(0);
    const rows = parseCsvRecords(result.stdout);
    const penalty = rows.find(
      (r) =>
        r['Document'] === 'sheets/J1' &&
        r['Team ID'] === 'T1' &&
        r['Field'] === 'Penalties (penalty)',
    );
    expect(penalty).toMatchObject({ Role: 'hub', Device: 'import', 'New value': '-1' });
  });

  it('binary formats need --out; a wrong combination says what works', async () => {
    const pdf = await runJudgehub(['export', '--data', dataDir, '--format', 'pdf']);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('--format pdf is not text: give a file with --out FILE');
    const sheets = await runJudgehub([
      'export',
      '--data',
      dataDir,
      '--format',
      'xlsx',
      '--what',
      'sheets',
    ]);
    expect(sheets.code).toBe(2);
    expect(sheets.stderr).toContain('--format xlsx exports results, not "sheets"');
  });
});
