import { assignmentKey, type Assignment, type JudgingEvent } from '@judgehub/model';
import { clockTime } from '../judge/AssignmentList.js';

/**
 * Judges × time slots: where each judge is when. A cell holding more than one session is a
 * double booking and is marked; assignments without a time are counted at the end of the row.
 */
export function ScheduleGrid({ event }: { event: JudgingEvent }) {
  const timed = event.assignments.filter((a) => a.slot);
  if (timed.length === 0)
    return (
      <section className="panel asg-panel" aria-labelledby="grid-title">
        <h2 id="grid-title">Schedule</h2>
        <p className="hint">
          No assignment has a time yet. Generate with times and rooms to see the grid.
        </p>
      </section>
    );
  const starts = [...new Set(timed.map((a) => a.slot!.start))].sort((x, y) => x - y);
  const judges = event.judges.filter(
    (j) => !j.removed || event.assignments.some((a) => a.judgeId === j.id),
  );
  const categoryName = new Map(event.categories.map((c) => [c.id, c.name]));
  const conflicted = new Set(
    event.judges.flatMap((j) => (j.conflicts ?? []).map((t) => `${j.id}|${t}`)),
  );
  // A session overlapping a later slot (a longer one, or one moved by hand) shows in each.
  const inCell = (judgeId: string, start: number): Assignment[] =>
    timed.filter(
      (a) =>
        a.judgeId === judgeId &&
        a.slot!.start <= start &&
        start < a.slot!.start + a.slot!.minutes * 60_000,
    );
  return (
    <section className="panel asg-panel" aria-labelledby="grid-title">
      <h2 id="grid-title">Schedule: judges × slots</h2>
      <div className="asg-scroll">
        <table className="asg-grid" data-testid="schedule-grid">
          <thead>
            <tr>
              <th scope="col">Judge</th>
              {starts.map((s) => (
                <th scope="col" key={s}>
                  {clockTime(s)}
                </th>
              ))}
              <th scope="col">No time</th>
            </tr>
          </thead>
          <tbody>
            {judges.map((judge) => (
              <tr key={judge.id} data-testid={`grid-${judge.id}`}>
                <th scope="row">
                  {judge.name}
                  {judge.removed && <span className="hint"> (removed)</span>}
                </th>
                {starts.map((s) => {
                  const here = inCell(judge.id, s);
                  const double = here.length > 1;
                  return (
                    <td
                      key={s}
                      className={
                        double ? 'asg-cell-double' : here.length ? 'asg-cell-busy' : undefined
                      }
                    >
                      {here.map((a) => (
                        <span
                          key={assignmentKey(a)}
                          className={`asg-session${conflicted.has(`${a.judgeId}|${a.teamId}`) ? ' asg-session-conflict' : ''}`}
                          title={`${categoryName.get(a.categoryId)}${a.room ? ` · ${a.room}` : ''}`}
                        >
                          <strong>{a.teamId}</strong>
                          <small>
                            {a.room ?? ''}{' '}
                            {abbreviate(categoryName.get(a.categoryId) ?? a.categoryId)}
                          </small>
                        </span>
                      ))}
                      {double && <span className="asg-double">two places at once</span>}
                    </td>
                  );
                })}
                <td>
                  {event.assignments.filter((a) => a.judgeId === judge.id && !a.slot).length || ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** "Robot Design" → "RD": enough to tell categories apart in a small cell. */
function abbreviate(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();
}
