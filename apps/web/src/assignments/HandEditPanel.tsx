import { useMemo, useState } from 'react';
import {
  assignmentKey,
  assignmentWarnings,
  type Assignment,
  type JudgingEvent,
} from '@judgehub/model';
import type { HubDoc } from '../shared/useHubDoc.js';
import { clockTime } from '../judge/AssignmentList.js';
import {
  moveAssignment,
  putAssignment,
  removeAssignment,
  type WriteMark,
} from './assignmentWrites.js';

/** A datetime-local value for a time on this device's clock. */
export function localInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Hand edits: add or remove one assignment, give it to another judge, change its room or time.
 * Every edit is written at once; what it breaks (a conflict of interest, a judge, team or room in
 * two places at once) is said right after it, and the full list of problems stays above the table.
 */
export function HandEditPanel(props: {
  event: JudgingEvent;
  hub: HubDoc;
  scored: ReadonlySet<string>;
  onWritten: (mark: WriteMark) => void;
}) {
  const { event, hub } = props;
  const [categoryFilter, setCategoryFilter] = useState('');
  const [judgeFilter, setJudgeFilter] = useState('');
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [before, setBefore] = useState<ReadonlySet<string> | null>(null);
  const [add, setAdd] = useState({ judgeId: '', teamId: '', categoryId: '' });

  const warnings = useMemo(() => assignmentWarnings(event, clockTime), [event]);
  const fresh = before ? warnings.filter((w) => !before.has(w.message)) : [];
  const warnedKeys = new Set(warnings.map((w) => w.key));
  const judgeName = new Map(event.judges.map((j) => [j.id, j.name]));
  const teamName = new Map(event.teams.map((t) => [t.id, t.name]));
  const categoryName = new Map(event.categories.map((c) => [c.id, c.name]));
  const categoryOrder = new Map(event.categories.map((c, i) => [c.id, i]));
  const has = (key: string) => event.assignments.some((a) => assignmentKey(a) === key);

  const edit = (write: () => WriteMark | null) => {
    setBefore(new Set(warnings.map((w) => w.message)));
    const mark = write();
    if (mark) {
      setError(null);
      props.onWritten(mark);
    }
  };
  const label = (a: Assignment) =>
    `${a.teamId} ${teamName.get(a.teamId) ?? ''} (${categoryName.get(a.categoryId) ?? a.categoryId})`;

  const rows = event.assignments
    .filter(
      (a) =>
        (!categoryFilter || a.categoryId === categoryFilter) &&
        (!judgeFilter || a.judgeId === judgeFilter),
    )
    .sort(
      (x, y) =>
        (x.slot?.start ?? Infinity) - (y.slot?.start ?? Infinity) ||
        (categoryOrder.get(x.categoryId) ?? 0) - (categoryOrder.get(y.categoryId) ?? 0) ||
        x.teamId.localeCompare(y.teamId, 'en', { numeric: true }) ||
        x.judgeId.localeCompare(y.judgeId, 'en', { numeric: true }),
    );

  return (
    <section className="panel asg-panel" aria-labelledby="edit-title" data-testid="hand-edits">
      <h2 id="edit-title">Edit by hand</h2>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {fresh.length > 0 && (
        <div className="notice notice-warn" role="alert" data-testid="edit-warning">
          <strong>That change breaks a rule:</strong>
          <ul>
            {fresh.map((w) => (
              <li key={w.message}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <details className="asg-warnings" data-testid="all-warnings">
          <summary>
            {warnings.length} {warnings.length === 1 ? 'problem' : 'problems'} in the assignments as
            they stand
          </summary>
          <ul>
            {warnings.map((w) => (
              <li key={w.message}>{w.message}</li>
            ))}
          </ul>
        </details>
      )}
      <form
        className="asg-row asg-add"
        data-testid="add-assignment"
        onSubmit={(e) => {
          e.preventDefault();
          const a: Assignment = add;
          if (!a.judgeId || !a.teamId || !a.categoryId)
            return setError('Choose a judge, a team and a category to add an assignment.');
          if (has(assignmentKey(a)))
            return setError(`${judgeName.get(a.judgeId)} already has ${label(a)}.`);
          edit(() =>
            putAssignment(hub.doc, a, `Added ${label(a)} for ${judgeName.get(a.judgeId)}`),
          );
        }}
      >
        <Select
          label="Judge"
          value={add.judgeId}
          onChange={(judgeId) => setAdd({ ...add, judgeId })}
          testId="add-judge"
        >
          {event.judges
            .filter((j) => !j.removed)
            .map((j) => (
              <option key={j.id} value={j.id}>
                {j.name}
              </option>
            ))}
        </Select>
        <Select
          label="Team"
          value={add.teamId}
          onChange={(teamId) => setAdd({ ...add, teamId })}
          testId="add-team"
        >
          {event.teams
            .filter((t) => !t.withdrawn)
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.id} {t.name}
              </option>
            ))}
        </Select>
        <Select
          label="Category"
          value={add.categoryId}
          onChange={(categoryId) => setAdd({ ...add, categoryId })}
          testId="add-category"
        >
          {event.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <button className="btn btn-primary" type="submit" data-testid="add-submit">
          Add assignment
        </button>
      </form>
      <div className="asg-row">
        <Select
          label="Show category"
          value={categoryFilter}
          onChange={setCategoryFilter}
          empty="All categories"
        >
          {event.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <Select label="Show judge" value={judgeFilter} onChange={setJudgeFilter} empty="All judges">
          {event.judges.map((j) => (
            <option key={j.id} value={j.id}>
              {j.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="asg-scroll">
        <table className="asg-table asg-edit-table" data-testid="assignment-table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Min</th>
              <th scope="col">Room</th>
              <th scope="col">Team</th>
              <th scope="col">Judge</th>
              <th scope="col">Sheet</th>
              <th scope="col">
                <span className="asg-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => {
              const key = assignmentKey(a);
              const scored = props.scored.has(key);
              return (
                <tr
                  key={key}
                  className={warnedKeys.has(key) ? 'asg-warned' : undefined}
                  data-testid={`row-${key}`}
                >
                  <td>
                    <input
                      key={`${key}|${a.slot?.start ?? ''}`}
                      type="datetime-local"
                      aria-label={`Time of ${label(a)} with ${judgeName.get(a.judgeId)}`}
                      defaultValue={a.slot ? localInput(a.slot.start) : ''}
                      onBlur={(e) => {
                        const value = e.target.value;
                        const start = value ? new Date(value).getTime() : null;
                        if (start === (a.slot?.start ?? null)) return;
                        const { slot: _old, ...rest } = a;
                        const next: Assignment =
                          start === null
                            ? rest
                            : { ...rest, slot: { start, minutes: a.slot?.minutes ?? 15 } };
                        edit(() => putAssignment(hub.doc, next, `${label(a)}: time changed`));
                      }}
                    />
                  </td>
                  <td>
                    <input
                      key={`${key}|${a.slot?.minutes ?? ''}`}
                      className="asg-minutes"
                      type="number"
                      min={1}
                      disabled={!a.slot}
                      aria-label={`Minutes of ${label(a)}`}
                      defaultValue={a.slot?.minutes ?? ''}
                      onBlur={(e) => {
                        const minutes = Number(e.target.value);
                        if (!a.slot || minutes === a.slot.minutes) return;
                        if (!Number.isInteger(minutes) || minutes < 1)
                          return setError('A slot lasts a whole number of minutes, at least 1.');
                        edit(() =>
                          putAssignment(
                            hub.doc,
                            { ...a, slot: { ...a.slot!, minutes } },
                            `${label(a)}: length changed`,
                          ),
                        );
                      }}
                    />
                  </td>
                  <td>
                    <input
                      key={`${key}|${a.room ?? ''}`}
                      className="asg-room"
                      aria-label={`Room of ${label(a)}`}
                      defaultValue={a.room ?? ''}
                      onBlur={(e) => {
                        const room = e.target.value.trim();
                        if (room === (a.room ?? '')) return;
                        const { room: _old, ...rest } = a;
                        edit(() =>
                          putAssignment(
                            hub.doc,
                            room ? { ...rest, room } : rest,
                            `${label(a)}: room changed`,
                          ),
                        );
                      }}
                    />
                  </td>
                  <td>{label(a)}</td>
                  <td>
                    <select
                      value={a.judgeId}
                      aria-label={`Judge of ${label(a)}`}
                      data-testid={`move-${key}`}
                      onChange={(e) => {
                        const to = e.target.value;
                        if (has(assignmentKey({ ...a, judgeId: to })))
                          return setError(`${judgeName.get(to)} already has ${label(a)}.`);
                        edit(() =>
                          moveAssignment(
                            hub.doc,
                            a,
                            to,
                            `${label(a)} moved from ${judgeName.get(a.judgeId)} to ${judgeName.get(to)}${scored ? ' (the values entered stay on the first judge’s sheet)' : ''}`,
                          ),
                        );
                      }}
                    >
                      {event.judges
                        .filter((j) => !j.removed || j.id === a.judgeId)
                        .map((j) => (
                          <option key={j.id} value={j.id}>
                            {j.name}
                          </option>
                        ))}
                    </select>
                  </td>
                  <td>
                    {scored ? (
                      <span className="asg-scored">has values</span>
                    ) : (
                      <span className="hint">empty</span>
                    )}
                  </td>
                  <td>
                    {confirmRemove === key ? (
                      <div className="asg-confirm" role="alert">
                        <p>
                          This sheet has values. Removing the assignment keeps them: they stay in{' '}
                          {judgeName.get(a.judgeId)}&rsquo;s sheet and count again if you assign it
                          back.
                        </p>
                        <button
                          className="btn btn-danger"
                          data-testid={`remove-confirm-${key}`}
                          onClick={() => {
                            setConfirmRemove(null);
                            edit(() =>
                              removeAssignment(
                                hub.doc,
                                a,
                                `Removed ${label(a)} from ${judgeName.get(a.judgeId)}; the values entered are kept on the sheet`,
                              ),
                            );
                          }}
                        >
                          Remove, keep values
                        </button>
                        <button className="btn" onClick={() => setConfirmRemove(null)}>
                          Cancel
                        </button>
                      </div>
                    ) : (
                      <button
                        className="btn btn-danger-outline"
                        data-testid={`remove-${key}`}
                        aria-label={`Remove ${label(a)} from ${judgeName.get(a.judgeId)}`}
                        onClick={() =>
                          scored
                            ? setConfirmRemove(key)
                            : edit(() =>
                                removeAssignment(
                                  hub.doc,
                                  a,
                                  `Removed ${label(a)} from ${judgeName.get(a.judgeId)}`,
                                ),
                              )
                        }
                      >
                        Remove
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="hint">
        {rows.length} of {event.assignments.length} assignments shown. Times are this device&rsquo;s
        clock ({Intl.DateTimeFormat().resolvedOptions().timeZone}); leave a time empty to
        unschedule.
      </p>
    </section>
  );
}

function Select(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
  empty?: string;
  testId?: string;
}) {
  return (
    <label className="asg-field">
      <span>{props.label}</span>
      <select
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{props.empty ?? 'Choose…'}</option>
        {props.children}
      </select>
    </label>
  );
}
