import {
  DEFAULT_SCORING,
  newEntityId,
  scoringRules,
  type Aggregation,
  type Category,
  type Criterion,
  type ScoringRules,
  type TieBreaker,
} from '@judgehub/model';

/** A criterion as typed: numbers stay text until saved, so a half-typed value is never lost. */
export interface CriterionDraft {
  /** Stable React key; the id is given when a new criterion is first saved. */
  key: string;
  id: string | null;
  label: string;
  description: string;
  min: string;
  max: string;
  step: string;
  weight: string;
  required: boolean;
  levels: { value: string; label: string; description: string }[];
}

export interface CategoryDraft {
  id: string;
  name: string;
  order: number;
  criteria: CriterionDraft[];
  aggregation: Aggregation;
  trim: string;
  aggregateBy: ScoringRules['aggregateBy'];
  normalisation: ScoringRules['normalisation'];
  minJudges: string;
  decimals: string;
  topN: string;
  tieBreakers: TieBreaker[];
}

let nextKey = 0;
const key = () => `c${++nextKey}`;

export function criterionDraft(c?: Criterion): CriterionDraft {
  return {
    key: key(),
    id: c?.id ?? null,
    label: c?.label ?? '',
    description: c?.description ?? '',
    min: String(c?.min ?? 1),
    max: String(c?.max ?? 10),
    step: String(c?.step ?? 1),
    weight: String(c?.weight ?? 1),
    required: c ? c.required !== false : true,
    levels: (c?.levels ?? []).map((l) => ({
      value: String(l.value),
      label: l.label,
      description: l.description ?? '',
    })),
  };
}

export function categoryDraft(category: Category): CategoryDraft {
  const rules = scoringRules(category);
  return {
    id: category.id,
    name: category.name,
    order: category.order,
    criteria: category.criteria.map(criterionDraft),
    aggregation: rules.aggregation,
    trim: String(rules.trim),
    aggregateBy: rules.aggregateBy,
    normalisation: rules.normalisation,
    minJudges: String(rules.minJudges),
    decimals: String(rules.decimals),
    topN: String(rules.topN),
    tieBreakers: rules.tieBreakers,
  };
}

/** A new category: one criterion to start from, default scoring rules. */
export function newCategory(name: string, taken: ReadonlySet<string>, order: number): Category {
  return {
    id: newEntityId(name, taken, 'category'),
    name: name.trim(),
    order,
    criteria: [
      { id: 'overall', label: 'Overall', description: '', min: 1, max: 10, step: 1, weight: 1 },
    ],
    scoring: { ...DEFAULT_SCORING },
  };
}

export type FieldErrors = Map<string, string[]>;

/**
 * The category a draft stands for, or the fields that are not numbers. Field names match
 * validateEvent's paths inside a category (`criteria[0].max`, `scoring.trim`), so both kinds of
 * error show next to the same field.
 */
export function categoryFromDraft(
  draft: CategoryDraft,
): { ok: true; category: Category } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = new Map();
  const num = (field: string, text: string, whole = false): number => {
    const value = text.trim() === '' ? NaN : Number(text);
    if (!Number.isFinite(value) || (whole && !Number.isInteger(value)))
      errors.set(field, [whole ? 'Enter a whole number, e.g. 2.' : 'Enter a number, e.g. 10.']);
    return value;
  };
  const taken = new Set(draft.criteria.flatMap((c) => (c.id ? [c.id] : [])));
  const criteria = draft.criteria.map((c, j): Criterion => {
    const at = `criteria[${j}]`;
    let id = c.id;
    if (!id) {
      id = newEntityId(c.label, taken, 'criterion');
      taken.add(id);
    }
    const criterion: Criterion = {
      id,
      label: c.label.trim(),
      description: c.description.trim(),
      min: num(`${at}.min`, c.min),
      max: num(`${at}.max`, c.max),
      step: num(`${at}.step`, c.step),
      weight: num(`${at}.weight`, c.weight),
    };
    if (!c.required) criterion.required = false;
    if (c.levels.length > 0)
      criterion.levels = c.levels.map((l, k) => {
        const level = {
          value: num(`${at}.levels[${k}].value`, l.value),
          label: l.label.trim(),
          ...(l.description.trim() ? { description: l.description.trim() } : {}),
        };
        if (!level.label) errors.set(`${at}.levels[${k}].label`, ['Give the level a name.']);
        return level;
      });
    return criterion;
  });
  const scoring: ScoringRules = {
    aggregation: draft.aggregation,
    trim: num('scoring.trim', draft.trim, true),
    aggregateBy: draft.aggregateBy,
    normalisation: draft.normalisation,
    minJudges: num('scoring.minJudges', draft.minJudges, true),
    tieBreakers: draft.tieBreakers,
    decimals: num('scoring.decimals', draft.decimals, true),
    topN: num('scoring.topN', draft.topN, true),
  };
  if (errors.size > 0) return { ok: false, errors };
  return {
    ok: true,
    category: { id: draft.id, name: draft.name.trim(), order: draft.order, criteria, scoring },
  };
}
