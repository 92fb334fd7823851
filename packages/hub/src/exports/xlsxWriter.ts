import { strToU8, zipSync } from 'fflate';

/**
 * A small Office Open XML (XLSX) writer: enough for tables of text and numbers, written so a
 * spreadsheet can never run anyone's text as a formula.
 *
 * - Text is a shared string (`t="s"`), never a formula cell; text that looks like a formula
 *   (`=`, `+`, `-`, `@` first) also gets a quote-prefix style, so editing the cell in Excel keeps
 *   it text. The text itself is stored exactly as typed (no `'` added, unlike the CSV).
 * - Numbers are numeric cells written from numbers; `null` is an empty cell (no value, not 0).
 * - Column widths from the longest value, the header row bold and frozen.
 */

export type XlsxCell = string | number | null;

export interface XlsxSheet {
  /** 1–31 characters, none of `[]:*?/\`; unique in the workbook (`sheetName` makes one). */
  name: string;
  header: readonly string[];
  rows: readonly (readonly XlsxCell[])[];
}

const FORMULA_START = /^[=+\-@]/;
const MAX_WIDTH = 60;

/** A valid, unique sheet name for `wanted` (Excel's rules: ≤ 31 characters, no []:*?/\). */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  let name = base.slice(0, 31);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** The whole .xlsx file. */
export function writeXlsx(sheets: readonly XlsxSheet[]): Uint8Array {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const strings = new SharedStrings();
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(worksheetXml(sheet, strings));
  });
  files['[Content_Types].xml'] = strToU8(contentTypesXml(sheets.length));
  files['_rels/.rels'] = strToU8(ROOT_RELS);
  files['xl/workbook.xml'] = strToU8(workbookXml(sheets));
  files['xl/_rels/workbook.xml.rels'] = strToU8(workbookRelsXml(sheets.length));
  files['xl/styles.xml'] = strToU8(STYLES);
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  return zipSync(files, { level: 6 });
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private count = 0;

  add(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((t) => `<si><t xml:space="preserve">${xmlText(t)}</t></si>`);
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.list.length}">${items.join('')}</sst>`;
  }
}

// Style ids in STYLES' cellXfs: 0 plain, 1 bold header, 2 text kept as text (quote prefix).
const STYLE_HEADER = 1;
const STYLE_QUOTED = 2;

function worksheetXml(sheet: XlsxSheet, strings: SharedStrings): string {
  const widths = sheet.header.map((h) => h.length);
  const rowXml = (cells: readonly XlsxCell[], r: number, header: boolean): string => {
    const cellXml = cells.map((cell, c) => {
      const ref = `${columnName(c)}${r}`;
      widths[c] = Math.max(widths[c] ?? 0, displayLength(cell));
      if (cell === null) return '';
      if (typeof cell === 'number') {
        if (!Number.isFinite(cell)) throw new Error(`not a finite number in ${ref}: ${cell}`);
        return `<c r="${ref}"><v>${cell}</v></c>`;
      }
      const style = header ? STYLE_HEADER : FORMULA_START.test(cell) ? STYLE_QUOTED : 0;
      return `<c r="${ref}" t="s"${style ? ` s="${style}"` : ''}><v>${strings.add(cell)}</v></c>`;
    });
    return `<row r="${r}">${cellXml.join('')}</row>`;
  };
  const rows = [
    rowXml(sheet.header, 1, true),
    ...sheet.rows.map((row, i) => rowXml(row, i + 2, false)),
  ];
  const cols = widths.map(
    (w, i) =>
      `<col min="${i + 1}" max="${i + 1}" width="${Math.min(MAX_WIDTH, Math.max(8, w + 2))}" customWidth="1"/>`,
  );
  const lastCell = `${columnName(Math.max(0, widths.length - 1))}${sheet.rows.length + 1}`;
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${lastCell}"/>` +
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols.join('')}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    '</worksheet>'
  );
}

/** Characters a column needs for this value (the longest line of a multi-line text). */
function displayLength(cell: XlsxCell): number {
  if (cell === null) return 0;
  const text = typeof cell === 'number' ? String(cell) : cell;
  return Math.max(...text.split('\n').map((line) => line.length));
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Text as XML character data. XML cannot carry most control characters, so they are written in
 * OOXML's own escape `_xHHHH_` (which spreadsheets turn back into the character), and text that
 * already looks like such an escape has its `_` escaped, so every text reads back exactly.
 */
export function xmlText(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    )
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

const attr = (text: string): string => xmlText(text).replace(/"/g, '&quot;');

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    sheets.join('') +
    '</Types>'
  );
}

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>';

function workbookXml(sheets: readonly XlsxSheet[]): string {
  const entries = sheets.map(
    (s, i) => `<sheet name="${attr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${entries.join('')}</sheets></workbook>`
  );
}

function workbookRelsXml(sheetCount: number): string {
  const rels = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(
    `<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId${sheetCount + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`,
  );
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`;
}

const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';
