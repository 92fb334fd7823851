import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, toCsv, type CsvCell } from './csv.js';

/** An RFC 4180 reader, written independently of the writer, to read back what it wrote. */
function readCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 1;
  while (i < text.length) {
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (text[i] === '"') break;
        else cell += text[i];
      }
      i++;
    } else if (text[i] === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else {
      expect(text[i]).not.toMatch(/[\r\n"]/);
      cell += text[i++];
    }
  }
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('toCsv', () => {
  it('starts with a byte order mark and ends every row with CRLF', () => {
    expect(toCsv(['Team', 'Score'], [['Byte Knights', 12.5]])).toBe(
      '\uFEFFTeam,Score\r\nByte Knights,12.5\r\n',
    );
  });

  it('quotes a field with a comma, quote or line break, doubling quotes', () => {
    expect(csvCell('Commas, "Quotes" & Co')).toBe('"Commas, ""Quotes"" & Co"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell('plain text')).toBe('plain text');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-Minus Minions')).toBe("'-Minus Minions");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('keeps numbers as numbers, negative ones too, and null as an empty cell', () => {
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(0.5)).toBe('0.5');
    expect(csvCell(null)).toBe('');
    expect(() => csvCell(Number.NaN)).toThrow();
  });

  it('reads back cell for cell, whatever the text', () => {
    const cell: fc.Arbitrary<CsvCell> = fc.oneof(
      fc.string({
        unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', 'é'),
      }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 5 }),
        (rows) => {
          const back = readCsv(toCsv(['A', 'B'], rows));
          expect(back).toEqual([
            ['A', 'B'],
            ...rows.map((r) =>
              r.map((c) =>
                c === null
                  ? ''
                  : typeof c === 'number'
                    ? String(c)
                    : /^[=+\-@\t\r]/.test(c)
                      ? `'${c}`
                      : c,
              ),
            ),
          ]);
        },
      ),
    );
  });
});
