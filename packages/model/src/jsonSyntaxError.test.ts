import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonSyntaxError } from './jsonSyntaxError.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('jsonSyntaxError', () => {
  it.each([
    [
      '{"a": 1,}',
      'line 1, column 9: expected a field name, found "}" (JSON allows no comma before "}")',
    ],
    [
      '[1, 2,\n]',
      'line 2, column 1: expected a value, found "]" (JSON allows no comma before "]")',
    ],
    [
      '{\n  "a": 1\n  "b": 2\n}',
      'line 3, column 3: expected "," or "}" after a field, found "b" (is a comma missing?)',
    ],
    ["{'a': 1}", 'line 1, column 2: expected a field name in double quotes, found "\'"'],
    ['{"a": \'x\'}', 'line 1, column 7: text must be in double quotes "…", not single quotes'],
    ['{"a": "x', 'line 1, column 7: text in quotes is never closed'],
    [
      '{"a": "x\ny"}',
      'line 1, column 9: a line break or control character inside text in quotes (write \\n)',
    ],
    ['{"a": 01}', 'line 1, column 8: a number cannot continue with "1"'],
    ['{"a": TRUE}', 'line 1, column 7: expected a value, found "TRUE"'],
    ['{"a" 1}', 'line 1, column 6: expected ":" after the field name, found "1"'],
    ['{} {}', 'line 1, column 4: more text after the end of the JSON value'],
    ['[1 2]', 'line 1, column 4: expected "," or "]" after an item, found "2"'],
  ])('%j → %s', (text, message) => {
    expect(parses(text)).toBe(false);
    expect(jsonSyntaxError(text)).toBe(message);
  });

  it('finds nothing wrong with valid JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(jsonSyntaxError(text)).toBeNull();
      }),
    );
  });

  it('agrees with JSON.parse on which texts are JSON, after random edits', () => {
    const edited = fc
      .tuple(fc.json(), fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...',:{}[]"\'\\ 0-.eE\nx'))
      .map(([text, at, cut, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      });
    fc.assert(
      fc.property(edited, (text) => {
        expect(jsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reports nesting deeper than the stack allows instead of throwing', () => {
    expect(jsonSyntaxError('['.repeat(200_000))).toBe('nested too deeply to read');
  });
});
