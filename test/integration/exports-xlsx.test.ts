import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { TempFolders } from '../helpers/cliProcess.js';
import { fetchExport, lockCategory, startScoredHub } from '../helpers/exportsHub.js';
import { TestHubs } from '../helpers/testHubs.js';

/**
 * The results workbook from a real hub, opened with ExcelJS (not the writer, which is ours): a
 * summary and a sheet per category, numbers as numeric cells, text that looks like a formula kept
 * as text (never a formula cell), the header row frozen and columns sized.
 */
describe('results XLSX opens in a spreadsheet as numbers and text', () => {
  const hubs = new TestHubs();
  const temp = new TempFolders();
  let bytes: Buffer;
  let disposition: string | null = null;
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    const { testHub, organiser } = await startScoredHub(hubs, temp);
    // The head judge's review settled Pitch: the summary says so.
    await lockCategory(hubs, testHub, organiser, 'pitch');
    const answer = await fetchExport(testHub, organiser, 'results-xlsx');
    expect(answer.status).toBe(200);
    bytes = answer.bytes;
    disposition = answer.headers.get('content-disposition');
    book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  });
  afterAll(async () => {
    await hubs.cleanup();
    temp.cleanup();
  });

  const rowsOf = (name: string): unknown[][] => {
    const sheet = book.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    return rows;
  };

  it('is named after the event and the day, with a summary, one sheet per category and the sheets', () => {
    expect(disposition).toMatch(/filename="regional-2026-results-\d{4}-\d{2}-\d{2}\.xlsx"/);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Robot Design',
      'Pitch',
      'Sheets',
    ]);
    expect(rowsOf('Summary')).toEqual([
      [
        'Category ID',
        'Category',
        'Teams ranked',
        'Teams awaiting scores',
        'Sheets counted',
        'Sheets assigned',
        'Status',
        'Locked',
      ],
      ['design', 'Robot Design', 2, 1, 5, 8, 'provisional', 'no'],
      ['pitch', 'Pitch', 2, 0, 3, 4, 'provisional', 'yes'],
    ]);
  });

  it('numbers are numeric cells; formula-looking names and comments are text, never formulas', () => {
    const pitch = rowsOf('Pitch');
    expect(pitch[0]).toEqual([
      'Rank',
      'Team ID',
      'Team',
      'Score',
      'Judges counted',
      'Judges assigned',
      'Status',
    ]);
    // The CSV's leading ' is not needed here: the cell type keeps the text as typed.
    expect(pitch.slice(1)).toEqual([
      [1, 'T3', '-Minus Minions', 9, 1, 2, 'provisional'],
      [2, 'T1', '=Equals Engineers', 7.5, 2, 2, 'complete'],
    ]);
    const design = book.getWorksheet('Robot Design')!;
    for (let r = 2; r <= design.rowCount; r++) {
      for (let c = 1; c <= 7; c++) {
        const cell = design.getCell(r, c);
        expect(cell.type, `${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula).toBeUndefined();
      }
    }
    // T3 awaits scores: rank and score are empty cells, not 0.
    const t3 = rowsOf('Robot Design').find((r) => r[1] === 'T3')!;
    expect(t3[0]).toBeUndefined();
    expect(t3[3]).toBeUndefined();
    expect(t3[6]).toBe('awaiting scores');
    const sheets = rowsOf('Sheets');
    const penalty = sheets.find((r) => r[0] === 'J1' && r[4] === 'T1' && r[7] === 'penalty')!;
    expect(penalty[10]).toBe(-1);
    const hyperlink = sheets.find((r) => r[0] === 'J1' && r[2] === 'pitch')!;
    expect(hyperlink[12]).toBe('=HYPERLINK("http://example.com","click")');
    const tablet = sheets.find((r) => r[0] === 'J3' && r[4] === 'T1' && r[2] === 'pitch')!;
    expect(tablet[10]).toBe(8);
    expect(tablet[12]).toBe('Loud and clear.\nSlides: =SUM(A1:A3) looked odd.');
    expect(sheets.find((r) => r[0] === 'J2')![1]).toBe("Zoë O'Neil");
  });

  it('every sheet freezes its header row and sizes its columns', () => {
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const widths = sheet.columns.map((c) => c.width ?? 0);
      expect(widths.every((w) => w >= 8 && w <= 60)).toBe(true);
    }
    // The Team column is wider than the Rank column.
    const pitch = book.getWorksheet('Pitch')!;
    expect(pitch.getColumn(3).width!).toBeGreaterThan(pitch.getColumn(1).width!);
    // In the file itself: no formula element anywhere, and formula-looking text is quote-prefixed.
    const files = unzipSync(new Uint8Array(bytes));
    for (const [name, data] of Object.entries(files))
      if (name.startsWith('xl/worksheets/')) expect(strFromU8(data)).not.toContain('<f>');
    const styles = strFromU8(files['xl/styles.xml']!);
    expect(styles).toContain('quotePrefix="1"');
  });
});
