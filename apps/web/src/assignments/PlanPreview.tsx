import type { AssignmentPlan, JudgingEvent } from '@judgehub/model';
import { clockTime } from '../judge/AssignmentList.js';

/** What a generated plan would do, before anything is written. */
export function PlanPreview(props: {
  event: JudgingEvent;
  plan: AssignmentPlan;
  removedScored: number;
}) {
  const { event, plan } = props;
  const judgeName = new Map(event.judges.map((j) => [j.id, j.name]));
  const teamName = new Map(event.teams.map((t) => [t.id, t.name]));
  const categoryName = new Map(event.categories.map((c) => [c.id, c.name]));
  const max = Math.max(1, ...plan.load.map((l) => l.count));
  const counts = plan.load.map((l) => l.count);
  const spread = counts.length ? Math.max(...counts) - Math.min(...counts) : 0;
  const errors = plan.problems.filter((p) => p.severity === 'error');
  const warnings = plan.problems.filter((p) => p.severity === 'warning');
  const starts = plan.assignments.filter((a) => a.slot).map((a) => a.slot!.start);
  const short = plan.coverage.filter((c) => c.judges < c.needed).length;

  return (
    <div className="asg-preview" data-testid="plan-preview">
      <h3>Preview</h3>
      {errors.map((p) => (
        <p key={p.message} className="notice notice-error" role="alert" data-testid="plan-error">
          {p.message}
        </p>
      ))}
      {warnings.length > 0 && (
        <div className="notice notice-warn" data-testid="plan-warnings">
          <strong>The plan cannot meet every constraint:</strong>
          <ul>
            {warnings.map((p) => (
              <li key={p.message}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {errors.length === 0 && (
        <>
          <p className="asg-summary" data-testid="plan-summary">
            {plan.coverage.length} team sessions, {plan.written.length} assignments new or moved,{' '}
            {plan.removed.length} removed, {plan.kept.length} kept because they are scored.{' '}
            {short === 0
              ? 'Every team gets all its judges.'
              : `${short} team ${short === 1 ? 'session is' : 'sessions are'} short of judges.`}{' '}
            Judges&rsquo; loads differ by {spread}.
            {plan.endsAt !== null && starts.length > 0 && (
              <>
                {' '}
                Sessions run from {clockTime(Math.min(...starts))} to {clockTime(plan.endsAt)}.
              </>
            )}
          </p>
          {props.removedScored > 0 && (
            <p className="notice notice-warn" data-testid="plan-removes-scored">
              {props.removedScored} of the removed assignments already have values on their sheets.
              The values are kept in the judges&rsquo; sheets; those judges just no longer see these
              teams in their list. Tick &ldquo;Keep the ones already scored&rdquo; to keep them
              assigned.
            </p>
          )}
          <div className="asg-preview-grid">
            <table className="asg-table" data-testid="plan-load">
              <caption>Load per judge</caption>
              <thead>
                <tr>
                  <th scope="col">Judge</th>
                  <th scope="col">Sheets</th>
                </tr>
              </thead>
              <tbody>
                {plan.load.map((l) => (
                  <tr key={l.judgeId} data-testid={`load-${l.judgeId}`}>
                    <th scope="row">{judgeName.get(l.judgeId) ?? l.judgeId}</th>
                    <td>
                      <span className="asg-bar" style={{ width: `${(l.count / max) * 100}%` }} />
                      <span className="asg-count">{l.count}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="asg-table" data-testid="plan-coverage">
              <caption>Judges per team</caption>
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">Category</th>
                  <th scope="col">Judges</th>
                </tr>
              </thead>
              <tbody>
                {plan.coverage.map((c) => {
                  const judges = plan.assignments
                    .filter((a) => a.teamId === c.teamId && a.categoryId === c.categoryId)
                    .map((a) => judgeName.get(a.judgeId) ?? a.judgeId);
                  return (
                    <tr
                      key={`${c.teamId}|${c.categoryId}`}
                      className={c.judges < c.needed ? 'asg-short' : undefined}
                      data-testid={`coverage-${c.teamId}-${c.categoryId}`}
                    >
                      <th scope="row">
                        {c.teamId} {teamName.get(c.teamId)}
                      </th>
                      <td>{categoryName.get(c.categoryId)}</td>
                      <td>
                        {c.judges}/{c.needed}: {judges.join(', ')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
