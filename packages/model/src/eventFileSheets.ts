import {
  assignmentKey,
  isValidCriterionValue,
  type Criterion,
  type JudgingEvent,
} from './event.js';
import type { EventFileSheet } from './eventFileShape.js';
import type * as Y from 'yjs';
import { commitField, criterionField, type ScoreSheet } from './sheetDoc.js';

/**
 * Checks an event file's sheets against its (already valid) event: each sheet names a known
 * judge, team and category, belongs to one of the event's assignments, appears once, and holds
 * only the category's criteria with values the judge could have picked.
 */
export function validateFileSheets(
  event: JudgingEvent,
  sheets: readonly EventFileSheet[],
): string[] {
  const problems: string[] = [];
  const judges = new Set(event.judges.map((j) => j.id));
  const teams = new Set(event.teams.map((t) => t.id));
  const categories = new Map(event.categories.map((c) => [c.id, c]));
  const assigned = new Set(event.assignments.map(assignmentKey));
  const firstAt = new Map<string, number>();

  sheets.forEach((sheet, i) => {
    const at = `sheets[${i}]`;
    const category = categories.get(sheet.categoryId);
    if (!judges.has(sheet.judgeId))
      problems.push(`${at}.judgeId: unknown judge "${sheet.judgeId}"`);
    if (!teams.has(sheet.teamId)) problems.push(`${at}.teamId: unknown team "${sheet.teamId}"`);
    if (!category) problems.push(`${at}.categoryId: unknown category "${sheet.categoryId}"`);
    if (!category || !judges.has(sheet.judgeId) || !teams.has(sheet.teamId)) return;

    const key = assignmentKey(sheet);
    const first = firstAt.get(key);
    if (first !== undefined) {
      problems.push(
        `${at}: a second sheet for the same judge, team and category (first at sheets[${first}])`,
      );
      return;
    }
    firstAt.set(key, i);
    if (!assigned.has(key))
      problems.push(
        `${at}: judge "${sheet.judgeId}" is not assigned team "${sheet.teamId}" in category "${sheet.categoryId}"`,
      );
    for (const [criterionId, value] of Object.entries(sheet.values)) {
      const criterion = category.criteria.find((c) => c.id === criterionId);
      if (!criterion)
        problems.push(
          `${at}.values.${criterionId}: "${criterionId}" is not a criterion of category "${category.id}"`,
        );
      else if (!isValidCriterionValue(criterion, value))
        problems.push(
          `${at}.values.${criterionId}: ${value} is not a value of this criterion (${range(criterion)})`,
        );
    }
  });
  return problems;
}

/** `1 to 10 in steps of 1` */
export function range(criterion: Criterion): string {
  return `${criterion.min} to ${criterion.max} in steps of ${criterion.step}`;
}

export interface FileSheets {
  /** In the order of the event's assignments. */
  sheets: EventFileSheet[];
  /** What could not be carried into the file, one line each, for the organiser to read. */
  notes: string[];
}

/**
 * The sheets of every judge in the event, as an event file carries them: each field's shown
 * value (a concurrent value not yet resolved is listed in `notes`, not in the file), the comment
 * when there is one, and the status. Only what a re-import accepts is written: a sheet outside
 * the event's assignments or a value outside its criterion (only a misbehaving device could
 * write either) is left out and noted.
 */
export function eventFileSheets(
  event: JudgingEvent,
  sheetsByJudge: ReadonlyMap<string, ReadonlyMap<string, ScoreSheet>>,
): FileSheets {
  const result: FileSheets = { sheets: [], notes: [] };
  const assigned = new Set(event.assignments.map(assignmentKey));
  for (const judge of event.judges) {
    for (const sheet of sheetsByJudge.get(judge.id)?.values() ?? []) {
      const where = `sheet of judge "${judge.id}" for team "${sheet.teamId}" in category "${sheet.categoryId}"`;
      const category = event.categories.find((c) => c.id === sheet.categoryId);
      if (!category || !assigned.has(assignmentKey({ ...sheet, judgeId: judge.id }))) {
        result.notes.push(`${where}: left out, not one of the event's assignments`);
        continue;
      }
      const values = new Map<string, number>();
      for (const [criterionId, state] of sheet.values) {
        const criterion = category.criteria.find((c) => c.id === criterionId);
        if (state.value === null) continue;
        if (!criterion || !isValidCriterionValue(criterion, state.value)) {
          result.notes.push(
            `${where}: value ${state.value} for "${criterionId}" left out, not valid for the rubric`,
          );
          continue;
        }
        if (state.conflicts.length > 0)
          result.notes.push(
            `${where}: "${criterionId}" has unresolved concurrent values (${state.conflicts.map((e) => e.value).join(', ')}); wrote the shown value ${state.value}`,
          );
        values.set(criterionId, state.value);
      }
      // In rubric order; fromEntries keeps even an id like "__proto__" a plain field.
      const ordered = Object.fromEntries(
        category.criteria.flatMap((c) =>
          values.has(c.id) ? [[c.id, values.get(c.id)!] as const] : [],
        ),
      );
      const comment = sheet.comment?.value;
      result.sheets.push({
        judgeId: judge.id,
        teamId: sheet.teamId,
        categoryId: sheet.categoryId,
        values: ordered,
        ...(typeof comment === 'string' && comment !== '' ? { comment } : {}),
        status: sheet.status,
      });
    }
  }
  // Sheets follow the event's assignments list, so the file reads in one order throughout.
  const position = new Map(event.assignments.map((a, i) => [assignmentKey(a), i]));
  result.sheets.sort((a, b) => position.get(assignmentKey(a))! - position.get(assignmentKey(b))!);
  return result;
}

/**
 * Writes a sheet from an event file into its judge's `sheets/<judgeId>` document, as that judge's
 * own commits from the device `device`: each value, the comment, then the status last, so a
 * submitted sheet is submitted with its values in place. The status is always written, so even a
 * sheet with nothing scored yet exists after the import as it did before the export.
 */
export function commitFileSheet(
  doc: Y.Doc,
  sheet: EventFileSheet,
  device: string,
  origin: unknown = null,
): void {
  const at = Date.now();
  const commit = (field: Parameters<typeof commitField>[1]['field'], value: number | string) =>
    commitField(
      doc,
      {
        teamId: sheet.teamId,
        categoryId: sheet.categoryId,
        field,
        value,
        author: sheet.judgeId,
        device,
        at,
      },
      origin,
    );
  doc.transact(() => {
    for (const [criterionId, value] of Object.entries(sheet.values))
      commit(criterionField(criterionId), value);
    if (sheet.comment) commit('comment', sheet.comment);
    commit('status', sheet.status);
  }, origin);
}
