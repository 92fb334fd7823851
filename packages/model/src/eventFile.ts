import type { Category, Criterion, JudgingEvent, Team } from './event.js';
import {
  EVENT_FILE_FORMAT,
  EVENT_FILE_VERSION,
  eventFileShape,
  type EventFileSheet,
} from './eventFileShape.js';
import { validateFileSheets } from './eventFileSheets.js';
import { jsonSyntaxError } from './jsonSyntaxError.js';
import { checkShape, describe, isPlainObject, orderByShape } from './shape.js';
import { validateEvent } from './validateEvent.js';

/**
 * The event file: a whole event (settings, categories with their rubrics, teams, judges,
 * assignments) and optionally the judges' score sheets, as one versioned JSON document.
 * docs/EVENT_FILE.md describes it for organisers; docs/event-file.schema.json for tools.
 */
export interface EventFile {
  format: typeof EVENT_FILE_FORMAT;
  version: typeof EVENT_FILE_VERSION;
  event: JudgingEvent;
  /** Empty when the file carries no sheets. */
  sheets: EventFileSheet[];
}

export type ParsedEventFile = { ok: true; file: EventFile } | { ok: false; problems: string[] };

/**
 * Reads an event file and checks everything an import relies on, in three rounds, each only when
 * the one before found nothing (a later round needs the earlier one's guarantees):
 * 1. shape: JSON syntax, format tag and version, every field's type, range and allowed values,
 *    required fields, unknown fields;
 * 2. the event's own consistency (validateEvent): unique ids, references, rubric ranges;
 * 3. sheets: known judge, team, category and criteria, one sheet per judge, team and category,
 *    values the judge could have picked (a sheet need not be an assignment: see eventFileSheets).
 * Every problem names its path in the file. Never throws.
 */
export function parseEventFile(text: string): ParsedEventFile {
  // Editors on Windows like to start UTF-8 files with a byte order mark; JSON does not allow one.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return fail(['the file is empty']);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const where = jsonSyntaxError(body) ?? (error as Error).message;
    return fail([`not valid JSON: ${where}`]);
  }

  const header = checkHeader(json);
  if (header) return fail([header]);
  const problems: string[] = [];
  checkShape(json, eventFileShape, '', problems);
  if (problems.length > 0) return fail(problems);

  const raw = json as { event: EventAsWritten; sheets?: EventFileSheet[] };
  const event = orderByShape(
    withDefaults(raw.event),
    eventFileShape.properties.event!,
  ) as JudgingEvent;
  const eventProblems = validateEvent(event).map((p) => `event.${p}`);
  if (eventProblems.length > 0) return fail(eventProblems);

  const sheets = raw.sheets ?? [];
  const sheetProblems = validateFileSheets(event, sheets);
  if (sheetProblems.length > 0) return fail(sheetProblems);
  return {
    ok: true,
    file: {
      format: EVENT_FILE_FORMAT,
      version: EVENT_FILE_VERSION,
      event,
      sheets: sheets.map(
        (s) => orderByShape(s, eventFileShape.properties.sheets!) as EventFileSheet,
      ),
    },
  };
}

/**
 * The event file for an event (and its sheets, when given) as stable, pretty JSON: two-space
 * indent, fields in the documented order, a final newline. The same event always gives the same
 * text, so two exports can be compared with any diff tool.
 */
export function serializeEventFile(
  event: JudgingEvent,
  sheets?: readonly EventFileSheet[],
): string {
  const file = {
    format: EVENT_FILE_FORMAT,
    version: EVENT_FILE_VERSION,
    event,
    ...(sheets ? { sheets: sheets.map((sheet) => inRubricOrder(event, sheet)) } : {}),
  };
  return `${JSON.stringify(orderByShape(file, eventFileShape), null, 2)}\n`;
}

/** A sheet's values in the order of its category's criteria (then any others, by name). */
function inRubricOrder(event: JudgingEvent, sheet: EventFileSheet): EventFileSheet {
  const criteria = event.categories.find((c) => c.id === sheet.categoryId)?.criteria ?? [];
  const rank = (id: string) => {
    const i = criteria.findIndex((c) => c.id === id);
    return i === -1 ? criteria.length : i;
  };
  const values = Object.entries(sheet.values).sort(
    ([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  return { ...sheet, values: Object.fromEntries(values) };
}

/** The format tag and version first: a wrong file gets one clear line, not a page of fields. */
function checkHeader(json: unknown): string | null {
  if (!isPlainObject(json)) return `the file: must be a JSON object { … }, got ${describe(json)}`;
  if (!Object.hasOwn(json, 'format'))
    return `format: is required ("${EVENT_FILE_FORMAT}"): is this a JudgeHub event file?`;
  if (json.format !== EVENT_FILE_FORMAT)
    return `format: must be "${EVENT_FILE_FORMAT}", got ${describe(json.format)}: is this a JudgeHub event file?`;
  const version = json.version;
  if (version === undefined)
    return `version: is required (this JudgeHub reads version ${EVENT_FILE_VERSION})`;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return `version: must be a whole number from 1, got ${describe(version)}`;
  if (version > EVENT_FILE_VERSION)
    return `version: this file is version ${version}, but this JudgeHub reads only up to version ${EVENT_FILE_VERSION}: update JudgeHub to import it`;
  return null;
}

/** The event as the file may write it: a few fields can be left out (docs/EVENT_FILE.md). */
type EventAsWritten = Omit<JudgingEvent, 'categories' | 'teams'> & {
  categories: (Omit<Category, 'order' | 'criteria'> & {
    order?: number;
    criteria: (Omit<Criterion, 'description'> & { description?: string })[];
  })[];
  teams: (Omit<Team, 'withdrawn'> & { withdrawn?: boolean })[];
};

/** Fields the file may leave out, filled in. */
function withDefaults(event: EventAsWritten): JudgingEvent {
  return {
    settings: event.settings,
    categories: event.categories.map((category, i) => ({
      ...category,
      order: category.order ?? i + 1,
      criteria: category.criteria.map((c) => ({ ...c, description: c.description ?? '' })),
    })),
    teams: event.teams.map((team) => ({ ...team, withdrawn: team.withdrawn ?? false })),
    judges: event.judges,
    assignments: event.assignments,
  };
}

function fail(problems: string[]): ParsedEventFile {
  return { ok: false, problems };
}
