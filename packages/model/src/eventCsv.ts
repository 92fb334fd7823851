import type { Judge, JudgingEvent, Team } from './event.js';
import { isEntityId, newEntityId } from './eventEdits.js';

/**
 * Teams and judges pasted or picked as CSV (RFC 4180; a spreadsheet's tab-separated paste too),
 * turned into a preview: every problem with its line number, and what each row would add or
 * change. Nothing here writes: the organiser confirms a preview without problems, and only then
 * are its rows written (eventEdits.ts).
 */

export interface CsvProblem {
  /** 1-based line of the text where the record (or the problem) starts. */
  line: number;
  message: string;
}

export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvParse {
  records: CsvRecord[];
  problems: CsvProblem[];
  delimiter: ',' | ';' | '\t';
}

/** Splits CSV text into records. A byte order mark is dropped; CRLF, LF and CR all end a line. */
export function parseCsv(input: string): CsvParse {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let ended = false;
    let sawQuote = false;
    let bad = false;
    const say = (message: string) => {
      if (!bad) problems.push({ line: start, message });
      bad = true;
    };
    while (i < text.length && !ended) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          // Only a delimiter or the end of the line may follow a closing quote.
          const next = text[i];
          if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r')
            say(
              `text after a closing quote in value ${fields.length + 1}: a quote inside a quoted value is written twice ("")`,
            );
          continue;
        }
        if (ch === '\r' || ch === '\n') {
          field += '\n';
          i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
          line++;
          continue;
        }
        field += ch;
        i++;
        continue;
      }
      if (ch === '"' && field === '' && !sawQuote) {
        quoted = true;
        sawQuote = true;
        i++;
        continue;
      }
      if (ch === delimiter) {
        fields.push(field);
        field = '';
        sawQuote = false;
        i++;
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        ended = true;
        continue;
      }
      if (ch === '"')
        say(
          `a quote inside value ${fields.length + 1}: put the whole value in quotes and write the quote twice ("")`,
        );
      field += ch;
      i++;
    }
    if (quoted) {
      problems.push({
        line: start,
        message:
          'a quote opened on this line is never closed: everything after it was read as one value',
      });
      break;
    }
    fields.push(field);
    const blank = fields.length === 1 && fields[0]!.trim() === '' && !sawQuote;
    if (!blank) records.push({ line: start, fields: bad ? [] : fields });
    else if (bad) records.push({ line: start, fields: [] });
  }
  return { records, problems, delimiter };
}

/** Tabs when the header has any (a paste from a spreadsheet), else commas, else semicolons. */
function detectDelimiter(text: string): ',' | ';' | '\t' {
  const header = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  if (header.includes('\t')) return '\t';
  if (!header.includes(',') && header.includes(';')) return ';';
  return ',';
}

export type ImportAction = 'add' | 'change' | 'same';

export interface ImportRow<T> {
  line: number;
  action: ImportAction;
  entity: T;
  /** The entity as it is now, for `change` and `same`. */
  before?: T;
}

export interface ImportPreview<T> {
  kind: 'teams' | 'judges';
  rows: ImportRow<T>[];
  problems: CsvProblem[];
  /** No problem, and at least one row adds or changes something. */
  canConfirm: boolean;
}

export const TEAM_COLUMNS = ['id', 'name', 'categories'] as const;
export const JUDGE_COLUMNS = ['id', 'name', 'conflicts'] as const;
const ALIASES: Record<string, string> = {
  category: 'categories',
  conflict: 'conflicts',
  team: 'name',
  judge: 'name',
};

/** A list cell: values separated by `;` or `|` (never commas, which separate columns). */
export const splitList = (cell: string): string[] =>
  cell
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

interface Table {
  columns: Map<string, number>;
  rows: CsvRecord[];
  problems: CsvProblem[];
}

function readTable(text: string, known: readonly string[], noun: string): Table {
  const parsed = parseCsv(text);
  const problems = [...parsed.problems];
  const [header, ...rows] = parsed.records;
  const columns = new Map<string, number>();
  if (!header) {
    if (problems.length === 0)
      problems.push({
        line: 1,
        message: `nothing to import: paste a header row (${known.join(',')}) and one row per ${noun}`,
      });
    return { columns, rows: [], problems };
  }
  header.fields.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    const column = ALIASES[name] ?? name;
    if (!known.includes(column))
      problems.push({
        line: header.line,
        message: `unknown column "${raw.trim()}": the columns are ${known.join(', ')}`,
      });
    else if (columns.has(column))
      problems.push({ line: header.line, message: `the column "${column}" is there twice` });
    else columns.set(column, index);
  });
  if (header.fields.length > 0 && !columns.has('name'))
    problems.push({
      line: header.line,
      message: `the header needs a "name" column (the columns are ${known.join(', ')})`,
    });
  // Rows cannot be read against a header that is wrong: fix the header first.
  if (problems.some((p) => p.line === header.line)) return { columns, rows: [], problems };
  if (rows.length === 0 && problems.length === 0)
    problems.push({ line: header.line, message: `no ${noun}s below the header row` });
  const width = header.fields.length;
  const usable: CsvRecord[] = [];
  for (const row of rows) {
    if (row.fields.length === 0) continue; // a parse problem was already reported for it
    if (row.fields.length > width) {
      problems.push({
        line: row.line,
        message: `${row.fields.length} values, but the header has ${width} columns (a value with a comma needs quotes: "Smith, Jo")`,
      });
      continue;
    }
    usable.push(row);
  }
  return { columns, rows: usable, problems };
}

const cell = (table: Table, row: CsvRecord, column: string): string | undefined => {
  const index = table.columns.get(column);
  return index === undefined ? undefined : (row.fields[index] ?? '').trim();
};

/** Finds the existing entity a row means: by id, else (no id given) by name. */
function resolveRow<T extends { id: string; name: string }>(
  table: Table,
  row: CsvRecord,
  existing: readonly T[],
  taken: Set<string>,
  problems: CsvProblem[],
  noun: string,
): { id: string; name: string; before?: T } | null {
  const name = cell(table, row, 'name') ?? '';
  const givenId = cell(table, row, 'id') ?? '';
  let ok = true;
  if (name === '') {
    problems.push({ line: row.line, message: `the ${noun}'s name is empty` });
    ok = false;
  }
  if (givenId !== '' && !isEntityId(givenId)) {
    problems.push({
      line: row.line,
      message: `"${givenId}" is not a valid id: use letters, digits, _ and - (at most 64)`,
    });
    ok = false;
  }
  if (!ok) return null;
  const before =
    givenId !== ''
      ? existing.find((e) => e.id === givenId)
      : existing.find((e) => e.name.trim().toLowerCase() === name.toLowerCase());
  const id = givenId || before?.id || newEntityId(name, taken);
  return { id, name, before };
}

function checkDuplicate(
  seen: Map<string, number>,
  id: string,
  line: number,
  problems: CsvProblem[],
): boolean {
  const first = seen.get(id);
  if (first !== undefined) {
    problems.push({ line, message: `the id "${id}" is already on line ${first}` });
    return false;
  }
  seen.set(id, line);
  return true;
}

function finish<T>(kind: 'teams' | 'judges', rows: ImportRow<T>[], problems: CsvProblem[]) {
  problems.sort((a, b) => a.line - b.line);
  return {
    kind,
    rows,
    problems,
    canConfirm: problems.length === 0 && rows.some((r) => r.action !== 'same'),
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Teams from CSV: `id,name,categories` (only `name` required; categories by id or name, separated
 * by `;` or `|`). A row whose id (or, without an id, name) is a team already in the event changes
 * it; its withdrawn marker is kept. Teams not in the file are left as they are.
 */
export function previewTeamsCsv(text: string, event: JudgingEvent): ImportPreview<Team> {
  const table = readTable(text, TEAM_COLUMNS, 'team');
  const problems = table.problems;
  const taken = new Set(event.teams.map((t) => t.id));
  const seen = new Map<string, number>();
  const rows: ImportRow<Team>[] = [];
  for (const row of table.rows) {
    const resolved = resolveRow(table, row, event.teams, taken, problems, 'team');
    const categoriesCell = cell(table, row, 'categories');
    const categoryIds: string[] = [];
    let ok = resolved !== null;
    for (const wanted of categoriesCell === undefined ? [] : splitList(categoriesCell)) {
      const category = event.categories.find(
        (c) => c.id === wanted || c.name.trim().toLowerCase() === wanted.toLowerCase(),
      );
      if (!category) {
        problems.push({
          line: row.line,
          message: `unknown category "${wanted}" (the categories are ${event.categories.map((c) => c.id).join(', ') || 'none yet: add one under Categories and rubrics first'})`,
        });
        ok = false;
      } else if (!categoryIds.includes(category.id)) categoryIds.push(category.id);
    }
    if (!resolved || !ok || !checkDuplicate(seen, resolved.id, row.line, problems)) continue;
    taken.add(resolved.id);
    const before = resolved.before;
    const team: Team = {
      id: resolved.id,
      name: resolved.name,
      categoryIds: categoriesCell === undefined && before ? before.categoryIds : categoryIds,
      withdrawn: before?.withdrawn ?? false,
    };
    rows.push({
      line: row.line,
      action: !before ? 'add' : sameJson(before, team) ? 'same' : 'change',
      entity: team,
      before,
    });
  }
  return finish('teams', rows, problems);
}

/**
 * Judges from CSV: `id,name,conflicts` (only `name` required; conflicts are team ids or names,
 * separated by `;` or `|`). Existing judges are matched like teams; their removed marker is kept.
 */
export function previewJudgesCsv(text: string, event: JudgingEvent): ImportPreview<Judge> {
  const table = readTable(text, JUDGE_COLUMNS, 'judge');
  const problems = table.problems;
  const taken = new Set(event.judges.map((j) => j.id));
  const seen = new Map<string, number>();
  const rows: ImportRow<Judge>[] = [];
  for (const row of table.rows) {
    const resolved = resolveRow(table, row, event.judges, taken, problems, 'judge');
    const conflictsCell = cell(table, row, 'conflicts');
    const conflicts: string[] = [];
    let ok = resolved !== null;
    for (const wanted of conflictsCell === undefined ? [] : splitList(conflictsCell)) {
      const team = event.teams.find(
        (t) => t.id === wanted || t.name.trim().toLowerCase() === wanted.toLowerCase(),
      );
      if (!team) {
        problems.push({
          line: row.line,
          message: `conflict with unknown team "${wanted}": add the team first, or check its id`,
        });
        ok = false;
      } else if (!conflicts.includes(team.id)) conflicts.push(team.id);
    }
    if (!resolved || !ok || !checkDuplicate(seen, resolved.id, row.line, problems)) continue;
    taken.add(resolved.id);
    const before = resolved.before;
    const judge: Judge = { id: resolved.id, name: resolved.name };
    const kept = conflictsCell === undefined ? (before?.conflicts ?? []) : conflicts;
    if (kept.length > 0) judge.conflicts = kept;
    if (before?.removed) judge.removed = true;
    rows.push({
      line: row.line,
      action: !before ? 'add' : sameJson(normalJudge(before), judge) ? 'same' : 'change',
      entity: judge,
      before,
    });
  }
  return finish('judges', rows, problems);
}

function normalJudge(judge: Judge): Judge {
  const out: Judge = { id: judge.id, name: judge.name };
  if (judge.conflicts && judge.conflicts.length > 0) out.conflicts = judge.conflicts;
  if (judge.removed) out.removed = true;
  return out;
}
