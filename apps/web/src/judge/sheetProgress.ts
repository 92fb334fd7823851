import { isRequired, isSubmitted, sheetKey, type Category, type ScoreSheet } from '@judgehub/model';

export type SheetProgress = 'not-started' | 'in-progress' | 'complete' | 'submitted';

/**
 * How far a judge is with one sheet. `missingRequired` counts the required criteria without a
 * value: a sheet can be submitted only when it is 0 (optional criteria may stay empty). A sheet
 * marked final is submitted, and `final` says so.
 */
export function sheetProgress(
  category: Category,
  sheet: ScoreSheet | undefined,
): { progress: SheetProgress; scored: number; missingRequired: number; final: boolean } {
  const hasValue = (id: string) => typeof sheet?.values.get(id)?.value === 'number';
  const scored = category.criteria.filter((c) => hasValue(c.id)).length;
  const missingRequired = category.criteria.filter((c) => isRequired(c) && !hasValue(c.id)).length;
  const final = sheet?.status === 'final';
  if (sheet && isSubmitted(sheet.status))
    return { progress: 'submitted', scored, missingRequired, final };
  if (scored === 0) return { progress: 'not-started', scored, missingRequired, final };
  return {
    progress: missingRequired === 0 ? 'complete' : 'in-progress',
    scored,
    missingRequired,
    final,
  };
}

export const findSheet = (
  sheets: ReadonlyMap<string, ScoreSheet>,
  teamId: string,
  categoryId: string,
) => sheets.get(sheetKey(teamId, categoryId));
