import { isRequired, isValidCriterionValue, type Category, type Criterion } from '../event.js';
import { isSubmitted, type ScoreSheet } from '../sheetDoc.js';
import { cleanFloat } from './round.js';

/** What a counted sheet contributes (docs/SCORING.md, "Which sheets count"). */
export interface CountedSheet {
  /** Each scored criterion's value, on its step; a blank optional criterion is absent. */
  values: ReadonlyMap<string, number>;
  /** Weighted sum of `values`: a blank optional criterion adds nothing. */
  total: number;
}

/** Why a sheet does not count. Neither is ever turned into a low score. */
export type UncountedReason = 'not-submitted' | 'required-missing';

/**
 * A sheet counts when it is submitted (or marked final) and every required criterion holds a
 * value the judge could have picked. A value outside the criterion's range or steps (only a
 * misbehaving device writes one) is treated as blank. Optional criteria may be blank.
 */
export function countSheet(
  category: Category,
  sheet: ScoreSheet,
): CountedSheet | { uncounted: UncountedReason } {
  if (!isSubmitted(sheet.status)) return { uncounted: 'not-submitted' };
  const values = new Map<string, number>();
  let total = 0;
  for (const criterion of category.criteria) {
    const value = sheet.values.get(criterion.id)?.value;
    if (typeof value !== 'number' || !isValidCriterionValue(criterion, value)) {
      if (isRequired(criterion)) return { uncounted: 'required-missing' };
      continue;
    }
    const onStep = snapToStep(criterion, value);
    values.set(criterion.id, onStep);
    total += criterion.weight * onStep;
  }
  // Cleaning makes equal totals equal numbers: 0.1·3 and 0.2·1 + 0.1·1 are the same total.
  return { values, total: cleanFloat(total) };
}

export const isCounted = (
  counted: CountedSheet | { uncounted: UncountedReason },
): counted is CountedSheet => !('uncounted' in counted);

/** isValidCriterionValue accepts a value within 10⁻⁶ of a step; it counts as that step. */
function snapToStep(criterion: Criterion, value: number): number {
  const steps = Math.round((value - criterion.min) / criterion.step);
  return cleanFloat(criterion.min + steps * criterion.step);
}
