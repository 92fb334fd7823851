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
 * judge, team and category, appears once, and holds only the category's criteria with values the
 * judge could have picked. A sheet need not be one of the event's assignments: a team moved to
 * another category, or an assignment given to another judge, keeps the sheets already scored (they
 * are kept, and count nowhere, as on the hub).
 */
export function validateFileSheets(
  event: JudgingEvent,
  sheets: readonly EventFileSheet[],
): string[] {
  const problems: string[] = [];
  const judges = new Set(event.judges.map((j) => j.id));
  const teams = new Set(event.teams.map((t) => t.id));
  const categories = new Map(event.categories.map((c) => [c.id, c]));
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
  /** In the order of the event's assignments, then sheets outside them by judge, category, team. */
  sheets: EventFileSheet[];
  /** What could not be carried into the file, one line each, for the organiser to read. */
  notes: string[];
}

/**
 * The sheets of every judge in the event, as an event file carries them: each field's shown
 * value (a concurrent value not yet resolved is listed in `notes`, not in the file), the comment
 * when there is one, and the status. Sheets that are no longer assignments (a team moved to another
 * category, an assignment given to another judge) are written too: the file is a backup, and a
 * re-import keeps them as the hub did, counting nowhere. Only what a re-import cannot accept is
 * left out and noted: a sheet of a category no longer in the event, a value outside its criterion.
 */
export function eventFileSheets(
  event: JudgingEvent,
  sheetsByJudge: ReadonlyMap<string, ReadonlyMap<string, ScoreSheet>>,
): FileSheets {
  const result: FileSheets = { sheets: [], notes: [] };
  for (const judge of event.judges) {
    for (const sheet of sheetsByJudge.get(judge.id)?.values() ?? []) {
      const where = `sheet of judge "${judge.id}" for team "${sheet.teamId}" in category "${sheet.categoryId}"`;
      const category = event.categories.find((c) => c.id === sheet.categoryId);
      if (!category) {
        result.notes.push(`${where}: left out, the category is no longer in the event`);
        continue;
      }
      if (!event.teams.some((t) => t.id === sheet.teamId)) {
        result.notes.push(`${where}: left out, the team is no longer in the event`);
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
  // Sheets follow the event's assignments list, so the file reads in one order throughout; sheets
  // outside it come last, in a fixed order.
  const position = new Map(event.assignments.map((a, i) => [assignmentKey(a), i]));
  const at = (s: EventFileSheet) => position.get(assignmentKey(s)) ?? Number.MAX_SAFE_INTEGER;
  const text = (s: EventFileSheet) => `${s.judgeId}\u0000${s.categoryId}\u0000${s.teamId}`;
  result.sheets.sort(
    (a, b) => at(a) - at(b) || (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0),
  );
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
