import type { Category, JudgingEvent, Team } from '../event.js';
import { sheetKey, type ScoreSheet } from '../sheetDoc.js';
import { countSheet, isCounted, type CountedSheet } from './countedSheet.js';

/** One team of a category with the sheets that count for it. */
export interface TeamSheets {
  team: Team;
  /** Distinct judges assigned to this team in this category, by id. */
  judgesAssigned: string[];
  /** Counted sheets of assigned judges, by judge id. Sheets of other judges are ignored. */
  sheets: { judgeId: string; sheet: CountedSheet }[];
}

/** judgeId → that judge's sheets, keyed by `sheetKey` (from `readSheets`). */
export type SheetsByJudge = ReadonlyMap<string, ReadonlyMap<string, ScoreSheet>>;

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * countSheet per (category, sheet) object. Sheets are values, built once by `readSheets` and never
 * changed after, so the hub, which re-ranks a category after every change of one judge's sheets,
 * counts only the sheets that were read again (docs/PERFORMANCE.md).
 */
const countedByCategory = new WeakMap<
  Category,
  WeakMap<ScoreSheet, ReturnType<typeof countSheet>>
>();

export function countSheetOnce(
  category: Category,
  sheet: ScoreSheet,
): ReturnType<typeof countSheet> {
  let counted = countedByCategory.get(category);
  if (!counted) countedByCategory.set(category, (counted = new WeakMap()));
  let result = counted.get(sheet);
  if (!result) counted.set(sheet, (result = countSheet(category, sheet)));
  return result;
}

/**
 * The teams entered in a category that are not withdrawn, each with its assigned judges and
 * counted sheets. A withdrawn team is left out entirely, as if never entered: its sheets count
 * nowhere, not even in a judge's normalisation.
 */
export function collectTeamSheets(
  event: JudgingEvent,
  category: Category,
  sheetsByJudge: SheetsByJudge,
): TeamSheets[] {
  const judgesOf = assignedJudges(event, category);
  return enteredTeams(event, category).map((team) =>
    teamSheets(category, team, judgesOf.get(team.id) ?? [], sheetsByJudge),
  );
}

/** The teams entered in a category that are not withdrawn, in the event's order. */
export function enteredTeams(event: JudgingEvent, category: Category): Team[] {
  return event.teams.filter((team) => !team.withdrawn && team.categoryIds.includes(category.id));
}

/** teamId → the distinct judges assigned to it in `category`, by id. */
export function assignedJudges(event: JudgingEvent, category: Category): Map<string, string[]> {
  const judgesOf = new Map<string, Set<string>>();
  for (const a of event.assignments) {
    if (a.categoryId !== category.id) continue;
    let judges = judgesOf.get(a.teamId);
    if (!judges) judgesOf.set(a.teamId, (judges = new Set()));
    judges.add(a.judgeId);
  }
  return new Map([...judgesOf].map(([teamId, judges]) => [teamId, [...judges].sort(byId)]));
}

/** One team with its assigned judges' counted sheets. */
export function teamSheets(
  category: Category,
  team: Team,
  judgesAssigned: string[],
  sheetsByJudge: SheetsByJudge,
): TeamSheets {
  const sheets: TeamSheets['sheets'] = [];
  for (const judgeId of judgesAssigned) {
    const sheet = sheetsByJudge.get(judgeId)?.get(sheetKey(team.id, category.id));
    const counted = sheet && countSheetOnce(category, sheet);
    if (counted && isCounted(counted)) sheets.push({ judgeId, sheet: counted });
  }
  return { team, judgesAssigned, sheets };
}
