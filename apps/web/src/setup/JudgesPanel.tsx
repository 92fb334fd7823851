import { useState } from 'react';
import { isEntityId, newEntityId, type Judge } from '@judgehub/model';
import { ConfirmDialog } from '../shared/ConfirmDialog.js';
import { CsvImport } from './CsvImport.js';
import { NameEditor } from './NameEditor.js';
import type { SetupContext } from './SetupApp.js';

/**
 * Judges by hand (add, rename, conflicts of interest, remove and reinstate) and from CSV. The hub
 * gives a judge added here a QR code and PIN as soon as it stores the change.
 */
export function JudgesPanel(context: SetupContext) {
  const { event, save } = context;
  const [problem, setProblem] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Judge | null>(null);
  const teamName = (id: string) => event.teams.find((t) => t.id === id)?.name ?? id;
  const report = (result: { ok: boolean; problems?: string[] }) =>
    setProblem(result.ok ? null : `Not saved: ${(result.problems ?? []).join('; ')}`);
  const setConflicts = (judge: Judge, conflicts: string[]) => {
    const next: Judge = { ...judge, conflicts };
    if (conflicts.length === 0) delete next.conflicts;
    report(
      save(
        { judges: [next] },
        `${judge.name}: conflicts ${conflicts.map(teamName).join(', ') || 'none'}`,
      ),
    );
  };

  return (
    <div className="setup-panel">
      <AddJudge {...context} />
      <p className="hint">
        A judge added here gets a QR code and PIN on <a href="/organiser">Sign-in &amp; devices</a>{' '}
        as soon as the hub has the change.
      </p>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <section className="panel" aria-labelledby="judges-title">
        <h2 id="judges-title">Judges ({event.judges.length})</h2>
        {event.judges.length === 0 && (
          <p className="hint">No judges yet: add them above or paste a CSV below.</p>
        )}
        <ul className="setup-list">
          {event.judges.map((judge) => {
            const conflicts = judge.conflicts ?? [];
            const free = event.teams.filter((t) => !conflicts.includes(t.id));
            const clashes = event.assignments.filter(
              (a) => a.judgeId === judge.id && conflicts.includes(a.teamId),
            );
            return (
              <li
                key={judge.id}
                className={`setup-item ${judge.removed ? 'setup-item-off' : ''}`}
                data-testid={`judge-${judge.id}`}
              >
                <div className="setup-item-head">
                  <span className="setup-id">{judge.id}</span>
                  <NameEditor
                    name={judge.name}
                    label={`Name of judge ${judge.id}`}
                    onSave={(name) =>
                      report(
                        save(
                          { judges: [{ ...judge, name }] },
                          `Judge ${judge.id} renamed to ${name}`,
                        ),
                      )
                    }
                  />
                  {judge.removed && <span className="setup-badge">Removed</span>}
                  {judge.removed ? (
                    <button
                      className="btn"
                      type="button"
                      onClick={() => {
                        const next = { ...judge };
                        delete next.removed;
                        report(save({ judges: [next] }, `${judge.name} reinstated`));
                      }}
                    >
                      Reinstate
                    </button>
                  ) : (
                    <button
                      className="btn btn-danger-outline"
                      type="button"
                      onClick={() => setRemoving(judge)}
                    >
                      Remove
                    </button>
                  )}
                </div>
                <div className="setup-chips" aria-label={`Conflicts of interest of ${judge.name}`}>
                  <span className="setup-chips-label">Conflicts of interest:</span>
                  {conflicts.length === 0 && <span className="hint">none</span>}
                  {conflicts.map((teamId) => (
                    <span key={teamId} className="setup-chip setup-chip-on">
                      {teamName(teamId)}
                      <button
                        type="button"
                        className="setup-chip-x"
                        aria-label={`No conflict with ${teamName(teamId)}`}
                        onClick={() =>
                          setConflicts(
                            judge,
                            conflicts.filter((c) => c !== teamId),
                          )
                        }
                      >
                        ×
                      </button>
                    </span>
                  ))}
                  {free.length > 0 && (
                    <select
                      className="setup-select"
                      aria-label={`Add a conflict of interest for ${judge.name}`}
                      value=""
                      onChange={(e) =>
                        e.target.value && setConflicts(judge, [...conflicts, e.target.value])
                      }
                    >
                      <option value="">Add a team…</option>
                      {free.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.id} · {t.name}
                        </option>
                      ))}
                    </select>
                  )}
                </div>
                {clashes.length > 0 && (
                  <p className="notice notice-warn" data-testid={`clash-${judge.id}`}>
                    Still assigned to{' '}
                    {clashes.map((a) => `${teamName(a.teamId)} (${a.categoryId})`).join(', ')}{' '}
                    despite the conflict: change it on{' '}
                    <a href="/organiser/assignments">Assignments</a>.
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <CsvImport {...context} kind="judges" />
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          confirmLabel="Remove judge"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            report(save({ judges: [{ ...removing, removed: true }] }, `${removing.name} removed`));
            setRemoving(null);
          }}
        >
          <p>
            The judge stays in the event, marked removed, and gets no new assignments. Sheets they
            already scored are kept and still count; reinstate them at any time.
          </p>
          <p>
            To stop their tablet signing in, replace their link on <em>Sign-in &amp; devices</em>.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function AddJudge({ event, save }: SetupContext) {
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const taken = new Set(event.judges.map((j) => j.id));
  const suggested = `J${event.judges.length + 1}`;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    let judgeId = id.trim();
    if (!judgeId) judgeId = taken.has(suggested) ? newEntityId(name, taken, 'judge') : suggested;
    if (!name.trim()) return setError('Give the judge a name.');
    if (!isEntityId(judgeId)) return setError('The id may have letters, digits, _ and - only.');
    if (taken.has(judgeId)) return setError(`There is already a judge ${judgeId}.`);
    const result = save(
      { judges: [{ id: judgeId, name: name.trim() }] },
      `Judge ${name.trim()} added`,
    );
    if (!result.ok) return setError(result.problems.join('; '));
    setError(null);
    setName('');
    setId('');
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="add-judge-title">
      <h2 id="add-judge-title">Add a judge</h2>
      <div className="setup-grid">
        <label className="setup-field">
          <span>Name</span>
          <input className="setup-input" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="setup-field">
          <span>Id (optional)</span>
          <input
            className="setup-input"
            value={id}
            placeholder={taken.has(suggested) ? 'made from the name' : suggested}
            onChange={(e) => setId(e.target.value)}
          />
        </label>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div>
        <button className="btn btn-primary" type="submit">
          Add judge
        </button>
      </div>
    </form>
  );
}
