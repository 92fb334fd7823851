import { useEffect, useMemo, useState } from 'react';
import {
  previewJudgesCsv,
  previewTeamsCsv,
  sheetsFor,
  teamsImportChange,
  type ImportPreview,
  type Judge,
  type ScoredSummary,
  type Team,
} from '@judgehub/model';
import type { SetupContext } from './SetupApp.js';
import { fetchScored } from './setupApi.js';

const MAX_FILE_BYTES = 2 * 1024 * 1024;

const EXAMPLE = {
  teams:
    'id,name,categories\nT01,Circuit Breakers,robot-design;innovation\nT02,"Byte Knights, Jr",robot-design',
  judges: 'id,name,conflicts\nJ1,Amara Okafor,T02\nJ2,Ben Lindqvist,',
};

/**
 * Teams or judges from a paste or a CSV file: a preview lists every problem with its line and
 * what each row would add or change; nothing is saved until the organiser confirms a preview
 * with no problem.
 */
export function CsvImport({
  kind,
  token,
  event,
  save,
}: SetupContext & { kind: 'teams' | 'judges' }) {
  const [text, setText] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [scored, setScored] = useState<ScoredSummary | null>(null);
  const [saveProblems, setSaveProblems] = useState<string[]>([]);
  const preview: ImportPreview<Team> | ImportPreview<Judge> | null = useMemo(() => {
    if (!text.trim()) return null;
    return kind === 'teams' ? previewTeamsCsv(text, event) : previewJudgesCsv(text, event);
  }, [kind, text, event]);

  // Scored work is looked up when a preview changes teams, to say what happens to it.
  const changesTeams = preview?.kind === 'teams' && preview.rows.some((r) => r.action === 'change');
  useEffect(() => {
    if (!changesTeams) return;
    let cancelled = false;
    void fetchScored(token).then((r) => !cancelled && r.ok && setScored(r.value));
    return () => {
      cancelled = true;
    };
  }, [changesTeams, token]);

  const pick = async (file: File | undefined) => {
    setFileProblem(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileProblem(
        `${file.name} is ${Math.round(file.size / 1024)} KB; a team or judge list is at most 2 MB. Is it the right file?`,
      );
      return;
    }
    setText(await file.text());
  };

  const confirm = () => {
    if (!preview?.canConfirm) return;
    const rows = preview.rows.filter((r) => r.action !== 'same');
    const result =
      preview.kind === 'teams'
        ? save(
            teamsImportChange(
              event,
              rows.map((r) => r.entity as Team),
            ),
            `${count(rows, 'add')} added, ${count(rows, 'change')} changed (teams from CSV)`,
          )
        : save(
            { judges: rows.map((r) => r.entity as Judge) },
            `${count(rows, 'add')} added, ${count(rows, 'change')} changed (judges from CSV)`,
          );
    if (result.ok) {
      setText('');
      setSaveProblems([]);
    } else setSaveProblems(result.problems);
  };

  const noun = kind === 'teams' ? 'team' : 'judge';
  const adds = preview ? count(preview.rows, 'add') : 0;
  const changes = preview ? count(preview.rows, 'change') : 0;
  return (
    <section className="panel setup-import" aria-labelledby={`import-${kind}-title`}>
      <h2 id={`import-${kind}-title`}>Paste or pick a CSV of {kind}</h2>
      <p className="hint">
        A header row, then one row per {noun}:{' '}
        <code>{kind === 'teams' ? 'id,name,categories' : 'id,name,conflicts'}</code>. Only{' '}
        <code>name</code> is needed;{' '}
        {kind === 'teams' ? 'categories (ids or names)' : 'conflicts (team ids or names)'} are
        separated by <code>;</code> or <code>|</code>. A row with the id (or, without an id, the
        name) of a {noun} already here changes it; {kind} not in the list stay as they are. A paste
        from a spreadsheet works too.
      </p>
      <textarea
        className="setup-csv"
        aria-label={`CSV of ${kind}`}
        value={text}
        placeholder={EXAMPLE[kind]}
        spellCheck={false}
        rows={6}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="setup-row">
        <label className="btn setup-file">
          Pick a CSV file…
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            aria-label={`CSV file of ${kind}`}
            onChange={(e) => {
              void pick(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
        {text && (
          <button className="btn btn-ghost" type="button" onClick={() => setText('')}>
            Clear
          </button>
        )}
      </div>
      {fileProblem && (
        <p className="notice notice-error" role="alert">
          {fileProblem}
        </p>
      )}
      {preview && (
        <div className="setup-preview" data-testid={`preview-${kind}`}>
          {preview.problems.length > 0 ? (
            <div className="notice notice-error" role="alert" data-testid="preview-problems">
              <p>
                {preview.problems.length} {preview.problems.length === 1 ? 'problem' : 'problems'}:
                nothing is saved until every line is right. Fix them above, then confirm.
              </p>
              <ul>
                {preview.problems.map((p, i) => (
                  <li key={i}>
                    <strong>Line {p.line}:</strong> {p.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="lead" role="status">
              {adds} to add, {changes} to change
              {preview.rows.length - adds - changes > 0 &&
                `, ${preview.rows.length - adds - changes} already as listed`}
              . Nothing is saved until you confirm.
            </p>
          )}
          {preview.rows.length > 0 && (
            <table className="setup-table">
              <thead>
                <tr>
                  <th>Line</th>
                  <th>What</th>
                  <th>Id</th>
                  <th>Name</th>
                  <th>{kind === 'teams' ? 'Categories' : 'Conflicts'}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.line} className={`setup-action-${row.action}`}>
                    <td>{row.line}</td>
                    <td>
                      {row.action === 'add'
                        ? 'Add'
                        : row.action === 'change'
                          ? 'Change'
                          : 'No change'}
                    </td>
                    <td>{row.entity.id}</td>
                    <td>
                      {row.entity.name}
                      {row.before && row.before.name !== row.entity.name && (
                        <span className="setup-was"> (was {row.before.name})</span>
                      )}
                    </td>
                    <td>
                      {listIn(event, row.entity)}
                      {row.action === 'change' &&
                        listIn(event, row.before!) !== listIn(event, row.entity) && (
                          <span className="setup-was">
                            {' '}
                            (was {listIn(event, row.before!) || 'none'})
                          </span>
                        )}
                      {preview.kind === 'teams' && scored && (
                        <ScoredWarning
                          scored={scored}
                          before={row.before as Team | undefined}
                          after={row.entity as Team}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <button
            className="btn btn-primary"
            type="button"
            disabled={!preview.canConfirm}
            onClick={confirm}
          >
            {preview.canConfirm
              ? `Confirm: add ${adds}, change ${changes}`
              : preview.problems.length > 0
                ? 'Fix the problems to confirm'
                : 'Nothing to change'}
          </button>
        </div>
      )}
      {saveProblems.length > 0 && (
        <div className="notice notice-error" role="alert">
          Not saved: {saveProblems.join('; ')}
        </div>
      )}
    </section>
  );
}

const count = (rows: { action: string }[], action: string) =>
  rows.filter((r) => r.action === action).length;

/** A team's categories or a judge's conflicts, by name. */
function listIn(event: SetupContext['event'], entity: Team | Judge): string {
  return 'categoryIds' in entity
    ? entity.categoryIds
        .map((id) => event.categories.find((c) => c.id === id)?.name ?? id)
        .join(', ')
    : (entity.conflicts ?? [])
        .map((id) => event.teams.find((t) => t.id === id)?.name ?? id)
        .join(', ');
}

function ScoredWarning({
  scored,
  before,
  after,
}: {
  scored: ScoredSummary;
  before?: Team;
  after: Team;
}) {
  if (!before) return null;
  const left = before.categoryIds.filter((c) => !after.categoryIds.includes(c));
  const sheets = sheetsFor(scored, before.id, left);
  if (sheets.length === 0) return null;
  return (
    <span className="setup-warn">
      {' '}
      {sheets
        .map((s) => `${s.sheets} sheet${s.sheets === 1 ? '' : 's'} in ${s.categoryId}`)
        .join(', ')}{' '}
      kept, but not counted while the team is not in{' '}
      {left.length === 1 ? 'that category' : 'those categories'}.
    </span>
  );
}
