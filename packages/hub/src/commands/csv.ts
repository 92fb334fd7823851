/**
 * CSV that opens safely in Excel and reads correctly everywhere else (docs/EXPORTS.md):
 * - UTF-8 with a byte order mark, so Excel shows "Zoë" and not "ZoÃ«";
 * - RFC 4180: CRLF line ends; a field with a comma, quote, CR or LF is quoted, quotes doubled;
 * - text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is
 *   neutralised with a leading `'`, so a team named `=HYPERLINK(…)` stays text.
 * Numbers are written by us, never from user text, so they are left as numbers: -2 stays -2.
 */
export type CsvCell = string | number | null;

export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: a number as digits, text neutralised and quoted as needed, null as empty. */
export function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new Error(`not a finite number: ${cell}`);
    return String(cell);
  }
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV file: the BOM, then a header row and data rows, each ending with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const line = (cells: readonly CsvCell[]) => `${cells.map(csvCell).join(',')}\r\n`;
  return CSV_BOM + line(header) + rows.map(line).join('');
}
