import { describe, expect, it } from 'vitest';
import { printable } from './pdfReport.js';

describe('printable: text for the PDF standard fonts', () => {
  it('keeps what WinAnsi shows, drops accents it lacks, and counts what it must replace', () => {
    expect(printable('Zoë O’Neil – “quotes” €5')).toEqual({
      text: 'Zoë O’Neil – “quotes” €5',
      replaced: 0,
    });
    expect(printable('Łódź')).toEqual({ text: '?ódz', replaced: 1 });
    expect(printable('東京 🤖')).toEqual({ text: '?? ?', replaced: 3 });
    expect(printable('a\r\nb\tc')).toEqual({ text: 'a\nb    c', replaced: 0 });
  });
});
