import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { demoEvent } from './demoEvent.js';
import { parseEventFile, serializeEventFile, type EventFile } from './eventFile.js';

const FIXTURES = new URL('../../../test/fixtures/event-files/', import.meta.url);
const fixture = (name: string): string => fs.readFileSync(new URL(name, FIXTURES), 'utf8');
const goodFiles = fs.readdirSync(new URL('good/', FIXTURES)).filter((f) => f.endsWith('.json'));
const badFiles = fs.readdirSync(new URL('bad/', FIXTURES)).filter((f) => f.endsWith('.json'));
/** For each bad fixture, the one problem line an organiser must be shown (among any others). */
const expectedProblem = JSON.parse(fixture('bad-expected.json')) as Record<string, string>;

function parsed(text: string): EventFile {
  const result = parseEventFile(text);
  if (!result.ok) throw new Error(`expected a valid file, got:\n${result.problems.join('\n')}`);
  return result.file;
}

function problemsOf(text: string): string[] {
  const result = parseEventFile(text);
  if (result.ok) throw new Error('expected problems, the file was accepted');
  return result.problems;
}

describe('parseEventFile: good files', () => {
  it.each(goodFiles)('accepts %s', (name) => {
    expect(parseEventFile(fixture(`good/${name}`))).toMatchObject({ ok: true });
  });

  it('fills in the fields a file may leave out', () => {
    const file = parsed(fixture('good/minimal.json'));
    expect(file.sheets).toEqual([]);
    expect(file.event.categories[0]).toMatchObject({ order: 1 });
    expect(file.event.categories[0]!.criteria[0]).toMatchObject({ description: '' });
    expect(file.event.teams.map((t) => t.withdrawn)).toEqual([false, false]);
  });

  it('accepts a byte order mark, as Windows editors write one', () => {
    expect(parseEventFile(`\uFEFF${fixture('good/minimal.json')}`)).toMatchObject({ ok: true });
  });

  it('accepts the example in docs/EVENT_FILE.md', () => {
    const doc = fs.readFileSync(new URL('../../../docs/EVENT_FILE.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    expect(parsed(example).sheets).toHaveLength(1);
  });

  it('accepts the demo event written as a file', () => {
    expect(parsed(serializeEventFile(demoEvent())).event).toEqual(demoEvent());
  });
});

describe('parseEventFile: bad files', () => {
  it('has an expected problem for every bad fixture, and a fixture for every expectation', () => {
    expect(Object.keys(expectedProblem).sort()).toEqual([...badFiles].sort());
    expect(badFiles.length).toBeGreaterThanOrEqual(20);
  });

  it.each(badFiles)('refuses %s, naming the problem and where it is', (name) => {
    expect(problemsOf(fixture(`bad/${name}`))).toContain(expectedProblem[name]);
  });

  it('lists every shape problem at once, not just the first', () => {
    const file = JSON.parse(fixture('good/minimal.json')) as { event: { teams: object[] } };
    file.event.teams = [
      { id: 'A', name: 7 },
      { id: 'B', colour: 'red' },
    ];
    expect(problemsOf(JSON.stringify(file))).toEqual([
      'event.teams[0].categoryIds: is required',
      'event.teams[0].name: must be text in quotes, got 7',
      'event.teams[1].colour: unknown field (expected "id", "name", "categoryIds", "withdrawn")',
      'event.teams[1].name: is required',
      'event.teams[1].categoryIds: is required',
    ]);
  });

  it('treats "__proto__" and "constructor" as unknown fields, never as object internals', () => {
    const text = fixture('good/minimal.json').replace(
      '"format"',
      '"__proto__": { "polluted": true }, "constructor": 1, "format"',
    );
    expect(problemsOf(text)).toEqual([
      '__proto__: unknown field (expected "$schema", "format", "version", "event", "sheets")',
      'constructor: unknown field (expected "$schema", "format", "version", "event", "sheets")',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the line and column of a JSON syntax error', () => {
    expect(
      problemsOf('{\n  "format": "judgehub-event",\n  "version": 1\n  "event": {}\n}'),
    ).toEqual([
      'not valid JSON: line 4, column 3: expected "," or "}" after a field, found "event" (is a comma missing?)',
    ]);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        expect(parseEventFile(text).ok).toBe(false);
      }),
    );
    expect(parseEventFile('['.repeat(200_000)).ok).toBe(false);
  });

  it('never throws on a good file with any one field removed or replaced', () => {
    const good = JSON.parse(fixture('good/full-with-sheets.json')) as unknown;
    const paths = leafPaths(good);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.oneof(fc.constant(undefined), fc.jsonValue()),
        (path, replacement) => {
          const copy = structuredClone(good);
          setAt(copy, path, replacement);
          const result = parseEventFile(JSON.stringify(copy));
          if (!result.ok) for (const p of result.problems) expect(p).toMatch(/^\S.*: \S/);
        },
      ),
    );
  });
});

describe('serializeEventFile', () => {
  it('writes a parsed file back field for field', () => {
    const text = fixture('good/full-with-sheets.json');
    const file = parsed(text);
    expect(JSON.parse(serializeEventFile(file.event, file.sheets))).toEqual(JSON.parse(text));
  });

  it('gives the same text whatever order the fields were built in', () => {
    const file = parsed(fixture('good/full-with-sheets.json'));
    const reversed = reverseKeys(file) as EventFile;
    expect(serializeEventFile(reversed.event, reversed.sheets)).toBe(
      serializeEventFile(file.event, file.sheets),
    );
  });

  it('leaves out the sheets when given none, and ends with a newline', () => {
    const text = serializeEventFile(demoEvent());
    expect(JSON.parse(text)).not.toHaveProperty('sheets');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "format": "judgehub-event",\n  "version": 1,\n')).toBe(true);
  });
});

type Path = (string | number)[];

function leafPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...path, i]));
  if (typeof value === 'object' && value !== null)
    return [path, ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]))];
  return [path];
}

function setAt(root: unknown, path: Path, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (last === undefined) return;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  return value;
}
