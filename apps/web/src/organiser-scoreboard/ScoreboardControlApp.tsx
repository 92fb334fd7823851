import { OrganiserNav } from '../shared/OrganiserNav.js';
import { useMemo } from 'react';
import { DISPLAY_DOC, RESULTS_DOC } from '@judgehub/model';
import { ConnectionBadge } from '../shared/ConnectionBadge.js';
import { useHubDoc } from '../shared/useHubDoc.js';
import { useSession } from '../shared/useSession.js';
import { Board } from '../scoreboard/Board.js';
import { joinUrl } from '../scoreboard/joinUrl.js';
import { useBoardData } from '../scoreboard/ScoreboardApp.js';
import type { DisplayControl } from './displayControl.js';
import { FreezePanel } from './FreezePanel.js';
import { LookPanel } from './LookPanel.js';
import { RevealPanel } from './RevealPanel.js';
import { ShowPanel } from './ShowPanel.js';
import { SpotlightPanel } from './SpotlightPanel.js';
import './controls.css';

/**
 * `/organiser/scoreboard`: what every scoreboard screen shows, changed here and followed by all
 * of them at once, with a live preview drawn exactly as the screens draw it. Organiser and head
 * judge links may use it; the hub refuses changes from anyone else.
 */
export function ScoreboardControlApp({ token }: { token: string }) {
  const session = useSession(token, 'organiser');
  const ready = session.kind === 'ready' ? session.session : null;
  const eventId = ready?.eventId ?? null;
  const results = useHubDoc(RESULTS_DOC, token, eventId);
  const display = useHubDoc(DISPLAY_DOC, token, eventId);
  const board = useBoardData(results, display);
  const ctl = useMemo<DisplayControl | null>(() => {
    if (!board || !display) return null;
    const offset = display.status.hubTimeOffsetMs ?? 0;
    return {
      doc: display.doc,
      display: board.display,
      results: board.results,
      categories: [...(board.display.frozen?.categories ?? board.results.categories)].sort(
        (a, b) => a.order - b.order,
      ),
      hubNow: () => Date.now() + offset,
    };
  }, [board, display]);

  if (session.kind === 'loading') return <Message>Connecting to the hub…</Message>;
  if (session.kind === 'error') return <Message error>{session.message}</Message>;
  if (ready && ready.role !== 'organiser' && ready.role !== 'head-judge')
    return (
      <Message error>
        This page needs the organiser&rsquo;s (or the head judge&rsquo;s) link. A{' '}
        {ready.role.replace('-', ' ')} link cannot change the scoreboards.
      </Message>
    );
  if (!board || !ctl || !display) return <Message>Loading the scoreboard settings…</Message>;
  const join = joinUrl(ready?.hubUrl);
  return (
    <div className="ctl" data-testid="scoreboard-controls">
      <OrganiserNav current="/organiser/scoreboard" />
      <header className="ctl-head">
        <div>
          <h1>Scoreboard controls</h1>
          <p className="ctl-event">{board.results.eventName}</p>
        </div>
        <ConnectionBadge status={display.status} />
      </header>
      {display.status.refusal && display.status.state !== 'refused' && (
        <p className="notice notice-error" role="alert">
          The hub did not accept a change: {display.status.refusal}
        </p>
      )}
      <div className="ctl-layout">
        <section className="ctl-preview" aria-labelledby="ctl-preview-title">
          <h2 id="ctl-preview-title">On every screen now</h2>
          <div className="ctl-preview-box" data-testid="preview">
            <Board {...board} joinUrl={join} preview />
          </div>
          <p className="ctl-note">
            Every scoreboard shows this, and any screen opened later joins in at the same point.
          </p>
        </section>
        <div className="ctl-panels">
          <RevealPanel ctl={ctl} />
          <ShowPanel ctl={ctl} />
          <FreezePanel ctl={ctl} />
          <SpotlightPanel ctl={ctl} />
          <LookPanel ctl={ctl} joinUrl={join} />
        </div>
      </div>
    </div>
  );
}

function Message({ children, error }: { children: React.ReactNode; error?: boolean }) {
  return (
    <main className="centered">
      <p className={`notice ${error ? 'notice-error' : ''}`} role={error ? 'alert' : 'status'}>
        {children}
      </p>
    </main>
  );
}
