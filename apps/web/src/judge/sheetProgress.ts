import { sheetKey, type Category, type ScoreSheet } from '@judgehub/model';

export type SheetProgress = 'not-started' | 'in-progress' | 'complete' | 'submitted';

export function sheetProgress(
  category: Category,
  sheet: ScoreSheet | undefined,
): { progress: SheetProgress; scored: number } {
  if (!sheet) return { progress: 'not-started', scored: 0 };
  const scored = category.criteria.filter(
    (c) => typeof sheet.values.get(c.id)?.value === 'number',
  ).length;
  if (sheet.status === 'submitted') return { progress: 'submitted', scored };
  if (scored === 0) return { progress: 'not-started', scored };
  return { progress: scored === category.criteria.length ? 'complete' : 'in-progress', scored };
}

export const findSheet = (
  sheets: ReadonlyMap<string, ScoreSheet>,
  teamId: string,
  categoryId: string,
) => sheets.get(sheetKey(teamId, categoryId));
