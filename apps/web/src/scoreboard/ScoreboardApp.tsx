import { useMemo } from 'react';
import { readResults, type CategoryResult, type TeamStanding } from '@judgehub/model';
import { useHubDoc } from '../shared/useHubDoc.js';
import { useNow } from '../shared/ConnectionBadge.js';
import { useSession } from '../shared/useSession.js';

/** The projected scoreboard: live standings per category, readable from the back of a hall. */
export function ScoreboardApp({ token }: { token: string }) {
  const session = useSession(token, 'scoreboard');
  const eventId = session.kind === 'ready' ? session.session.eventId : null;
  const hub = useHubDoc('results', token, eventId);
  const results = useMemo(() => (hub ? readResults(hub.doc) : null), [hub]);
  const now = useNow(1000);
  const staleSince = hub?.status.disconnectedAt ?? null;

  if (session.kind === 'error') {
    return (
      <div className="board board-message">
        <p role="alert">{session.message}</p>
      </div>
    );
  }
  if (!hub || !results) return <div className="board" />;
  if (hub.status.state === 'refused') {
    return (
      <div className="board board-message">
        <p>{hub.status.refusal}</p>
      </div>
    );
  }
  return (
    <div className="board">
      <header className="board-head">
        <h1 data-testid="board-event">{results.eventName || 'JudgeHub'}</h1>
        <time className="board-clock">
          {new Date(now).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
        </time>
      </header>
      {staleSince !== null && (
        <p className="board-stale" data-testid="stale" role="status">
          Stale since{' '}
          {new Date(staleSince).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} —
          reconnecting to the hub; these are the last standings received.
        </p>
      )}
      {results.categories.length === 0 ? (
        <p className="board-empty">
          {hub.status.synced ? 'No results yet.' : 'Connecting to the hub…'}
        </p>
      ) : (
        <div
          className="board-grid"
          style={{
            gridTemplateColumns: `repeat(${Math.min(results.categories.length, 3)}, minmax(0, 1fr))`,
          }}
        >
          {results.categories.map((c) => (
            <CategoryBoard key={c.categoryId} result={c} />
          ))}
        </div>
      )}
    </div>
  );
}

function CategoryBoard({ result }: { result: CategoryResult }) {
  return (
    <section className="board-category" data-testid={`board-${result.categoryId}`}>
      <h2>
        {result.categoryName}
        <span className="board-progress">
          {result.sheetsSubmitted}/{result.sheetsAssigned} sheets
        </span>
      </h2>
      <ol className="board-list">
        {result.standings.map((s) => (
          <StandingRow key={s.teamId} standing={s} decimals={result.rules?.decimals ?? 2} />
        ))}
      </ol>
    </section>
  );
}

function StandingRow({ standing: s, decimals }: { standing: TeamStanding; decimals: number }) {
  const awaiting = s.score === null;
  return (
    <li
      className={`board-row ${awaiting ? 'board-row-awaiting' : ''} ${s.rank === 1 ? 'board-row-first' : ''}`}
      data-testid={`row-${s.teamId}`}
      data-rank={s.rank ?? ''}
    >
      <span className="board-rank">{s.rank ?? '–'}</span>
      <span className="board-team">{s.teamName}</span>
      {awaiting ? (
        <span className="board-awaiting">awaiting scores</span>
      ) : (
        <span className="board-score">
          {s.score!.toFixed(decimals)}
          {s.provisional && (
            <span className="board-provisional" title="Not every judge has submitted yet">
              {s.judgesCounted}/{s.judgesAssigned} judges
            </span>
          )}
        </span>
      )}
    </li>
  );
}
