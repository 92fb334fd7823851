import {
  sheetKey,
  type EventResults,
  type JudgingEvent,
  type ScoreSheet,
  type TeamStanding,
} from '@judgehub/model';
import { toCsv, type CsvCell } from './csv.js';

/** The exports besides the event file; docs/EXPORTS.md documents every column and field. */

/**
 * `complete`; `provisional` (sheets still missing: the score may move); `awaiting scores` (no
 * sheet counts yet); `withdrawn` (listed only if the ranking lists withdrawn teams at all).
 */
export type StandingStatus = 'complete' | 'provisional' | 'awaiting scores' | 'withdrawn';

export function standingStatus(
  standing: TeamStanding,
  withdrawn: ReadonlySet<string>,
): StandingStatus {
  if (withdrawn.has(standing.teamId)) return 'withdrawn';
  if (standing.score === null) return 'awaiting scores';
  return standing.provisional ? 'provisional' : 'complete';
}

export function withdrawnTeams(event: JudgingEvent): Set<string> {
  return new Set(event.teams.filter((t) => t.withdrawn).map((t) => t.id));
}

export const RESULTS_COLUMNS = [
  'Category ID',
  'Category',
  'Rank',
  'Team ID',
  'Team',
  'Score',
  'Judges counted',
  'Judges assigned',
  'Status',
] as const;

/** One row per team per category, in the order of the standings (CSV and XLSX share these). */
export function resultsRows(event: JudgingEvent, results: EventResults): CsvCell[][] {
  const withdrawn = withdrawnTeams(event);
  return results.categories.flatMap((category) =>
    category.standings.map((s) => [
      category.categoryId,
      category.categoryName,
      s.rank,
      s.teamId,
      s.teamName,
      s.score,
      s.judgesCounted,
      s.judgesAssigned,
      standingStatus(s, withdrawn),
    ]),
  );
}

/** One row per team per category, in the order of the standings. */
export function resultsCsv(event: JudgingEvent, results: EventResults): string {
  return toCsv(RESULTS_COLUMNS, resultsRows(event, results));
}

export const RESULTS_FORMAT = 'judgehub-results';

/** The standings as JSON, for a website or a certificate mail-merge. */
export function resultsJson(event: JudgingEvent, results: EventResults): string {
  const withdrawn = withdrawnTeams(event);
  const file = {
    format: RESULTS_FORMAT,
    version: 1,
    event: { id: results.eventId, name: results.eventName },
    categories: results.categories.map((category) => ({
      id: category.categoryId,
      name: category.categoryName,
      standings: category.standings.map((s) => ({
        rank: s.rank,
        teamId: s.teamId,
        teamName: s.teamName,
        score: s.score,
        judgesCounted: s.judgesCounted,
        judgesAssigned: s.judgesAssigned,
        status: standingStatus(s, withdrawn),
      })),
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export const SHEETS_COLUMNS = [
  'Judge ID',
  'Judge',
  'Category ID',
  'Category',
  'Team ID',
  'Team',
  'Sheet status',
  'Criterion ID',
  'Criterion',
  'Weight',
  'Value',
  'Conflicting values',
  'Comment',
] as const;

/**
 * One row per assignment per criterion of its category, sheet or not, so what is missing shows:
 * `Sheet status` is `submitted`, `draft` or `not started`, and `Value` is empty for a criterion
 * not scored yet. `Conflicting values` lists values from other devices not yet resolved.
 */
export function sheetsCsv(
  event: JudgingEvent,
  sheetsByJudge: ReadonlyMap<string, ReadonlyMap<string, ScoreSheet>>,
): string {
  return toCsv(SHEETS_COLUMNS, sheetsRows(event, sheetsByJudge));
}

/** The rows of the sheets CSV (CSV and XLSX share these). */
export function sheetsRows(
  event: JudgingEvent,
  sheetsByJudge: ReadonlyMap<string, ReadonlyMap<string, ScoreSheet>>,
): CsvCell[][] {
  const judges = new Map(event.judges.map((j) => [j.id, j.name]));
  const teams = new Map(event.teams.map((t) => [t.id, t.name]));
  const rows: CsvCell[][] = [];
  for (const a of event.assignments) {
    const category = event.categories.find((c) => c.id === a.categoryId);
    if (!category) continue;
    const sheet = sheetsByJudge.get(a.judgeId)?.get(sheetKey(a.teamId, a.categoryId));
    const comment = sheet?.comment?.value;
    for (const criterion of category.criteria) {
      const state = sheet?.values.get(criterion.id);
      const value = state?.value;
      rows.push([
        a.judgeId,
        judges.get(a.judgeId) ?? '',
        category.id,
        category.name,
        a.teamId,
        teams.get(a.teamId) ?? '',
        sheet ? sheet.status : 'not started',
        criterion.id,
        criterion.label,
        criterion.weight,
        typeof value === 'number' && Number.isFinite(value) ? value : null,
        state?.conflicts.map((e) => String(e.value)).join('; ') ?? '',
        typeof comment === 'string' ? comment : '',
      ]);
    }
  }
  return rows;
}
