import { useState } from 'react';
import {
  isEntityId,
  newEntityId,
  sheetsFor,
  teamCategoriesChange,
  type Team,
} from '@judgehub/model';
import { ConfirmDialog } from '../shared/ConfirmDialog.js';
import { CsvImport } from './CsvImport.js';
import { NameEditor } from './NameEditor.js';
import type { SetupContext } from './SetupApp.js';
import { fetchScored } from './setupApi.js';

interface Pending {
  title: string;
  body: React.ReactNode;
  confirmLabel: string;
  danger?: boolean;
  run: () => void;
}

/** Teams by hand (add, rename, categories, withdraw and reinstate) and from CSV. */
export function TeamsPanel(context: SetupContext) {
  const { event, save, token } = context;
  const [pending, setPending] = useState<Pending | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const categoryName = (id: string) => event.categories.find((c) => c.id === id)?.name ?? id;

  const report = (result: { ok: boolean; problems?: string[] }) =>
    setProblem(result.ok ? null : `Not saved: ${(result.problems ?? []).join('; ')}`);

  const setCategories = async (team: Team, categoryIds: string[]) => {
    const { change, left, droppedAssignments } = teamCategoriesChange(event, team, categoryIds);
    const what = `${team.name}: categories ${categoryIds.map(categoryName).join(', ') || 'none'}`;
    if (left.length === 0) return report(save(change, what));
    const scored = await fetchScored(token);
    const sheets = scored.ok ? sheetsFor(scored.value, team.id, left) : [];
    if (sheets.length === 0 && droppedAssignments.length === 0) return report(save(change, what));
    setPending({
      title: `Take ${team.name} out of ${left.map(categoryName).join(', ')}?`,
      confirmLabel: 'Change categories',
      body: (
        <>
          {!scored.ok && <p className="notice notice-warn">{scored.message}</p>}
          {sheets.map((s) => (
            <p key={s.categoryId}>
              <strong>
                {s.sheets} score sheet{s.sheets === 1 ? '' : 's'} in {categoryName(s.categoryId)}
              </strong>{' '}
              ({s.submitted} submitted) stay in the judges&rsquo; sheets. They do not count while
              the team is not in {categoryName(s.categoryId)}; putting it back counts them again.
            </p>
          ))}
          {droppedAssignments.length > 0 && (
            <p>
              {droppedAssignments.length} assignment{droppedAssignments.length === 1 ? '' : 's'} of
              judges to this team there {droppedAssignments.length === 1 ? 'is' : 'are'} dropped (
              {[...new Set(droppedAssignments.map((a) => a.judgeId))].join(', ')}).
            </p>
          )}
        </>
      ),
      run: () => report(save(change, what)),
    });
  };

  const withdraw = async (team: Team) => {
    const scored = await fetchScored(token);
    const sheets = scored.ok ? sheetsFor(scored.value, team.id) : [];
    const total = sheets.reduce((n, s) => n + s.sheets, 0);
    setPending({
      title: `Withdraw ${team.name}?`,
      confirmLabel: 'Withdraw team',
      danger: true,
      body: (
        <>
          <p>
            The team stays in the event, marked withdrawn: it is not ranked and judges see it as
            withdrawn. Reinstate it at any time.
          </p>
          <p>
            {total === 0
              ? 'It has no score sheets yet.'
              : `Its ${total} score sheet${total === 1 ? '' : 's'} (${sheets.map((s) => `${s.sheets} in ${categoryName(s.categoryId)}`).join(', ')}) are kept and count again if it is reinstated.`}
          </p>
        </>
      ),
      run: () => report(save({ teams: [{ ...team, withdrawn: true }] }, `${team.name} withdrawn`)),
    });
  };

  return (
    <div className="setup-panel">
      <AddTeam {...context} onProblem={setProblem} />
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <section className="panel" aria-labelledby="teams-title">
        <h2 id="teams-title">Teams ({event.teams.length})</h2>
        {event.teams.length === 0 && (
          <p className="hint">No teams yet: add them above or paste a CSV below.</p>
        )}
        <ul className="setup-list">
          {event.teams.map((team) => (
            <li
              key={team.id}
              className={`setup-item ${team.withdrawn ? 'setup-item-off' : ''}`}
              data-testid={`team-${team.id}`}
            >
              <div className="setup-item-head">
                <span className="setup-id">{team.id}</span>
                <NameEditor
                  name={team.name}
                  label={`Name of team ${team.id}`}
                  onSave={(name) =>
                    report(
                      save({ teams: [{ ...team, name }] }, `Team ${team.id} renamed to ${name}`),
                    )
                  }
                />
                {team.withdrawn && <span className="setup-badge">Withdrawn</span>}
                {team.withdrawn ? (
                  <button
                    className="btn"
                    type="button"
                    onClick={() =>
                      report(
                        save({ teams: [{ ...team, withdrawn: false }] }, `${team.name} reinstated`),
                      )
                    }
                  >
                    Reinstate
                  </button>
                ) : (
                  <button
                    className="btn btn-danger-outline"
                    type="button"
                    onClick={() => void withdraw(team)}
                  >
                    Withdraw
                  </button>
                )}
              </div>
              <fieldset className="setup-chips">
                <legend className="visually-hidden">Categories of {team.name}</legend>
                {event.categories.map((c) => (
                  <label key={c.id} className="setup-chip">
                    <input
                      type="checkbox"
                      checked={team.categoryIds.includes(c.id)}
                      onChange={(e) =>
                        void setCategories(
                          team,
                          e.target.checked
                            ? [...team.categoryIds, c.id]
                            : team.categoryIds.filter((id) => id !== c.id),
                        )
                      }
                    />
                    {c.name}
                  </label>
                ))}
              </fieldset>
            </li>
          ))}
        </ul>
      </section>
      <CsvImport {...context} kind="teams" />
      {pending && (
        <ConfirmDialog
          title={pending.title}
          confirmLabel={pending.confirmLabel}
          danger={pending.danger}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            pending.run();
            setPending(null);
          }}
        >
          {pending.body}
        </ConfirmDialog>
      )}
    </div>
  );
}

function AddTeam({
  event,
  save,
  onProblem,
}: SetupContext & { onProblem: (p: string | null) => void }) {
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [categoryIds, setCategoryIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const taken = new Set(event.teams.map((t) => t.id));
    const teamId = id.trim() || newEntityId(name, taken, 'team');
    if (!name.trim()) return setError('Give the team a name.');
    if (!isEntityId(teamId)) return setError('The id may have letters, digits, _ and - only.');
    if (taken.has(teamId)) return setError(`There is already a team ${teamId}.`);
    const result = save(
      { teams: [{ id: teamId, name: name.trim(), categoryIds, withdrawn: false }] },
      `Team ${name.trim()} added`,
    );
    if (!result.ok) return setError(result.problems.join('; '));
    setError(null);
    onProblem(null);
    setName('');
    setId('');
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="add-team-title">
      <h2 id="add-team-title">Add a team</h2>
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
            placeholder={
              name
                ? newEntityId(name, new Set(event.teams.map((t) => t.id)), 'team')
                : 'made from the name'
            }
            onChange={(e) => setId(e.target.value)}
          />
        </label>
      </div>
      {event.categories.length > 0 && (
        <fieldset className="setup-chips">
          <legend>Categories</legend>
          {event.categories.map((c) => (
            <label key={c.id} className="setup-chip">
              <input
                type="checkbox"
                checked={categoryIds.includes(c.id)}
                onChange={(e) =>
                  setCategoryIds((ids) =>
                    e.target.checked ? [...ids, c.id] : ids.filter((x) => x !== c.id),
                  )
                }
              />
              {c.name}
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div>
        <button className="btn btn-primary" type="submit">
          Add team
        </button>
      </div>
    </form>
  );
}
