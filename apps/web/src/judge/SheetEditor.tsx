import { useMemo, useState } from 'react';
import {
  RESULTS_DOC,
  commitField,
  criterionField,
  criterionSteps,
  isHeadJudgeAuthor,
  isRequired,
  notAcceptedIds,
  pendingNotAccepted,
  planUndo,
  readLocks,
  readSheets,
  sheetEntries,
  undoLastChange,
  type Category,
  type Criterion,
  type FieldState,
  type SheetEntry,
  type SheetField,
  type Team,
} from '@judgehub/model';
import { useHubDoc, type HubDoc } from '../shared/useHubDoc.js';
import { deviceId } from '../shared/session.js';
import { findSheet, sheetProgress } from './sheetProgress.js';

/**
 * One score sheet: every criterion as big tap targets, a comment, submit, mark final and undo.
 * A sheet the head judge locked refuses edits and says so; values that reached the hub after the
 * lock (entered offline) are shown aside as not accepted, never as the sheet's value.
 */
export function SheetEditor(props: {
  judgeId: string;
  team: Team;
  category: Category;
  hub: HubDoc;
  /** The control document (locks), when open. */
  control: HubDoc | null;
  token: string;
  eventId: string;
  onBack: () => void;
}) {
  const { team, category, hub } = props;
  // The hub's list of values it held aside (results document, written only by the hub).
  const results = useHubDoc(RESULTS_DOC, props.token, props.eventId);
  const held = useMemo(
    () => (results ? notAcceptedIds(results.doc, props.judgeId) : new Set<string>()),
    [results, props.judgeId],
  );
  const sheets = useMemo(() => readSheets(hub.doc, held), [hub, held]);
  const sheet = findSheet(sheets, team.id, category.id);
  const { progress, missingRequired: missing, final } = sheetProgress(category, sheet);
  const [comment, setComment] = useState(() => sheet?.comment?.value ?? '');
  const lock = useMemo(
    () => (props.control ? readLocks(props.control.doc).lockOf(category.id, team.id) : null),
    [props.control, category.id, team.id],
  );
  const aside = useMemo(
    () => pendingNotAccepted(hub.doc, held, team.id, category.id),
    [hub, held, team.id, category.id],
  );
  const undo = useMemo(
    () => planUndo(hub.doc, team.id, category.id, { onlyAuthor: props.judgeId, excluded: held }),
    [hub, held, team.id, category.id, props.judgeId],
  );
  const [undoMessage, setUndoMessage] = useState<string | null>(null);
  const entries = sheetEntries(hub.doc);
  const saved = (state: FieldState<unknown> | null | undefined) =>
    !!state && hub.sync.isMapEntryDurable(entries, state.entry.id);
  const readOnly = !!lock || final;

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
    if (!readOnly && comment !== (sheet?.comment?.value ?? '')) commit('comment', comment);
  };
  const fieldLabel = (field: SheetField) =>
    field === 'comment'
      ? 'Comment'
      : field === 'status'
        ? 'Sheet status'
        : (category.criteria.find((c) => criterionField(c.id) === field)?.label ?? field);
  const undoLast = () => {
    const done = undoLastChange(
      hub.doc,
      { teamId: team.id, categoryId: category.id, author: props.judgeId, device: deviceId() },
      { onlyAuthor: props.judgeId, excluded: held },
    );
    if (done.ok) {
      if (done.plan.field === 'comment') setComment(String(done.plan.to ?? ''));
      setUndoMessage(
        `Undone: ${fieldLabel(done.plan.field)} is ${shown(done.plan.to)} again (was ${shown(done.plan.from)}).`,
      );
    } else setUndoMessage(done.reason);
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

      {lock && (
        <p className="notice notice-warn sheet-locked" role="status" data-testid="locked">
          Locked by the head judge. This sheet can no longer be changed here; ask the head judge if
          a value is wrong.
        </p>
      )}
      {!lock && final && (
        <p className="notice sheet-final" role="status" data-testid="final">
          ✓ Marked final
          {saved(sheet?.statusState) ? ' and saved on hub' : ' — waiting to reach the hub'}. Reopen
          it to change a value.
        </p>
      )}

      {category.criteria.map((criterion) => (
        <CriterionRow
          key={criterion.id}
          criterion={criterion}
          state={sheet?.values.get(criterion.id)}
          saved={saved(sheet?.values.get(criterion.id))}
          disabled={readOnly}
          notAccepted={aside.filter((e) => e.field === criterionField(criterion.id))}
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
          disabled={readOnly}
          onChange={(e) => setComment(e.target.value)}
          onBlur={commitComment}
        />
        {sheet?.comment && <SaveState saved={saved(sheet.comment)} />}
        {aside
          .filter((e) => !e.field.startsWith('criterion:'))
          .map((e) => (
            <NotAcceptedNote key={e.id} entry={e} label={fieldLabel(e.field)} />
          ))}
      </section>

      <div className="undo-bar">
        <button
          className="btn btn-light"
          type="button"
          data-testid="undo"
          disabled={!!lock || !undo.ok}
          onClick={undoLast}
          title={undo.ok ? undefined : undo.reason}
        >
          ↶ Undo last change
          {undo.ok && (
            <span className="undo-what">
              {' '}
              ({fieldLabel(undo.plan.field)}: {shown(undo.plan.from)} → {shown(undo.plan.to)})
            </span>
          )}
        </button>
        {undoMessage && (
          <p className="hint" role="status" data-testid="undo-message">
            {undoMessage}
          </p>
        )}
      </div>

      <div className="submit-bar">
        {progress === 'submitted' ? (
          <>
            <p className="submitted" data-testid="submitted">
              ✓ {final ? 'Final' : 'Submitted'}
              {saved(sheet?.statusState) ? ' and saved on hub' : ' — waiting to reach the hub'}.
              {!readOnly && ' You can still correct a value.'}
            </p>
            {!lock &&
              (final ? (
                <button
                  className="btn btn-light btn-large"
                  data-testid="reopen"
                  onClick={() => commit('status', 'submitted')}
                >
                  Reopen sheet
                </button>
              ) : (
                <button
                  className="btn btn-primary btn-large"
                  data-testid="mark-final"
                  onClick={() => {
                    commitComment();
                    commit('status', 'final');
                  }}
                >
                  Mark final
                </button>
              ))}
          </>
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
              disabled={missing > 0 || readOnly}
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

/** A value for display: blank for null. */
const shown = (value: number | string | null): string =>
  value === null || value === '' ? 'blank' : String(value);

/** A value the hub held aside: it arrived after the head judge locked the sheet. */
function NotAcceptedNote({ entry, label }: { entry: SheetEntry; label?: string }) {
  return (
    <p className="notice notice-error not-accepted" data-testid={`not-accepted-${entry.field}`}>
      <strong>Not accepted — locked:</strong> {label ? `${label} ` : ''}
      {shown(entry.value)}, entered{' '}
      {new Date(entry.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} after the
      head judge locked this sheet. It is kept; the head judge decides whether it counts.
    </p>
  );
}

function CriterionRow(props: {
  criterion: Criterion;
  state: FieldState<number> | undefined;
  saved: boolean;
  disabled: boolean;
  notAccepted: SheetEntry[];
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
          {state && isHeadJudgeAuthor(state.entry.author) && (
            <span className="badge-correction" data-testid="corrected">
              Set by the head judge
            </span>
          )}
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
            disabled={props.disabled}
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
      {props.notAccepted.map((e) => (
        <NotAcceptedNote key={e.id} entry={e} />
      ))}
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
