import * as Y from 'yjs';
import type { Category, JudgingEvent } from './event.js';
import { isSubmitted, sheetKey, type ScoreSheet } from './sheetDoc.js';
import { isCounted } from './scoring/countedSheet.js';
import { countSheetOnce, type SheetsByJudge } from './scoring/teamSheets.js';

/**
 * Where judging stands, per assigned (judge, team, category): computed by the hub in the same
 * pass as the results and kept in the `results` document's root map `progress`, so the
 * organiser's page reads a few bytes per team instead of every judge's sheet.
 *
 * - `submitted`: the sheet is submitted and counts (every required criterion scored);
 * - `started`: the hub has a value, a comment or a submission that does not count yet;
 * - `missing`: the hub has nothing from this judge for this team — its own state, never a 0.
 *
 * Values a tablet holds but has not sent are not here (the hub cannot see them): the device feed
 * reports how many each tablet is waiting to send.
 */
export type SheetProgress = 'submitted' | 'started' | 'missing';

export const SHEET_PROGRESS: readonly SheetProgress[] = ['submitted', 'started', 'missing'];

/** judgeId → that judge's progress on one team in one category. */
export type JudgeProgress = Record<string, SheetProgress>;

/** `<categoryId>|<teamId>` → its judges' progress. Teams with no judge assigned map to `{}`. */
export type ProgressGrid = Map<string, JudgeProgress>;

export const progressKey = (categoryId: string, teamId: string): string =>
  `${categoryId}|${teamId}`;

export function progressMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('progress');
}

/** One judge's sheet for one team, as the hub has it. */
export function sheetProgress(category: Category, sheet: ScoreSheet | undefined): SheetProgress {
  if (!sheet) return 'missing';
  if (isCounted(countSheetOnce(category, sheet))) return 'submitted';
  const hasComment = typeof sheet.comment?.value === 'string' && sheet.comment.value.trim() !== '';
  const hasValue = [...sheet.values.values()].some((v) => typeof v.value === 'number');
  return hasValue || hasComment || isSubmitted(sheet.status) ? 'started' : 'missing';
}

/**
 * The progress of every team entered in the given categories (all when `categoryIds` is
 * omitted); with `onlyTeams` (category id → team ids), of those teams only. Withdrawn teams are
 * left out, as in the results.
 */
export function computeProgress(
  event: JudgingEvent,
  sheetsByJudge: SheetsByJudge,
  categoryIds?: ReadonlySet<string>,
  onlyTeams?: ReadonlyMap<string, ReadonlySet<string>>,
): ProgressGrid {
  const grid: ProgressGrid = new Map();
  const categories = new Map(
    event.categories.filter((c) => !categoryIds || categoryIds.has(c.id)).map((c) => [c.id, c]),
  );
  for (const category of categories.values()) {
    const only = onlyTeams && (onlyTeams.get(category.id) ?? new Set<string>());
    for (const team of event.teams) {
      if (only && !only.has(team.id)) continue;
      if (!team.withdrawn && team.categoryIds.includes(category.id))
        grid.set(progressKey(category.id, team.id), {});
    }
  }
  for (const a of event.assignments) {
    if (onlyTeams && !onlyTeams.get(a.categoryId)?.has(a.teamId)) continue;
    const category = categories.get(a.categoryId);
    const judges = category && grid.get(progressKey(a.categoryId, a.teamId));
    if (!category || !judges) continue;
    judges[a.judgeId] = sheetProgress(
      category,
      sheetsByJudge.get(a.judgeId)?.get(sheetKey(a.teamId, a.categoryId)),
    );
  }
  return grid;
}

function sameProgress(a: unknown, b: JudgeProgress): boolean {
  if (typeof a !== 'object' || a === null) return false;
  const x = a as Record<string, unknown>;
  const keys = Object.keys(b);
  return Object.keys(x).length === keys.length && keys.every((k) => x[k] === b[k]);
}

/**
 * Writes the grid, touching only entries that changed. With `changed` (category ids), only
 * those categories' entries are compared and pruned; without, entries of teams or categories no
 * longer in `grid` are removed. `prune: false` removes nothing (a grid of some teams only, from
 * `computeProgress` with `onlyTeams`). Returns whether anything was written.
 */
export function writeProgress(
  doc: Y.Doc,
  grid: ProgressGrid,
  origin: unknown = null,
  changed?: ReadonlySet<string>,
  prune = true,
): boolean {
  const map = progressMap(doc);
  let wrote = false;
  doc.transact(() => {
    for (const [key, judges] of grid) {
      if (!sameProgress(map.get(key), judges)) {
        map.set(key, { ...judges });
        wrote = true;
      }
    }
    for (const key of prune ? [...map.keys()] : []) {
      if (grid.has(key)) continue;
      if (changed && !changed.has(key.slice(0, key.indexOf('|')))) continue;
      map.delete(key);
      wrote = true;
    }
  }, origin);
  return wrote;
}

const isProgress = (x: unknown): x is SheetProgress => SHEET_PROGRESS.includes(x as SheetProgress);

/** The grid as stored; entries that are not well formed read as absent, never as a state. */
export function readProgress(doc: Y.Doc): ProgressGrid {
  const grid: ProgressGrid = new Map();
  for (const [key, value] of progressMap(doc)) {
    if (!key.includes('|') || typeof value !== 'object' || value === null) continue;
    const judges: JudgeProgress = {};
    for (const [judgeId, state] of Object.entries(value))
      if (isProgress(state)) judges[judgeId] = state;
    grid.set(key, judges);
  }
  return grid;
}

export interface ProgressCount {
  submitted: number;
  started: number;
  missing: number;
  /** Judges assigned. */
  assigned: number;
}

export function countProgress(judges: JudgeProgress | undefined): ProgressCount {
  const count: ProgressCount = { submitted: 0, started: 0, missing: 0, assigned: 0 };
  for (const state of Object.values(judges ?? {})) {
    count[state]++;
    count.assigned++;
  }
  return count;
}

/** A cell needs attention while any judge has not submitted, or nobody is assigned at all. */
export function needsAttention(judges: JudgeProgress | undefined): boolean {
  const count = countProgress(judges);
  return count.assigned === 0 || count.submitted < count.assigned;
}
