import {
  countProgress,
  needsAttention,
  progressKey,
  type JudgeProgress,
  type JudgingEvent,
  type ProgressGrid as Grid,
  type SheetProgress,
} from '@judgehub/model';

const STATE_TEXT: Record<SheetProgress, string> = {
  submitted: 'submitted',
  started: 'in progress',
  missing: 'missing',
};
const STATE_MARK: Record<SheetProgress, string> = { submitted: '✓', started: '…', missing: '–' };

/**
 * Teams down, categories across: each cell says how many of the assigned judges submitted, and
 * who submitted, who has values on the hub but has not submitted, and who has nothing yet.
 * "Missing" is a state of its own, never shown as a number.
 */
export function ProgressGrid({
  event,
  grid,
  onlyMissing,
}: {
  event: JudgingEvent;
  grid: Grid;
  onlyMissing: boolean;
}) {
  const categories = [...event.categories].sort((a, b) => a.order - b.order);
  const judgeName = new Map(event.judges.map((j) => [j.id, j.name]));
  const teams = event.teams.filter(
    (team) =>
      !team.withdrawn &&
      (!onlyMissing ||
        categories.some((c) => {
          const cell = grid.get(progressKey(c.id, team.id));
          return cell !== undefined && needsAttention(cell);
        })),
  );
  return (
    <div className="progress-scroll">
      <table className="progress-grid" data-testid="progress-grid">
        <thead>
          <tr>
            <th scope="col">Team</th>
            {categories.map((c) => (
              <th key={c.id} scope="col">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {teams.length === 0 && (
            <tr>
              <td colSpan={categories.length + 1} className="progress-none">
                {onlyMissing
                  ? 'Nothing is missing: every assigned sheet is submitted.'
                  : 'No teams.'}
              </td>
            </tr>
          )}
          {teams.map((team) => (
            <tr key={team.id} data-testid="progress-row" data-team={team.id}>
              <th scope="row">
                <span className="progress-team">{team.name}</span>
                <span className="progress-team-id">{team.id}</span>
              </th>
              {categories.map((c) => {
                if (!team.categoryIds.includes(c.id))
                  return (
                    <td key={c.id} className="progress-cell progress-cell-na">
                      not entered
                    </td>
                  );
                const cell = grid.get(progressKey(c.id, team.id));
                return (
                  <Cell
                    key={c.id}
                    categoryId={c.id}
                    cell={cell}
                    dim={onlyMissing && cell !== undefined && !needsAttention(cell)}
                    judgeName={(id) => judgeName.get(id) ?? id}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({
  categoryId,
  cell,
  dim,
  judgeName,
}: {
  categoryId: string;
  cell: JudgeProgress | undefined;
  dim: boolean;
  judgeName: (id: string) => string;
}) {
  if (!cell)
    return (
      <td className="progress-cell" data-category={categoryId}>
        <span className="hint">waiting for the hub…</span>
      </td>
    );
  const count = countProgress(cell);
  const tone =
    count.assigned === 0
      ? 'unassigned'
      : count.submitted === count.assigned
        ? 'done'
        : count.submitted + count.started > 0
          ? 'some'
          : 'none';
  const judges = Object.entries(cell).sort(([a], [b]) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  return (
    <td
      className={`progress-cell progress-cell-${tone}${dim ? ' progress-cell-dim' : ''}`}
      data-category={categoryId}
      data-testid="progress-cell"
    >
      <span className="progress-count">
        {count.assigned === 0
          ? 'No judge assigned'
          : `${count.submitted} of ${count.assigned} submitted`}
      </span>
      <ul className="progress-judges">
        {judges.map(([judgeId, state]) => (
          <li
            key={judgeId}
            className={`progress-judge progress-${state}`}
            data-judge={judgeId}
            data-state={state}
            title={`${judgeName(judgeId)}: ${STATE_TEXT[state]}`}
          >
            <span aria-hidden className="progress-mark">
              {STATE_MARK[state]}
            </span>
            {judgeName(judgeId)}
            <span className="progress-state">{STATE_TEXT[state]}</span>
          </li>
        ))}
      </ul>
    </td>
  );
}
