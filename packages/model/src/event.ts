import { roundHalfAwayFromZero } from './scoring/round.js';

/** The event as organisers set it up. Plain data: the `event` Y.Doc stores these shapes. */

/** What one value of a criterion means, shown to the judge beside that value. */
export interface CriterionLevel {
  value: number;
  label: string;
  description?: string;
}

export interface Criterion {
  id: string;
  label: string;
  description: string;
  min: number;
  max: number;
  step: number;
  weight: number;
  /** A sheet missing a required criterion is incomplete, never a low score. Absent means true. */
  required?: boolean;
  /** Optional descriptors for some or all values. */
  levels?: CriterionLevel[];
}

/** How judges' values become a team's score (docs/SCORING.md). */
export type Aggregation = 'mean' | 'median' | 'trimmed-mean' | 'sum';

export type TieBreaker =
  /** Higher aggregated value of this criterion ranks first. */
  | { kind: 'criterion'; criterionId: string }
  /** Higher score under this other aggregation ranks first. */
  | { kind: 'aggregation'; aggregation: Aggregation };

export interface ScoringRules {
  aggregation: Aggregation;
  /** For trimmed-mean: drop this many highest and this many lowest values. */
  trim: number;
  /** `judge-total`: weight each judge's sheet, then aggregate the totals across judges.
   *  `criterion`: aggregate each criterion across judges, then weight and add. */
  aggregateBy: 'judge-total' | 'criterion';
  /** `z-score`: rescale each judge's values within the category to correct harsh and lenient judges. */
  normalisation: 'none' | 'z-score';
  /** Fewer counted judges than this and the team's result is not complete. */
  minJudges: number;
  tieBreakers: TieBreaker[];
  /** Decimal places of published scores (docs/SCORING.md says where rounding applies). */
  decimals: number;
  /** How many top places the methods side by side compare (docs/SCORING.md). */
  topN: number;
}

export const DEFAULT_SCORING: ScoringRules = {
  aggregation: 'mean',
  trim: 0,
  aggregateBy: 'judge-total',
  normalisation: 'none',
  minJudges: 1,
  tieBreakers: [],
  decimals: 2,
  topN: 3,
};

export interface Category {
  id: string;
  name: string;
  /** Display order among categories. */
  order: number;
  criteria: Criterion[];
  /** Absent means DEFAULT_SCORING. */
  scoring?: Partial<ScoringRules>;
}

/** A category's scoring rules with defaults filled in. */
export function scoringRules(category: Category): ScoringRules {
  return { ...DEFAULT_SCORING, ...category.scoring };
}

export const isRequired = (criterion: Criterion): boolean => criterion.required !== false;

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
  /** Teams this judge must not judge (a conflict of interest); assignments respect it. */
  conflicts?: string[];
  /** A removed judge is kept (their sheets too) but gets no new assignments. */
  removed?: boolean;
}

/** When and where a judge sees a team: a start time (ms since epoch) and a length. */
export interface TimeSlot {
  start: number;
  minutes: number;
}

export interface Assignment {
  judgeId: string;
  teamId: string;
  categoryId: string;
  /** Where the judging happens, e.g. "Room 2" or "Table 14". */
  room?: string;
  slot?: TimeSlot;
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

/** Rounds half away from zero without binary error: roundTo(1.005, 2) is 1.01 (docs/SCORING.md). */
export function roundTo(value: number, decimals: number): number {
  return roundHalfAwayFromZero(value, decimals);
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
