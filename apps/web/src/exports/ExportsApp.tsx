import { useEffect, useState } from 'react';
import type { ExportOverview } from '@judgehub/model';
import { OrganiserNav } from '../shared/OrganiserNav.js';
import { useSession } from '../shared/useSession.js';
import { ExportCard } from './ExportCard.js';
import { fetchExportOverview } from './exportsApi.js';
import './exports.css';

/**
 * The organiser's exports (/organiser/exports): one button per file the hub can make from what is
 * saved on it now, each with what it holds, its progress and where the file went.
 */
export function ExportsApp({ token }: { token: string }) {
  const session = useSession(token, 'organiser');
  const isOrganiser = session.kind === 'ready' && session.session.role === 'organiser';
  const [overview, setOverview] = useState<ExportOverview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!isOrganiser) return;
    let cancelled = false;
    void fetchExportOverview(token).then((result) => {
      if (cancelled) return;
      if (result.ok) setOverview(result.value);
      else setProblem(result.message);
    });
    return () => {
      cancelled = true;
    };
  }, [isOrganiser, token]);

  if (session.kind === 'loading') return <Centered>Connecting to the hub…</Centered>;
  if (session.kind === 'error')
    return <Centered tone={session.final ? 'error' : 'warn'}>{session.message}</Centered>;
  if (!isOrganiser)
    return (
      <Centered tone="error">
        Exports are for the organiser. Open the organiser link the hub printed when it started.
      </Centered>
    );
  if (!overview)
    return problem ? <Centered tone="error">{problem}</Centered> : <Centered>Loading…</Centered>;

  const { sheetsSubmitted: submitted, sheetsAssigned: assigned } = overview;
  return (
    <div className="organiser">
      <OrganiserNav current="/organiser/exports" />
      <header className="topbar">
        <div className="topbar-title">
          <span className="event-name">{overview.eventName}</span>
          <span className="who">Organiser · exports</span>
        </div>
      </header>
      <main className="exports-main">
        <section className="panel exports-intro">
          <h1>Exports</h1>
          <p className="lead">
            Each file is made on the hub from what is saved there at that moment, and goes to this
            browser’s downloads folder. Scoring can go on meanwhile.
          </p>
          {submitted === 0 ? (
            <p className="notice notice-warn" role="status" data-testid="exports-state">
              No results yet: nobody has submitted a sheet. You can still export: every team is
              listed as awaiting scores.
            </p>
          ) : submitted < assigned ? (
            <p className="notice notice-warn" role="status" data-testid="exports-state">
              {submitted} of {assigned} assigned sheets are submitted: results are provisional and
              marked so in every file.
            </p>
          ) : (
            <p className="notice export-saved" role="status" data-testid="exports-state">
              All {assigned} assigned sheets are submitted.
            </p>
          )}
        </section>
        <div className="export-grid">
          {overview.kinds.map((info) => (
            <ExportCard key={info.kind} token={token} info={info} />
          ))}
        </div>
        <p className="hint exports-cli">
          The same files from the hub’s laptop, without a browser:{' '}
          <code>judgehub export --data DIR --format csv|xlsx|pdf|json --what …</code> (see{' '}
          <code>judgehub export --help</code>).
        </p>
      </main>
    </div>
  );
}

function Centered({ children, tone }: { children: React.ReactNode; tone?: 'error' | 'warn' }) {
  return (
    <main className="centered">
      <p className={tone ? `notice notice-${tone}` : 'lead'} role={tone ? 'alert' : undefined}>
        {children}
      </p>
    </main>
  );
}
