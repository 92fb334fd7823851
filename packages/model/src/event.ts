/** The event as organisers set it up. Plain data: the `event` Y.Doc stores these shapes. */

export interface Criterion {
  id: string;
  label: string;
  description: string;
  min: number;
  max: number;
  step: number;
  weight: number;
}

export interface Category {
  id: string;
  name: string;
  /** Display order among categories. */
  order: number;
  criteria: Criterion[];
}

export interface Team {
  id: string;
  name: string;
  categoryIds: string[];
  /** A withdrawn team is kept (its sheets too) but never ranked. */
  withdrawn: boolean;
}

export interface Judge {
  id: string;
  name: string;
}

export interface Assignment {
  judgeId: string;
  teamId: string;
  categoryId: string;
}

export interface EventSettings {
  id: string;
  name: string;
}

export interface JudgingEvent {
  settings: EventSettings;
  categories: Category[];
  teams: Team[];
  judges: Judge[];
  assignments: Assignment[];
}

export const assignmentKey = (a: Assignment): string => `${a.judgeId}|${a.teamId}|${a.categoryId}`;

/** The values a judge may pick for a criterion: min, min+step, …, never above max. */
export function criterionSteps(criterion: Criterion): number[] {
  const count = Math.floor((criterion.max - criterion.min) / criterion.step + 1e-9);
  const steps: number[] = [];
  for (let i = 0; i <= count; i++) steps.push(roundTo(criterion.min + i * criterion.step, 6));
  return steps;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Whether `value` is a value the judge could have picked for this criterion. */
export function isValidCriterionValue(criterion: Criterion, value: number): boolean {
  if (!Number.isFinite(value) || value < criterion.min || value > criterion.max) return false;
  const k = (value - criterion.min) / criterion.step;
  return Math.abs(k - Math.round(k)) < 1e-6;
}

export function assignmentsOf(event: JudgingEvent, judgeId: string): Assignment[] {
  return event.assignments.filter((a) => a.judgeId === judgeId);
}
