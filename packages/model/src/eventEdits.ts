import * as Y from 'yjs';
import {
  assignmentKey,
  type Assignment,
  type Category,
  type Judge,
  type JudgingEvent,
  type Team,
} from './event.js';
import { eventMaps } from './eventDoc.js';
import { isSubmitted, type ScoreSheet } from './sheetDoc.js';
import { validateEvent } from './validateEvent.js';

/**
 * The organiser's edits of a running event, as pure functions: an `EventChange` lists the whole
 * entities to write (each replaces the one with its id) and the assignments to drop. It is checked
 * against the whole event (validateEvent and the checks below) before it is written, in one
 * transaction, to the `event` document. Nothing is ever deleted but assignments: a withdrawn team
 * and a removed judge are markers, and score sheets live in the judges' documents, untouched.
 */
export interface EventChange {
  categories?: Category[];
  teams?: Team[];
  judges?: Judge[];
  /** `assignmentKey`s of assignments to drop (a team left the category they were for). */
  dropAssignments?: string[];
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const isEntityId = (id: string): boolean => ID.test(id);

/**
 * An id made from a name (`Robot Design` → `robot-design`), unique among `taken`: letters and
 * digits kept, accents dropped, everything else a dash; `-2`, `-3`… when taken.
 */
export function newEntityId(name: string, taken: ReadonlySet<string>, fallback = 'item'): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56)
      .replace(/-+$/, '') || fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function replaceById<T extends { id: string }>(list: readonly T[], changed?: readonly T[]): T[] {
  if (!changed) return [...list];
  const byId = new Map(changed.map((e) => [e.id, e]));
  const out = list.map((e) => byId.get(e.id) ?? e);
  for (const e of changed) if (!list.some((x) => x.id === e.id)) out.push(e);
  return out;
}

/** The event as it would be after the change. */
export function applyChange(event: JudgingEvent, change: EventChange): JudgingEvent {
  const dropped = new Set(change.dropAssignments ?? []);
  return {
    settings: event.settings,
    categories: replaceById(event.categories, change.categories).sort((a, b) => a.order - b.order),
    teams: replaceById(event.teams, change.teams),
    judges: replaceById(event.judges, change.judges),
    assignments: event.assignments.filter((a) => !dropped.has(assignmentKey(a))),
  };
}

export type CheckedChange =
  { ok: true; event: JudgingEvent } | { ok: false; event: JudgingEvent; problems: string[] };

/** Whether the event stays usable after the change; the problems name where, as validateEvent does. */
export function checkChange(event: JudgingEvent, change: EventChange): CheckedChange {
  const after = applyChange(event, change);
  const problems = validateEvent(after);
  const teamIds = new Set(after.teams.map((t) => t.id));
  after.judges.forEach((judge, i) => {
    judge.conflicts?.forEach((teamId, j) => {
      if (!teamIds.has(teamId))
        problems.push(`judges[${i}].conflicts[${j}]: unknown team "${teamId}"`);
    });
    if (!judge.name.trim()) problems.push(`judges[${i}].name: must not be empty`);
  });
  after.teams.forEach((team, i) => {
    if (!team.name.trim()) problems.push(`teams[${i}].name: must not be empty`);
  });
  after.categories.forEach((category, i) => {
    if (!category.name.trim()) problems.push(`categories[${i}].name: must not be empty`);
    category.criteria.forEach((c, j) => {
      if (!c.label.trim())
        problems.push(`categories[${i}].criteria[${j}].label: must not be empty`);
    });
  });
  return problems.length === 0 ? { ok: true, event: after } : { ok: false, event: after, problems };
}

/** Writes a checked change to the `event` document in one transaction (one undo, one sync). */
export function writeChange(doc: Y.Doc, change: EventChange, origin: unknown = null): void {
  const maps = eventMaps(doc);
  doc.transact(() => {
    for (const c of change.categories ?? []) maps.categories.set(c.id, c);
    for (const t of change.teams ?? []) maps.teams.set(t.id, t);
    for (const j of change.judges ?? []) maps.judges.set(j.id, j);
    for (const key of change.dropAssignments ?? []) maps.assignments.delete(key);
  }, origin);
}

/** The keys of every entity a change writes, to tell when all of it is saved on the hub. */
export function changedKeys(
  change: EventChange,
): { map: 'categories' | 'teams' | 'judges'; key: string }[] {
  return [
    ...(change.categories ?? []).map((c) => ({ map: 'categories' as const, key: c.id })),
    ...(change.teams ?? []).map((t) => ({ map: 'teams' as const, key: t.id })),
    ...(change.judges ?? []).map((j) => ({ map: 'judges' as const, key: j.id })),
  ];
}

/** A team's categories set to `categoryIds`: its assignments in categories it leaves are dropped. */
export function teamCategoriesChange(
  event: JudgingEvent,
  team: Team,
  categoryIds: string[],
): { change: EventChange; left: string[]; droppedAssignments: Assignment[] } {
  const left = team.categoryIds.filter((id) => !categoryIds.includes(id));
  const droppedAssignments = event.assignments.filter(
    (a) => a.teamId === team.id && left.includes(a.categoryId),
  );
  return {
    change: {
      teams: [{ ...team, categoryIds }],
      dropAssignments: droppedAssignments.map(assignmentKey),
    },
    left,
    droppedAssignments,
  };
}

/** Teams written by an import: categories a team leaves drop its assignments there, as above. */
export function teamsImportChange(event: JudgingEvent, teams: Team[]): EventChange {
  const drop: string[] = [];
  for (const team of teams) {
    const before = event.teams.find((t) => t.id === team.id);
    if (before)
      drop.push(...teamCategoriesChange(event, before, team.categoryIds).change.dropAssignments!);
  }
  return { teams, dropAssignments: drop };
}

/** What has been scored so far: sheets per (team, category) and values per criterion. */
export interface ScoredSummary {
  sheets: { teamId: string; categoryId: string; judgeIds: string[]; submitted: number }[];
  values: { categoryId: string; criterionId: string; count: number }[];
}

/** Sums every judge's sheets (a sheet with no value, comment or status is not counted). */
export function scoredSummary(byJudge: ReadonlyMap<string, ReadonlyMap<string, ScoreSheet>>) {
  const sheets = new Map<string, ScoredSummary['sheets'][number]>();
  const values = new Map<string, ScoredSummary['values'][number]>();
  for (const [judgeId, judgeSheets] of byJudge) {
    for (const sheet of judgeSheets.values()) {
      const key = `${sheet.teamId}|${sheet.categoryId}`;
      const entry = sheets.get(key) ?? {
        teamId: sheet.teamId,
        categoryId: sheet.categoryId,
        judgeIds: [],
        submitted: 0,
      };
      entry.judgeIds.push(judgeId);
      if (isSubmitted(sheet.status)) entry.submitted++;
      sheets.set(key, entry);
      for (const [criterionId, state] of sheet.values) {
        if (state.value === null) continue;
        const vkey = `${sheet.categoryId}|${criterionId}`;
        const v = values.get(vkey) ?? { categoryId: sheet.categoryId, criterionId, count: 0 };
        v.count++;
        values.set(vkey, v);
      }
    }
  }
  return { sheets: [...sheets.values()], values: [...values.values()] } satisfies ScoredSummary;
}

/** How many judges' sheets exist for a team in each of the given categories. */
export function sheetsFor(
  summary: ScoredSummary,
  teamId: string,
  categoryIds?: readonly string[],
): { categoryId: string; sheets: number; submitted: number }[] {
  return summary.sheets
    .filter((s) => s.teamId === teamId && (!categoryIds || categoryIds.includes(s.categoryId)))
    .map((s) => ({ categoryId: s.categoryId, sheets: s.judgeIds.length, submitted: s.submitted }));
}

/** Criteria of `before` missing from `after` that already hold scored values. */
export function removedScoredCriteria(
  summary: ScoredSummary,
  before: Category,
  after: Category,
): { criterionId: string; label: string; values: number }[] {
  return before.criteria
    .filter((c) => !after.criteria.some((a) => a.id === c.id))
    .map((c) => ({
      criterionId: c.id,
      label: c.label,
      values:
        summary.values.find((v) => v.categoryId === before.id && v.criterionId === c.id)?.count ??
        0,
    }))
    .filter((c) => c.values > 0);
}

/**
 * Problems of one category (validateEvent paths `categories[i]…`) keyed by the field they are
 * about, relative to the category: `name`, `criteria[0].max`, `scoring.trim`, `criteria[1]` (the
 * criterion as a whole, e.g. its range) or `` (the category as a whole).
 */
export function categoryProblems(problems: string[], index: number): Map<string, string[]> {
  const prefix = `categories[${index}]`;
  const out = new Map<string, string[]>();
  for (const p of problems) {
    if (!p.startsWith(prefix)) continue;
    const rest = p.slice(prefix.length);
    if (rest[0] !== '.' && rest[0] !== ':') continue; // categories[1] is not categories[12]
    const colon = rest.indexOf(': ');
    const field = rest.slice(0, colon).replace(/^\./, '');
    const message = rest.slice(colon + 2);
    out.set(field, [...(out.get(field) ?? []), message]);
  }
  return out;
}

/** `POST /api/event`: create the event on a hub that has none (packages/hub eventApi.ts). */
export interface CreateEventRequest {
  name: string;
  id: string;
}

export interface CreateEventResponse {
  eventId: string;
  eventName: string;
}
