import { useState } from 'react';
import {
  criterionField,
  planUndo,
  type FieldState,
  type ReviewJudge,
  type SheetEntry,
  type SheetField,
  type TeamReview,
} from '@judgehub/model';
import type { HubDoc } from '../shared/useHubDoc.js';
import { correct, countedValue, dismiss, undo, type Reviewer } from './reviewActions.js';
import { Flags } from './TeamList.js';
import { Conflict, shown, time } from './ConflictChoice.js';

/**
 * One team in one category: criteria as rows, judges as columns, as the hub counts them. A
 * conflict shows every value with who, when and on which device, each with a button to keep it;
 * values held aside after a lock have Accept and Dismiss.
 */
export function TeamReviewView(props: {
  review: TeamReview;
  reviewer: Reviewer;
  sheetDocs: ReadonlyMap<string, HubDoc>;
  held: ReadonlySet<string>;
  teamLocked: boolean;
  onLockTeam: (kind: 'lock' | 'unlock') => void;
  onBack: () => void;
}) {
  const { review, reviewer } = props;
  const [message, setMessage] = useState<string | null>(null);
  const target = (judgeId: string) => {
    const hub = props.sheetDocs.get(judgeId);
    return hub ? { doc: hub.doc, teamId: review.team.id, categoryId: review.category.id } : null;
  };
  const label = (field: SheetField) =>
    field === 'comment'
      ? 'Comment'
      : field === 'status'
        ? 'Status'
        : (review.category.criteria.find((c) => criterionField(c.id) === field)?.label ?? field);
  const keep = (judge: ReviewJudge, field: SheetField, value: number | string | null) => {
    const t = target(judge.judgeId);
    if (!t) return;
    correct(reviewer, t, field, value);
    setMessage(`${label(field)} for ${judge.name} set to ${shown(value)} as your correction.`);
  };
  const saved = (judgeId: string, entry: SheetEntry) => {
    const hub = props.sheetDocs.get(judgeId);
    return !!hub && hub.sync.isMapEntryDurable(hub.doc.getMap('entries'), entry.id);
  };

  return (
    <section className="review-team-view" aria-labelledby="review-team-title">
      <div className="review-team-head">
        <button
          type="button"
          className="btn btn-ghost"
          data-testid="review-back"
          onClick={props.onBack}
        >
          ← All teams
        </button>
        <h2 id="review-team-title">
          <span className="team-code">{review.team.id}</span> {review.team.name}
        </h2>
        <span className="review-flags">
          <Flags review={review} />
        </span>
        <button
          type="button"
          className={`btn ${props.teamLocked ? '' : 'btn-primary'}`}
          data-testid="lock-team"
          onClick={() => props.onLockTeam(props.teamLocked ? 'unlock' : 'lock')}
        >
          {props.teamLocked ? 'Unlock team' : 'Lock team'}
        </button>
      </div>
      {message && (
        <p className="notice review-message" role="status" data-testid="review-message">
          {message}
        </p>
      )}
      <div className="review-grid-wrap">
        <table className="review-grid" data-testid="review-grid">
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              {review.judges.map((j) => (
                <th scope="col" key={j.judgeId} data-testid={`judge-${j.judgeId}`}>
                  <span className="review-judge-name">{j.name}</span>
                  <span className="review-judge-id">{j.judgeId}</span>
                  <span className={`review-status review-status-${j.sheet?.status ?? 'none'}`}>
                    {statusLabel(j)}
                  </span>
                  {j.sheet?.statusState && j.sheet.statusState.conflicts.length > 0 && (
                    <Conflict
                      state={j.sheet.statusState}
                      canCorrect={reviewer.canCorrect}
                      onKeep={(value) => keep(j, 'status', value)}
                    />
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {review.rows.map((row) => (
              <tr key={row.criterion.id} data-testid={`row-${row.criterion.id}`}>
                <th scope="row">
                  {row.criterion.label}
                  <span className="review-range">
                    {row.criterion.min}–{row.criterion.max}
                    {row.criterion.weight !== 1 && ` ×${row.criterion.weight}`}
                  </span>
                </th>
                {row.cells.map((cell) => {
                  const judge = review.judges.find((j) => j.judgeId === cell.judgeId)!;
                  return (
                    <td
                      key={cell.judgeId}
                      data-testid={`cell-${row.criterion.id}-${cell.judgeId}`}
                      className={cell.outlier ? 'review-outlier' : undefined}
                    >
                      <Cell
                        state={cell.state}
                        correction={cell.correction}
                        saved={cell.state ? saved(cell.judgeId, cell.state.entry) : false}
                        outlier={
                          cell.outlier
                            ? `${signed(cell.outlier.deviation)} from the panel’s median ${cell.outlier.panelMedian}`
                            : null
                        }
                        canCorrect={reviewer.canCorrect}
                        onKeep={(value) => keep(judge, criterionField(row.criterion.id), value)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr className="review-total-row">
              <th scope="row">Total</th>
              {review.judges.map((j) => (
                <td
                  key={j.judgeId}
                  data-testid={`total-${j.judgeId}`}
                  className={j.totalOutlier ? 'review-outlier' : undefined}
                >
                  <span className="review-value">{j.total ?? '—'}</span>
                  {j.totalOutlier && (
                    <span className="flag flag-outlier" data-testid={`outlier-total-${j.judgeId}`}>
                      ◆ Outlier: {signed(j.totalOutlier.deviation)} from the panel’s median{' '}
                      {j.totalOutlier.panelMedian}
                    </span>
                  )}
                  {j.total !== null && !j.counted && <span className="hint">not submitted</span>}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Comment</th>
              {review.judges.map((j) => (
                <td key={j.judgeId} className="review-comment">
                  {j.sheet?.comment?.value || <span className="hint">—</span>}
                  {j.sheet?.comment && j.sheet.comment.conflicts.length > 0 && (
                    <Conflict
                      state={j.sheet.comment}
                      canCorrect={reviewer.canCorrect}
                      onKeep={(value) => keep(j, 'comment', value)}
                    />
                  )}
                </td>
              ))}
            </tr>
            {reviewer.canCorrect && (
              <tr>
                <th scope="row">Undo</th>
                {review.judges.map((j) => (
                  <td key={j.judgeId}>
                    <UndoButton
                      judge={j}
                      hub={props.sheetDocs.get(j.judgeId)}
                      held={props.held}
                      review={review}
                      label={label}
                      onUndo={() => {
                        const t = target(j.judgeId);
                        if (!t) return;
                        const done = undo(reviewer, t, props.held);
                        setMessage(
                          done.ok
                            ? `Undone on ${j.name}’s sheet: ${label(done.plan.field)} is ${shown(done.plan.to)} again.`
                            : done.reason,
                        );
                      }}
                    />
                  </td>
                ))}
              </tr>
            )}
          </tbody>
        </table>
      </div>

      {review.notAccepted > 0 && (
        <section
          className="panel review-held"
          aria-labelledby="held-title"
          data-testid="not-accepted"
        >
          <h2 id="held-title">Not accepted — arrived after the lock</h2>
          <p className="hint">
            These values reached the hub after this sheet was locked (the tablet was offline). They
            are kept but do not count. Accept makes one count as your correction; Dismiss keeps the
            value that counts now.
          </p>
          <ul className="review-held-list">
            {review.judges.flatMap((j) =>
              j.notAccepted.map((entry) => (
                <li key={entry.id} data-testid={`held-${entry.field}-${j.judgeId}`}>
                  <span>
                    <strong>{j.name}</strong>: {label(entry.field)}{' '}
                    <strong>{shown(entry.value)}</strong>{' '}
                    <span className="hint">
                      (device {entry.device.slice(0, 8)}, {time(entry.at)}; counts now:{' '}
                      {shown(countedValue(j.sheet, entry.field))})
                    </span>
                  </span>
                  {reviewer.canCorrect && (
                    <span className="review-held-actions">
                      <button
                        type="button"
                        className="btn btn-primary"
                        data-testid="accept"
                        onClick={() => {
                          const t = target(j.judgeId);
                          if (!t) return;
                          correct(reviewer, t, entry.field, entry.value);
                          setMessage(
                            `Accepted ${label(entry.field)} ${shown(entry.value)} for ${j.name}.`,
                          );
                        }}
                      >
                        Accept
                      </button>
                      <button
                        type="button"
                        className="btn btn-light"
                        data-testid="dismiss"
                        onClick={() => {
                          const t = target(j.judgeId);
                          if (!t) return;
                          dismiss(reviewer, t, j.sheet, entry);
                          setMessage(
                            `Dismissed ${label(entry.field)} ${shown(entry.value)} from ${j.name}.`,
                          );
                        }}
                      >
                        Dismiss
                      </button>
                    </span>
                  )}
                </li>
              )),
            )}
          </ul>
        </section>
      )}
    </section>
  );
}

function Cell(props: {
  state: FieldState<number> | null;
  correction: boolean;
  saved: boolean;
  outlier: string | null;
  canCorrect: boolean;
  onKeep: (value: number | null) => void;
}) {
  const { state } = props;
  if (!state) return <span className="hint">—</span>;
  return (
    <>
      <span className="review-value">{state.value ?? '—'}</span>
      {props.correction && (
        <span className="flag flag-correction" data-testid="correction">
          ✎ Head judge{props.saved ? ' · saved on hub' : ' · on this device'}
        </span>
      )}
      {props.outlier && (
        <span className="flag flag-outlier" data-testid="outlier" title={props.outlier}>
          ◆ Outlier: {props.outlier}
        </span>
      )}
      {state.conflicts.length > 0 && (
        <Conflict state={state} canCorrect={props.canCorrect} onKeep={props.onKeep} />
      )}
    </>
  );
}

function UndoButton(props: {
  judge: ReviewJudge;
  hub: HubDoc | undefined;
  held: ReadonlySet<string>;
  review: TeamReview;
  label: (field: SheetField) => string;
  onUndo: () => void;
}) {
  const plan = props.hub
    ? planUndo(props.hub.doc, props.review.team.id, props.review.category.id, {
        excluded: props.held,
      })
    : null;
  return (
    <button
      type="button"
      className="btn btn-light review-undo"
      data-testid={`undo-${props.judge.judgeId}`}
      disabled={!plan?.ok}
      title={plan && !plan.ok ? plan.reason : undefined}
      onClick={props.onUndo}
    >
      ↶ Undo
      {plan?.ok && (
        <span className="undo-what">
          {' '}
          {props.label(plan.plan.field)}: {shown(plan.plan.from)} → {shown(plan.plan.to)}
        </span>
      )}
    </button>
  );
}

function statusLabel(j: ReviewJudge): string {
  if (!j.sheet) return 'not started';
  if (j.sheet.status === 'final') return 'final';
  if (j.sheet.status === 'submitted') return 'submitted';
  return 'draft';
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
