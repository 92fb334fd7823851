import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnName, sheetName, writeXlsx, xmlText } from './xlsxWriter.js';

describe('xlsxWriter', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('makes sheet names valid and unique (31 characters, no []:*?/\\)', () => {
    const taken = new Set<string>();
    expect(sheetName('Summary', taken)).toBe('Summary');
    expect(sheetName('summary', taken)).toBe('summary (2)');
    expect(sheetName('Robot: Design / Build [junior]?', taken)).toBe(
      'Robot  Design   Build  junior',
    );
    const long = 'A very long category name that Excel would refuse';
    expect(sheetName(long, taken)).toBe(long.slice(0, 31));
    expect(sheetName(long, taken)).toBe(`${long.slice(0, 27)} (2)`);
    expect(sheetName("''", taken)).toBe('Sheet');
  });

  it('escapes what XML cannot hold, and text that looks like an escape', () => {
    expect(xmlText('a<b & c>d')).toBe('a&lt;b &amp; c&gt;d');
    expect(xmlText('bell\u0007')).toBe('bell_x0007_');
    expect(xmlText('_x0041_')).toBe('_x005F_x0041_');
    expect(xmlText('tab\tline\nend')).toBe('tab\tline\nend');
  });

  it('writes text exactly and numbers as numbers, read back by ExcelJS', async () => {
    const texts = [
      '=1+1',
      '+44 20',
      '-Minus',
      '@handle',
      'bell\u0007',
      '_x0041_',
      'Zoë 東京',
      'a\nb',
    ];
    const bytes = writeXlsx([
      {
        name: 'Values',
        header: ['Text', 'Number'],
        rows: texts.map((t, i) => [t, i === 0 ? -2.5 : i === 1 ? null : i]),
      },
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Values')!;
    texts.forEach((text, i) => {
      const cell = sheet.getCell(i + 2, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
    });
    expect(sheet.getCell('B2').value).toBe(-2.5);
    expect(sheet.getCell('B3').value).toBeNull();
    expect(sheet.getCell('B4').type).toBe(ExcelJS.ValueType.Number);
  });

  it('refuses what is not a finite number, and an empty workbook', () => {
    expect(() => writeXlsx([{ name: 'x', header: ['n'], rows: [[Number.NaN]] }])).toThrow(
      /not a finite number in A2/,
    );
    expect(() => writeXlsx([])).toThrow(/at least one sheet/);
  });
});
