import { useId, useState } from 'react';
import {
  AGGREGATIONS,
  applyChange,
  categoryProblems,
  removedScoredCriteria,
  type Aggregation,
  type Category,
  type TieBreaker,
} from '@judgehub/model';
import { ConfirmDialog } from '../shared/ConfirmDialog.js';
import type { SetupContext } from './SetupApp.js';
import { fetchScored } from './setupApi.js';
import {
  categoryDraft,
  categoryFromDraft,
  criterionDraft,
  type CategoryDraft,
  type CriterionDraft,
  type FieldErrors,
} from './rubricDraft.js';

const AGGREGATION_LABEL: Record<string, string> = {
  mean: 'Mean',
  median: 'Median',
  'trimmed-mean': 'Trimmed mean',
  sum: 'Sum',
};

/**
 * One category's name, rubric and scoring rules, edited as a draft and saved as a whole: checked
 * with validateEvent first, every problem shown next to its field. Removing a criterion that
 * already has scored values asks first: the values stay in the sheets but no longer count.
 */
export function CategoryEditor({
  event,
  save,
  token,
  category,
  draft: stored,
  onDraft,
}: SetupContext & {
  category: Category;
  draft: CategoryDraft | null;
  onDraft: (draft: CategoryDraft | null) => void;
}) {
  const draft = stored ?? categoryDraft(category);
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [general, setGeneral] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<{
    category: Category;
    removed: { label: string; values: number }[];
  } | null>(null);
  const dirty = stored !== null;
  const update = (patch: Partial<CategoryDraft>) => onDraft({ ...draft, ...patch });
  const updateCriterion = (j: number, patch: Partial<CriterionDraft>) =>
    update({ criteria: draft.criteria.map((c, i) => (i === j ? { ...c, ...patch } : c)) });

  const write = (next: Category) => {
    const change = { categories: [next] };
    const result = save(change, `${next.name}: rubric and scoring saved`);
    if (result.ok) {
      setErrors(new Map());
      setGeneral([]);
      onDraft(null);
      return;
    }
    const index = applyChange(event, change).categories.findIndex((c) => c.id === next.id);
    const byField = categoryProblems(result.problems, index);
    setErrors(byField);
    const prefix = `categories[${index}]`;
    setGeneral(
      result.problems.filter((p) => !p.startsWith(`${prefix}.`) && !p.startsWith(`${prefix}:`)),
    );
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const built = categoryFromDraft(draft);
    if (!built.ok) {
      setErrors(built.errors);
      setGeneral([]);
      return;
    }
    const dropped = category.criteria.filter(
      (c) => !built.category.criteria.some((n) => n.id === c.id),
    );
    if (dropped.length > 0) {
      const scored = await fetchScored(token);
      const removed = scored.ok
        ? removedScoredCriteria(scored.value, category, built.category)
        : dropped.map((c) => ({ label: c.label, values: -1 }));
      if (removed.length > 0) return setConfirming({ category: built.category, removed });
    }
    write(built.category);
  };

  const err = (field: string) => errors.get(field);
  const savedCriterionIds = draft.criteria.flatMap((c) =>
    c.id ? [{ id: c.id, label: c.label }] : [],
  );
  return (
    <form
      className="panel setup-editor"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="editor-title"
    >
      <div className="setup-editor-head">
        <h2 id="editor-title">{category.name}</h2>
        <span className="setup-id">id {category.id}</span>
      </div>
      <Field label="Category name" errors={err('name')}>
        {(id, describedBy) => (
          <input
            id={id}
            className="setup-input"
            value={draft.name}
            aria-describedby={describedBy}
            onChange={(e) => update({ name: e.target.value })}
          />
        )}
      </Field>

      <h3>Criteria</h3>
      {err('criteria') && <FieldErrors errors={err('criteria')} />}
      <ol className="setup-criteria">
        {draft.criteria.map((c, j) => {
          const at = `criteria[${j}]`;
          return (
            <li key={c.key} className="setup-criterion" data-testid={`criterion-${j}`}>
              <div className="setup-grid">
                <Field label="Label" errors={err(`${at}.label`) ?? err(`${at}.id`)}>
                  {(id, d) => (
                    <input
                      id={id}
                      className="setup-input"
                      value={c.label}
                      aria-describedby={d}
                      onChange={(e) => updateCriterion(j, { label: e.target.value })}
                    />
                  )}
                </Field>
                <Field label="Description (shown to judges)">
                  {(id) => (
                    <input
                      id={id}
                      className="setup-input"
                      value={c.description}
                      onChange={(e) => updateCriterion(j, { description: e.target.value })}
                    />
                  )}
                </Field>
              </div>
              <div className="setup-numbers">
                {(['min', 'max', 'step', 'weight'] as const).map((f) => (
                  <Field
                    key={f}
                    label={
                      f === 'min'
                        ? 'Lowest'
                        : f === 'max'
                          ? 'Highest'
                          : f === 'step'
                            ? 'Step'
                            : 'Weight'
                    }
                    // A range problem is about the criterion as a whole: shown at its highest value.
                    errors={[...(err(`${at}.${f}`) ?? []), ...(f === 'max' ? (err(at) ?? []) : [])]}
                  >
                    {(id, d) => (
                      <input
                        id={id}
                        className="setup-input setup-number"
                        inputMode="decimal"
                        value={c[f]}
                        aria-describedby={d}
                        onChange={(e) => updateCriterion(j, { [f]: e.target.value })}
                      />
                    )}
                  </Field>
                ))}
                <label className="setup-check">
                  <input
                    type="checkbox"
                    checked={c.required}
                    onChange={(e) => updateCriterion(j, { required: e.target.checked })}
                  />
                  Required
                </label>
              </div>
              <Levels
                criterion={c}
                at={at}
                errors={errors}
                onChange={(levels) => updateCriterion(j, { levels })}
              />
              <button
                type="button"
                className="btn btn-danger-outline setup-small"
                onClick={() => update({ criteria: draft.criteria.filter((_, i) => i !== j) })}
              >
                Remove criterion {c.label && `“${c.label}”`}
              </button>
            </li>
          );
        })}
      </ol>
      <div>
        <button
          type="button"
          className="btn"
          onClick={() => update({ criteria: [...draft.criteria, criterionDraft()] })}
        >
          Add a criterion
        </button>
      </div>

      <h3>Scoring rules</h3>
      <p className="hint">
        How the judges&rsquo; values become a team&rsquo;s score (see SCORING.md on the hub).
      </p>
      <div className="setup-numbers">
        <Field label="Aggregation" errors={err('scoring.aggregation')}>
          {(id) => (
            <select
              id={id}
              className="setup-select"
              value={draft.aggregation}
              onChange={(e) =>
                update({ aggregation: e.target.value as CategoryDraft['aggregation'] })
              }
            >
              {AGGREGATIONS.map((a) => (
                <option key={a} value={a}>
                  {AGGREGATION_LABEL[a]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Trim (each end)" errors={err('scoring.trim')}>
          {(id, d) => (
            <input
              id={id}
              className="setup-input setup-number"
              inputMode="numeric"
              value={draft.trim}
              aria-describedby={d}
              onChange={(e) => update({ trim: e.target.value })}
            />
          )}
        </Field>
        <Field label="Aggregate by" errors={err('scoring.aggregateBy')}>
          {(id) => (
            <select
              id={id}
              className="setup-select"
              value={draft.aggregateBy}
              onChange={(e) =>
                update({ aggregateBy: e.target.value as CategoryDraft['aggregateBy'] })
              }
            >
              <option value="judge-total">Each judge&rsquo;s total</option>
              <option value="criterion">Each criterion</option>
            </select>
          )}
        </Field>
        <Field label="Normalisation" errors={err('scoring.normalisation')}>
          {(id) => (
            <select
              id={id}
              className="setup-select"
              value={draft.normalisation}
              onChange={(e) =>
                update({ normalisation: e.target.value as CategoryDraft['normalisation'] })
              }
            >
              <option value="none">None</option>
              <option value="z-score">Z-score (harsh and lenient judges)</option>
            </select>
          )}
        </Field>
        <Field label="Minimum judges" errors={err('scoring.minJudges')}>
          {(id, d) => (
            <input
              id={id}
              className="setup-input setup-number"
              inputMode="numeric"
              value={draft.minJudges}
              aria-describedby={d}
              onChange={(e) => update({ minJudges: e.target.value })}
            />
          )}
        </Field>
        <Field label="Decimals" errors={err('scoring.decimals')}>
          {(id, d) => (
            <input
              id={id}
              className="setup-input setup-number"
              inputMode="numeric"
              value={draft.decimals}
              aria-describedby={d}
              onChange={(e) => update({ decimals: e.target.value })}
            />
          )}
        </Field>
        <Field label="Top places compared" errors={err('scoring.topN')}>
          {(id, d) => (
            <input
              id={id}
              className="setup-input setup-number"
              inputMode="numeric"
              value={draft.topN}
              aria-describedby={d}
              onChange={(e) => update({ topN: e.target.value })}
            />
          )}
        </Field>
      </div>
      <TieBreakers
        tieBreakers={draft.tieBreakers}
        criteria={savedCriterionIds}
        errors={errors}
        onChange={(tieBreakers) => update({ tieBreakers })}
      />

      {(err('') || general.length > 0) && (
        <div className="notice notice-error" role="alert">
          {[...(err('') ?? []), ...general].map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      {errors.size > 0 && (
        <p className="notice notice-error" role="alert" data-testid="rubric-not-saved">
          Not saved: {errors.size === 1 ? 'one field needs' : `${errors.size} fields need`} fixing
          (marked in red).
        </p>
      )}
      <div className="setup-row setup-sticky">
        <button className="btn btn-primary" type="submit" disabled={!dirty}>
          {dirty ? `Save ${draft.name.trim() || 'category'}` : 'Saved'}
        </button>
        {dirty && (
          <button
            className="btn btn-ghost"
            type="button"
            onClick={() => {
              onDraft(null);
              setErrors(new Map());
              setGeneral([]);
            }}
          >
            Discard changes
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title="Remove criteria that have scores?"
          confirmLabel="Remove and save"
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            write(confirming.category);
            setConfirming(null);
          }}
        >
          <ul>
            {confirming.removed.map((r) => (
              <li key={r.label}>
                <strong>{r.label}</strong>:{' '}
                {r.values < 0
                  ? 'the hub could not say how many values'
                  : `${r.values} value${r.values === 1 ? '' : 's'}`}{' '}
                already scored
              </li>
            ))}
          </ul>
          <p>
            The values are kept in the judges&rsquo; sheets but no longer counted in this
            category&rsquo;s scores. Adding the criterion back would not bring them back: it gets a
            new id.
          </p>
        </ConfirmDialog>
      )}
    </form>
  );
}

function Field({
  label,
  errors,
  children,
}: {
  label: string;
  errors?: string[];
  children: (id: string, describedBy: string | undefined) => React.ReactNode;
}) {
  const id = useId();
  const bad = errors && errors.length > 0;
  return (
    <div className={`setup-field ${bad ? 'setup-field-bad' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id, bad ? `${id}-error` : undefined)}
      {bad && <FieldErrors id={`${id}-error`} errors={errors} />}
    </div>
  );
}

function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  return (
    <p id={id} className="field-error" data-testid="field-error">
      {(errors ?? []).join(' ')}
    </p>
  );
}

function Levels({
  criterion,
  at,
  errors,
  onChange,
}: {
  criterion: CriterionDraft;
  at: string;
  errors: FieldErrors;
  onChange: (levels: CriterionDraft['levels']) => void;
}) {
  const [open, setOpen] = useState(criterion.levels.length > 0);
  const levels = criterion.levels;
  const set = (k: number, patch: Partial<CriterionDraft['levels'][number]>) =>
    onChange(levels.map((l, i) => (i === k ? { ...l, ...patch } : l)));
  if (!open)
    return (
      <button type="button" className="btn btn-ghost setup-small" onClick={() => setOpen(true)}>
        Describe levels (optional)
      </button>
    );
  return (
    <div className="setup-levels">
      <p className="hint">
        What a value means, shown to judges beside it (e.g. 1 Beginning … 10 Exemplary).
      </p>
      {levels.map((l, k) => (
        <div key={k} className="setup-level">
          <Field label="Value" errors={errors.get(`${at}.levels[${k}].value`)}>
            {(id, d) => (
              <input
                id={id}
                className="setup-input setup-number"
                inputMode="decimal"
                value={l.value}
                aria-describedby={d}
                onChange={(e) => set(k, { value: e.target.value })}
              />
            )}
          </Field>
          <Field label="Level" errors={errors.get(`${at}.levels[${k}].label`)}>
            {(id, d) => (
              <input
                id={id}
                className="setup-input"
                value={l.label}
                aria-describedby={d}
                onChange={(e) => set(k, { label: e.target.value })}
              />
            )}
          </Field>
          <Field label="Description">
            {(id) => (
              <input
                id={id}
                className="setup-input"
                value={l.description}
                onChange={(e) => set(k, { description: e.target.value })}
              />
            )}
          </Field>
          <button
            type="button"
            className="btn btn-ghost setup-small"
            aria-label={`Remove level ${l.value}`}
            onClick={() => onChange(levels.filter((_, i) => i !== k))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-ghost setup-small"
        onClick={() => onChange([...levels, { value: criterion.max, label: '', description: '' }])}
      >
        Add a level
      </button>
    </div>
  );
}

function TieBreakers({
  tieBreakers,
  criteria,
  errors,
  onChange,
}: {
  tieBreakers: TieBreaker[];
  criteria: { id: string; label: string }[];
  errors: FieldErrors;
  onChange: (tieBreakers: TieBreaker[]) => void;
}) {
  const encode = (t: TieBreaker) =>
    t.kind === 'criterion' ? `criterion:${t.criterionId}` : `aggregation:${t.aggregation}`;
  const decode = (v: string): TieBreaker => {
    const [kind, rest = ''] = v.split(/:(.*)/s);
    return kind === 'criterion'
      ? { kind: 'criterion', criterionId: rest }
      : { kind: 'aggregation', aggregation: rest as Aggregation };
  };
  const options = [
    ...criteria.map((c) => ({ value: `criterion:${c.id}`, label: `Higher ${c.label || c.id}` })),
    ...AGGREGATIONS.map((a) => ({
      value: `aggregation:${a}`,
      label: `Higher score by ${AGGREGATION_LABEL[a]}`,
    })),
  ];
  return (
    <div className="setup-tiebreakers">
      <h4>Tie-breakers, in order</h4>
      {tieBreakers.length === 0 && <p className="hint">None: teams still equal share the place.</p>}
      {tieBreakers.map((t, i) => {
        const bad = errors.get(`scoring.tieBreakers[${i}]`);
        const value = encode(t);
        return (
          <div key={i} className={`setup-row ${bad ? 'setup-field-bad' : ''}`}>
            <span>{i + 1}.</span>
            <select
              className="setup-select"
              aria-label={`Tie-breaker ${i + 1}`}
              value={value}
              onChange={(e) =>
                onChange(tieBreakers.map((x, k) => (k === i ? decode(e.target.value) : x)))
              }
            >
              {!options.some((o) => o.value === value) && (
                <option value={value}>{value} (not in this rubric)</option>
              )}
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn btn-ghost setup-small"
              aria-label={`Remove tie-breaker ${i + 1}`}
              onClick={() => onChange(tieBreakers.filter((_, k) => k !== i))}
            >
              ×
            </button>
            {bad && <FieldErrors errors={bad} />}
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn-ghost setup-small"
        onClick={() =>
          onChange([...tieBreakers, decode(options[0]?.value ?? 'aggregation:median')])
        }
      >
        Add a tie-breaker
      </button>
    </div>
  );
}
