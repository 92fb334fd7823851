import { useState } from 'react';
import type { DesktopApi, HubAction, HubState } from '../shared/contract.js';

interface HubStatusProps {
  api: DesktopApi;
  hub: HubState;
  onChangeMode: () => void;
}

/** Hub mode's start screen: is the hub running, where tablets join it, and what went wrong. */
export function HubStatus({ api, hub, onChangeMode }: HubStatusProps) {
  const [message, setMessage] = useState<string | null>(null);
  const act = async (action: HubAction) => {
    setMessage(null);
    const result = await api.hubAction(action);
    if (!result.ok) setMessage(result.message);
  };
  return (
    <main className="page hub-mode" aria-labelledby="hub-title" data-testid="hub-status">
      <header className="topbar">
        <h1 id="hub-title">The hub on this laptop</h1>
        <button type="button" className="link" onClick={onChangeMode}>
          Change mode
        </button>
      </header>
      <section className={`card status status-${hub.status}`} data-testid={`hub-${hub.status}`}>
        <StatusBody hub={hub} />
      </section>
      {message && (
        <p className="notice notice-error" role="alert" data-testid="action-error">
          {message}
        </p>
      )}
      <div className="actions">
        {hub.status === 'running' && (
          <>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void act('open-organiser')}
            >
              Open organiser
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => void act('open-scoreboard')}
              disabled={!hub.hub.hasScoreboard}
              title={hub.hub.hasScoreboard ? undefined : 'Set up the event first'}
            >
              Open scoreboard
            </button>
          </>
        )}
        {(hub.status === 'failed' || hub.status === 'stopped') && (
          <button
            type="button"
            className="btn btn-primary"
            data-testid="retry"
            onClick={() => void act('retry')}
          >
            {hub.status === 'failed' ? 'Try again' : 'Start the hub'}
          </button>
        )}
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => void act('show-data-folder')}
        >
          Show data folder
        </button>
      </div>
      {hub.status === 'running' && (
        <p className="muted small" data-testid="data-dir">
          Event data: {hub.hub.dataDir}
        </p>
      )}
    </main>
  );
}

function StatusBody({ hub }: { hub: HubState }) {
  switch (hub.status) {
    case 'starting':
      return (
        <>
          <h2>Starting the hub…</h2>
          <p>
            {hub.attempt > 1
              ? `Attempt ${hub.attempt}.`
              : 'Opening the event data and checking it. This takes a few seconds.'}
          </p>
        </>
      );
    case 'running': {
      const { eventName, lanUrl, quarantined } = hub.hub;
      return (
        <>
          <h2>
            <span className="dot dot-ok" aria-hidden="true" /> The hub is running
          </h2>
          <p data-testid="event-name">
            {eventName ? (
              <>
                Event: <strong>{eventName}</strong>
              </>
            ) : (
              'No event yet: set it up in the organiser window.'
            )}
          </p>
          {lanUrl ? (
            <div className="join-at">
              <span>Tablets join at</span>
              <code data-testid="lan-url">{lanUrl}</code>
              <span className="small">
                Judges sign in with their own link or QR code from the organiser window; the
                JudgeHub app on a judge’s laptop finds this hub by itself.
              </span>
            </div>
          ) : (
            <p className="notice notice-warn" data-testid="no-network">
              This laptop is on no network, so tablets cannot reach it. Connect it to the venue
              Wi-Fi or router.
            </p>
          )}
          {quarantined > 0 && (
            <p className="notice notice-warn">
              {quarantined} damaged stored change{quarantined > 1 ? 's were' : ' was'} set aside at
              start. Tablets send their copies again when they connect; keep the data folder for
              inspection.
            </p>
          )}
        </>
      );
    }
    case 'restarting':
      return (
        <>
          <h2>
            <span className="dot dot-warn" aria-hidden="true" /> The hub stopped; starting it again
            in {Math.ceil(hub.retryInMs / 1000)} s
          </h2>
          <p data-testid="hub-reason">{hub.reason}</p>
          <p className="muted">
            Tablets keep scoring meanwhile and send their values when the hub is back. Nothing the
            hub confirmed is lost.
          </p>
        </>
      );
    case 'failed':
      return (
        <>
          <h2>
            <span className="dot dot-bad" aria-hidden="true" /> The hub is not running
          </h2>
          <p data-testid="hub-reason">{hub.reason}</p>
          <p className="muted">
            It stopped several times in a row, so JudgeHub stopped restarting it. Tablets keep their
            scores until it runs again.
          </p>
        </>
      );
    case 'stopping':
      return <h2>Stopping the hub… it finishes writing first.</h2>;
    case 'stopped':
      return <h2>The hub is stopped.</h2>;
  }
}
