import type { CategoryResult, ScoringRules } from '@judgehub/model';

/** Words for the reports: how a category's score is made, dates, numbers. */

export function rulesInWords(rules: ScoringRules): string {
  const method =
    rules.aggregation === 'trimmed-mean'
      ? `trimmed mean (dropping the ${Math.max(1, rules.trim)} highest and lowest)`
      : rules.aggregation;
  const by =
    rules.aggregateBy === 'criterion' ? 'of each criterion, then added' : "of the judges' totals";
  const norm = rules.normalisation === 'z-score' ? '; judges normalised (z-score)' : '';
  return `Score: ${method} ${by}${norm}`;
}

export function categoryNote(category: CategoryResult): string {
  return `${rulesInWords(category.rules)} · best possible ${formatNumber(category.maxScore)} · ${category.sheetsSubmitted} of ${category.sheetsAssigned} assigned sheets counted`;
}

/** Whether a category's standings may still move (any team provisional or awaiting scores). */
export function isProvisional(category: CategoryResult): boolean {
  return category.standings.some((s) => s.score === null || s.provisional);
}

export function formatNumber(value: number | null, decimals?: number): string {
  if (value === null) return '–';
  return decimals === undefined ? String(value) : value.toFixed(decimals);
}

/** `2026-12-06 15:20 UTC`. */
export function utcStamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
