import { useMemo, useState } from 'react';
import {
  CONTROL_DOC,
  EVENT_DOC,
  RESULTS_DOC,
  countProgress,
  readEvent,
  readProgress,
} from '@judgehub/model';
import { useNow } from '../shared/ConnectionBadge.js';
import { NoticeComposer } from '../shared/NoticeComposer.js';
import { OrganiserNav } from '../shared/OrganiserNav.js';
import { useHubDoc } from '../shared/useHubDoc.js';
import { useSession } from '../shared/useSession.js';
import { useDevices } from '../organiser/useDevices.js';
import { JudgeProgressTable } from './JudgeProgressTable.js';
import { ProgressGrid } from './ProgressGrid.js';
import { ReleasePanel } from './ReleasePanel.js';
import { TeamCodes } from './TeamCodes.js';
import './progress.css';

/**
 * Running the day (/organiser/progress): which sheets are in, which are being scored and which
 * are missing, per team and per judge with their tablets; notices to judges and scoreboards; the
 * release of results to teams, and the teams' codes to print.
 */
export function ProgressApp({ token }: { token: string }) {
  const session = useSession(token, 'organiser');
  const isOrganiser = session.kind === 'ready' && session.session.role === 'organiser';
  const eventId = isOrganiser ? session.session.eventId : null;
  const eventDoc = useHubDoc(isOrganiser ? EVENT_DOC : null, token, eventId);
  const resultsDoc = useHubDoc(isOrganiser ? RESULTS_DOC : null, token, eventId);
  const controlDoc = useHubDoc(isOrganiser ? CONTROL_DOC : null, token, eventId);
  const devices = useDevices(token);
  const now = useNow(5000);
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [showCodes, setShowCodes] = useState(false);

  const event = useMemo(() => (eventDoc ? readEvent(eventDoc.doc) : null), [eventDoc]);
  const grid = useMemo(() => (resultsDoc ? readProgress(resultsDoc.doc) : null), [resultsDoc]);
  const totals = useMemo(() => {
    const sum = { submitted: 0, started: 0, missing: 0, assigned: 0 };
    for (const cell of grid?.values() ?? []) {
      const count = countProgress(cell);
      sum.submitted += count.submitted;
      sum.started += count.started;
      sum.missing += count.missing;
      sum.assigned += count.assigned;
    }
    return sum;
  }, [grid]);

  if (session.kind === 'loading') return <Centered>Connecting to the hub…</Centered>;
  if (session.kind === 'error')
    return <Centered tone={session.final ? 'error' : 'warn'}>{session.message}</Centered>;
  if (!isOrganiser)
    return (
      <Centered tone="error">
        This is not the organiser’s link. Open the organiser link the hub printed when it started.
      </Centered>
    );
  if (!event || !grid) return <Centered>Loading…</Centered>;

  const synced = resultsDoc?.status.synced ?? false;
  return (
    <div className="organiser progress-page">
      <OrganiserNav current="/organiser/progress" />
      <header className="topbar no-print">
        <div className="topbar-title">
          <span className="event-name">{event.settings.name || session.session.eventName}</span>
          <span className="who">Organiser · progress</span>
        </div>
        <div className="topbar-actions">
          <span
            className={`conn ${synced && devices.live ? 'conn-ok' : 'conn-warn'}`}
            role="status"
          >
            <span className="conn-dot" aria-hidden />
            {synced && devices.live ? 'Live from the hub' : 'Reconnecting to the hub…'}
          </span>
        </div>
      </header>
      <main className="progress-main">
        <section className="panel no-print" aria-labelledby="sheets-title">
          <div className="progress-head">
            <div>
              <h2 id="sheets-title">Score sheets</h2>
              <p className="progress-totals" data-testid="progress-totals">
                <strong>
                  {totals.submitted} of {totals.assigned}
                </strong>{' '}
                submitted ·{' '}
                <span className="progress-started-text">{totals.started} in progress</span> ·{' '}
                <span className="progress-missing-text">{totals.missing} missing</span>
              </p>
            </div>
            <div className="segmented" role="group" aria-label="Show">
              <button
                type="button"
                className="segment"
                aria-pressed={!onlyMissing}
                onClick={() => setOnlyMissing(false)}
              >
                Everything
              </button>
              <button
                type="button"
                className="segment"
                aria-pressed={onlyMissing}
                onClick={() => setOnlyMissing(true)}
                data-testid="only-missing"
              >
                What is missing
              </button>
            </div>
          </div>
          <p className="hint">
            <span className="progress-legend progress-submitted">✓ submitted</span>
            <span className="progress-legend progress-started">
              … values on the hub, not submitted
            </span>
            <span className="progress-legend progress-missing">– nothing on the hub yet</span>
            Values still on a tablet show under “Not yet on the hub” below.
          </p>
          <ProgressGrid event={event} grid={grid} onlyMissing={onlyMissing} />
        </section>
        <section className="panel no-print" aria-labelledby="judges-title">
          <h2 id="judges-title">Judges and their tablets</h2>
          <JudgeProgressTable
            event={event}
            grid={grid}
            devices={devices.snapshot?.devices ?? []}
            hubNow={now + devices.offsetMs}
            onlyMissing={onlyMissing}
          />
        </section>
        <div className="progress-columns no-print">
          <NoticeComposer control={controlDoc} judges={event.judges} by="Organiser" />
          <ReleasePanel control={controlDoc} by="Organiser" />
        </div>
        <section className="panel team-codes-section" aria-labelledby="codes-title">
          <div className="progress-head no-print">
            <h2 id="codes-title">Team codes</h2>
            <div className="topbar-actions">
              <button
                className="btn btn-light"
                type="button"
                aria-expanded={showCodes}
                onClick={() => setShowCodes((s) => !s)}
                data-testid="show-team-codes"
              >
                {showCodes ? 'Hide team codes' : 'Show team codes'}
              </button>
              {showCodes && (
                <button className="btn btn-light" type="button" onClick={() => window.print()}>
                  Print team codes
                </button>
              )}
            </div>
          </div>
          {showCodes && <TeamCodes token={token} teamCount={event.teams.length} />}
        </section>
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
