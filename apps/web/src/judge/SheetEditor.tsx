import { useState } from 'react';
import {
  commitField,
  criterionField,
  criterionSteps,
  isRequired,
  sheetEntries,
  type Category,
  type Criterion,
  type FieldState,
  type ScoreSheet,
  type SheetField,
  type Team,
} from '@judgehub/model';
import type { HubDoc } from '../shared/useHubDoc.js';
import { deviceId } from '../shared/session.js';
import { findSheet, sheetProgress } from './sheetProgress.js';

/** One score sheet: every criterion as big tap targets, a comment, and submit. */
export function SheetEditor(props: {
  judgeId: string;
  team: Team;
  category: Category;
  sheets: ReadonlyMap<string, ScoreSheet>;
  hub: HubDoc;
  onBack: () => void;
}) {
  const { team, category, hub } = props;
  const sheet = findSheet(props.sheets, team.id, category.id);
  const { progress, missingRequired: missing } = sheetProgress(category, sheet);
  const [comment, setComment] = useState(() => sheet?.comment?.value ?? '');
  const entries = sheetEntries(hub.doc);
  const saved = (state: FieldState<unknown> | null | undefined) =>
    !!state && hub.sync.isMapEntryDurable(entries, state.entry.id);

  const commit = (field: SheetField, value: number | string | null) =>
    commitField(hub.doc, {
      teamId: team.id,
      categoryId: category.id,
      field,
      value,
      author: props.judgeId,
      device: deviceId(),
    });
  const commitComment = () => {
    if (comment !== (sheet?.comment?.value ?? '')) commit('comment', comment);
  };

  return (
    <main className="sheet">
      <div className="sheet-head">
        <button className="btn btn-ghost" onClick={props.onBack} data-testid="back">
          ← My teams
        </button>
        <div>
          <h1>
            <span className="team-code">{team.id}</span> {team.name}
          </h1>
          <p className="sheet-category">{category.name}</p>
        </div>
      </div>

      {category.criteria.map((criterion) => (
        <CriterionRow
          key={criterion.id}
          criterion={criterion}
          state={sheet?.values.get(criterion.id)}
          saved={saved(sheet?.values.get(criterion.id))}
          onPick={(value) => commit(criterionField(criterion.id), value)}
        />
      ))}

      <section className="criterion">
        <label className="criterion-label" htmlFor="comment">
          Comment <span className="optional">(optional, shared with the head judge)</span>
        </label>
        <textarea
          id="comment"
          data-testid="comment"
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          onBlur={commitComment}
        />
        {sheet?.comment && <SaveState saved={saved(sheet.comment)} />}
      </section>

      <div className="submit-bar">
        {progress === 'submitted' ? (
          <p className="submitted" data-testid="submitted">
            ✓ Submitted
            {saved(sheet?.statusState) ? ' and saved on hub' : ' — waiting to reach the hub'}. You
            can still correct a value.
          </p>
        ) : (
          <>
            <p className="submit-hint">
              {missing > 0
                ? `${missing} required ${missing === 1 ? 'criterion' : 'criteria'} still to score`
                : 'Every required criterion is scored.'}
            </p>
            <button
              className="btn btn-primary btn-large"
              data-testid="submit"
              disabled={missing > 0}
              onClick={() => {
                commitComment();
                commit('status', 'submitted');
              }}
            >
              Submit sheet
            </button>
          </>
        )}
      </div>
    </main>
  );
}

function CriterionRow(props: {
  criterion: Criterion;
  state: FieldState<number> | undefined;
  saved: boolean;
  onPick: (value: number) => void;
}) {
  const { criterion, state } = props;
  const steps = criterionSteps(criterion);
  const value = state?.value;
  const levelOf = (step: number) => criterion.levels?.find((l) => l.value === step);
  const chosenLevel = typeof value === 'number' ? levelOf(value) : undefined;
  return (
    <section className="criterion" data-testid={`criterion-${criterion.id}`}>
      <div className="criterion-top">
        <div>
          <h2 className="criterion-label">
            {criterion.label}
            {!isRequired(criterion) && <span className="optional"> (optional)</span>}
          </h2>
          <p className="criterion-desc">{criterion.description}</p>
        </div>
        <div className="criterion-meta">
          {criterion.weight !== 1 && <span className="weight">×{criterion.weight}</span>}
          {state && <SaveState saved={props.saved} />}
        </div>
      </div>
      <div className="steps" role="radiogroup" aria-label={criterion.label}>
        {steps.map((step) => (
          <button
            key={step}
            role="radio"
            aria-checked={value === step}
            className={`step ${value === step ? 'step-on' : ''}`}
            title={levelOf(step)?.label}
            onClick={() => props.onPick(step)}
          >
            {step}
            {levelOf(step) && (
              <span className="step-level" aria-hidden>
                •
              </span>
            )}
          </button>
        ))}
      </div>
      {criterion.levels && criterion.levels.length > 0 && !chosenLevel && (
        <p className="level-legend">
          {[...criterion.levels]
            .sort((a, b) => a.value - b.value)
            .map((l) => `${l.value} ${l.label}`)
            .join(' · ')}
        </p>
      )}
      {chosenLevel && (
        <p className="level-chosen" data-testid={`level-${criterion.id}`}>
          <strong>
            {chosenLevel.value} — {chosenLevel.label}
          </strong>
          {chosenLevel.description && <>: {chosenLevel.description}</>}
        </p>
      )}
      {state && state.conflicts.length > 0 && (
        <p className="notice notice-warn">
          Also entered on another device: {state.conflicts.map((c) => c.value).join(', ')}. The head
          judge will confirm.
        </p>
      )}
    </section>
  );
}

function SaveState({ saved }: { saved: boolean }) {
  return saved ? (
    <span className="save save-hub" data-testid="saved-on-hub">
      ✓ Saved on hub
    </span>
  ) : (
    <span className="save save-local" data-testid="on-tablet">
      ● On this tablet
    </span>
  );
}
