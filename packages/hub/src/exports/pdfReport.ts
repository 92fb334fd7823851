import PDFDocument from 'pdfkit';

/**
 * A4 portrait reports with pdfkit: running header and "Page n of m" footer on every page, tables
 * whose rows never split and whose header row repeats on every page they cross, and text that
 * always wraps inside the page (a cell too tall for a page is cut with an ellipsis, never drawn
 * past the edge). Text uses the PDF standard fonts (Helvetica), which every viewer has and the
 * hub needs no font files for; characters those fonts cannot show are printed as `?` and the
 * report says so at its end (the CSV and XLSX exports carry the exact text).
 */

export const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = { top: 64, bottom: 64, left: 50, right: 50 } as const;
const CELL_PAD = 4;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

export const COLOURS = {
  ink: '#1b1f24',
  muted: '#5b6470',
  line: '#c9ced6',
  headerFill: '#eef1f5',
  warn: '#8a5a00',
  warnFill: '#fff4dc',
} as const;

export interface ReportColumn {
  header: string;
  /** A share of the text width; shares are scaled to fill it. */
  share: number;
  align?: 'left' | 'right';
}

export interface ReportMeta {
  /** Running header, left: e.g. "Regional Robotics 2026 — Results". */
  title: string;
  /** Running header, right, on every page (e.g. "PROVISIONAL"); empty for none. */
  flag: string;
  /** Footer, left: e.g. "Exported 2026-12-06 15:20 UTC". */
  footer: string;
}

export class PdfReport {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<Buffer>;
  /** Characters the standard fonts cannot show, printed as `?`. */
  private replaced = 0;

  constructor(private readonly meta: ReportMeta) {
    this.doc = new PDFDocument({
      size: 'A4',
      layout: 'portrait',
      margins: MARGIN,
      bufferPages: true,
      info: { Title: printable(meta.title).text, Producer: 'JudgeHub', Creator: 'JudgeHub' },
    });
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.ended = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.doc.font(FONT).fillColor(COLOURS.ink);
  }

  get textWidth(): number {
    return A4.width - MARGIN.left - MARGIN.right;
  }

  private get bottom(): number {
    return A4.height - MARGIN.bottom;
  }

  /** Text for the standard fonts, counting what had to be replaced. */
  t(text: string): string {
    const { text: out, replaced } = printable(text);
    this.replaced += replaced;
    return out;
  }

  /** Starts a new page unless the current one has at least `height` points left. */
  ensureRoom(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = MARGIN.left;
    this.doc.y = MARGIN.top;
  }

  /** Whether nothing has been written on this page yet. */
  get atPageTop(): boolean {
    return this.doc.y <= MARGIN.top + 0.5;
  }

  heading(text: string, size: number, note = ''): void {
    const { doc } = this;
    if (!this.atPageTop) doc.moveDown(0.5);
    this.ensureRoom(size * 1.4 + 40);
    doc.x = MARGIN.left;
    doc.font(BOLD).fontSize(size).fillColor(COLOURS.ink);
    doc.text(this.t(text), MARGIN.left, doc.y, { width: this.textWidth });
    if (note) {
      doc.font(FONT).fontSize(9).fillColor(COLOURS.muted);
      doc.text(this.t(note), MARGIN.left, doc.y + 2, { width: this.textWidth });
    }
    doc.fillColor(COLOURS.ink);
    doc.moveDown(0.5);
  }

  /** Wrapped body text; a long paragraph flows onto the next pages. */
  paragraph(text: string, options: { size?: number; bold?: boolean; colour?: string } = {}): void {
    const { doc } = this;
    doc
      .font(options.bold ? BOLD : FONT)
      .fontSize(options.size ?? 10)
      .fillColor(options.colour ?? COLOURS.ink);
    this.ensureRoom(doc.currentLineHeight(true) * 2);
    doc.text(this.t(text), MARGIN.left, doc.y, { width: this.textWidth });
    doc.fillColor(COLOURS.ink);
    doc.moveDown(0.4);
  }

  /** A highlighted box (e.g. "Provisional"), kept on one page. */
  notice(text: string): void {
    const { doc } = this;
    doc.font(BOLD).fontSize(10);
    const body = this.t(text);
    const width = this.textWidth - 2 * 8;
    const height = Math.min(doc.heightOfString(body, { width }) + 16, this.bottom - MARGIN.top);
    this.ensureRoom(height + 6);
    const y = doc.y;
    doc.rect(MARGIN.left, y, this.textWidth, height).fillAndStroke(COLOURS.warnFill, COLOURS.warn);
    doc.fillColor(COLOURS.warn).text(body, MARGIN.left + 8, y + 8, {
      width,
      height: height - 16,
      ellipsis: true,
    });
    doc.fillColor(COLOURS.ink);
    doc.x = MARGIN.left;
    doc.y = y + height + 8;
  }

  /**
   * A table: rows never split across pages; on a new page the header row is drawn again. A row
   * taller than a whole page is cut to the page with an ellipsis (no text leaves the page).
   */
  table(columns: readonly ReportColumn[], rows: readonly (readonly string[])[], size = 9): void {
    const { doc } = this;
    const totalShare = columns.reduce((n, c) => n + c.share, 0);
    const widths = columns.map((c) => (c.share / totalShare) * this.textWidth);
    const header = columns.map((c) => this.t(c.header));
    const bodyRows = rows.map((row) => row.map((cell) => this.t(cell)));
    const measure = (cells: readonly string[], bold: boolean): number => {
      doc.font(bold ? BOLD : FONT).fontSize(size);
      let tallest = doc.currentLineHeight(true);
      cells.forEach((cell, i) => {
        tallest = Math.max(tallest, doc.heightOfString(cell, { width: widths[i]! - 2 * CELL_PAD }));
      });
      return tallest + 2 * CELL_PAD;
    };
    const pageBody = this.bottom - MARGIN.top;
    const headerHeight = Math.min(measure(header, true), pageBody / 3);
    const drawRow = (cells: readonly string[], height: number, bold: boolean): void => {
      const y = doc.y;
      let x = MARGIN.left;
      if (bold) doc.rect(x, y, this.textWidth, height).fill(COLOURS.headerFill);
      doc
        .font(bold ? BOLD : FONT)
        .fontSize(size)
        .fillColor(COLOURS.ink);
      cells.forEach((cell, i) => {
        const width = widths[i]!;
        doc.text(cell, x + CELL_PAD, y + CELL_PAD, {
          width: width - 2 * CELL_PAD,
          height: height - 2 * CELL_PAD,
          ellipsis: true,
          align: columns[i]?.align ?? 'left',
        });
        x += width;
      });
      doc
        .moveTo(MARGIN.left, y + height)
        .lineTo(MARGIN.left + this.textWidth, y + height)
        .lineWidth(bold ? 1 : 0.5)
        .strokeColor(COLOURS.line)
        .stroke();
      doc.x = MARGIN.left;
      doc.y = y + height;
    };
    const firstRowHeight = bodyRows[0] ? measure(bodyRows[0], false) : 0;
    this.ensureRoom(headerHeight + Math.min(firstRowHeight, pageBody / 3));
    drawRow(header, headerHeight, true);
    for (const row of bodyRows) {
      const height = Math.min(measure(row, false), pageBody - headerHeight);
      if (doc.y + height > this.bottom) {
        this.newPage();
        drawRow(header, headerHeight, true);
      }
      drawRow(row, height, false);
    }
    doc.moveDown(0.8);
  }

  /** Draws the running header and footer on every page, then returns the finished file. */
  async finish(): Promise<Buffer> {
    const { doc } = this;
    if (this.replaced > 0) {
      this.paragraph(
        `Note: ${this.replaced} character(s) cannot be shown in this PDF's font and are printed as "?". The CSV and XLSX exports hold the exact text.`,
        { size: 8, colour: COLOURS.muted },
      );
    }
    const range = doc.bufferedPageRange();
    const title = this.t(this.meta.title);
    const flag = this.t(this.meta.flag);
    const footer = this.t(this.meta.footer);
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      // Writing in the margins: without this pdfkit would start a new page for the footer.
      const margins = { ...doc.page.margins };
      doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
      const width = A4.width - MARGIN.left - MARGIN.right;
      doc.font(FONT).fontSize(8).fillColor(COLOURS.muted);
      doc.text(title, MARGIN.left, 30, {
        width: flag ? width * 0.7 : width,
        height: 12,
        ellipsis: true,
        lineBreak: false,
      });
      if (flag)
        doc
          .font(BOLD)
          .fillColor(COLOURS.warn)
          .text(flag, MARGIN.left + width * 0.7, 30, {
            width: width * 0.3,
            align: 'right',
            lineBreak: false,
          });
      const y = A4.height - 40;
      doc.font(FONT).fillColor(COLOURS.muted);
      doc.text(footer, MARGIN.left, y, {
        width: width * 0.6,
        height: 12,
        ellipsis: true,
        lineBreak: false,
      });
      doc.text(`Page ${i + 1} of ${range.count}`, MARGIN.left + width * 0.6, y, {
        width: width * 0.4,
        align: 'right',
        lineBreak: false,
      });
      doc.page.margins = margins;
    }
    doc.end();
    return this.ended;
  }
}

// Windows-1252 beyond Latin-1: what the standard fonts' WinAnsi encoding can show.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** `text` in characters the standard fonts can show: accents dropped where that helps, else `?`. */
export function printable(text: string): { text: string; replaced: number } {
  let replaced = 0;
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ')) {
    if (showable(ch)) {
      out += ch;
      continue;
    }
    const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    if (base.length > 0 && [...base].every(showable)) {
      out += base;
    } else {
      out += '?';
      replaced++;
    }
  }
  return { text: out, replaced };
}

function showable(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (
    ch === '\n' ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.has(ch)
  );
}
