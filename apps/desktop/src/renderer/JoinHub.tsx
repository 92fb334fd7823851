import { useState, type FormEvent } from 'react';
import type { ClientView, ConnectRequest, DesktopApi, HubListing } from '../shared/contract.js';

interface JoinHubProps {
  api: DesktopApi;
  view: ClientView;
  onChangeMode: () => void;
}

type LocalError = { where: 'list' | 'address'; message: string } | null;

/** Client mode's start screen: hubs found on the network, an address box, connection problems. */
export function JoinHub({ api, view, onChangeMode }: JoinHubProps) {
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<LocalError>(null);

  const connect = async (request: ConnectRequest, label: string, where: 'list' | 'address') => {
    setBusy(label);
    setError(null);
    try {
      const result = await api.connectToHub(request);
      if (!result.ok) setError({ where, message: result.message });
    } catch {
      setError({ where, message: 'JudgeHub could not try that hub. Try again.' });
    } finally {
      setBusy(null);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void connect({ kind: 'address', address }, address.trim() || 'that address', 'address');
  };
  const { reconnect, problem, lastHub } = view;

  return (
    <main className="page join" aria-labelledby="join-title" data-testid="join-hub">
      <header className="topbar">
        <h1 id="join-title">Join a hub</h1>
        <button type="button" className="link" onClick={onChangeMode}>
          Change mode
        </button>
      </header>

      {reconnect && (
        <section className="notice notice-info" role="status" data-testid="reconnecting">
          <p>
            Getting back to <strong>{reconnect.label}</strong> ({reconnect.address})…{' '}
            {reconnect.waiting
              ? `Not reachable yet; trying again (attempt ${reconnect.attempt}).`
              : 'Connecting.'}
          </p>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void api.cancelReconnect()}
          >
            Choose another hub
          </button>
        </section>
      )}
      {problem && !error && (
        <p className="notice notice-error" role="alert" data-testid="connection-problem">
          {problem.message}
        </p>
      )}
      {busy && (
        <p className="notice notice-info" role="status" data-testid="connecting">
          Connecting to {busy}…
        </p>
      )}

      <section className="card" aria-labelledby="found-title">
        <h2 id="found-title">Hubs on this network</h2>
        <p
          className={view.discovery.active ? 'muted' : 'muted warn'}
          data-testid="discovery-status"
        >
          {view.discovery.detail}
        </p>
        {error?.where === 'list' && (
          <p className="notice notice-error" role="alert" data-testid="list-error">
            {error.message}
          </p>
        )}
        {view.hubs.length === 0 ? (
          <p className="empty" data-testid="no-hubs">
            No hub found yet. Check that this laptop is on the venue Wi-Fi, or type the address
            shown on the organiser’s screen below.
          </p>
        ) : (
          <ul className="hub-list" data-testid="hub-list">
            {view.hubs.map((hub) => (
              <li key={hub.hubId}>
                <HubRow
                  hub={hub}
                  disabled={busy !== null}
                  onJoin={() =>
                    void connect(
                      { kind: 'listed', hubId: hub.hubId },
                      hub.eventName || hub.address,
                      'list',
                    )
                  }
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="address-title">
        <h2 id="address-title">Or type its address</h2>
        <form className="address-form" onSubmit={submit} noValidate>
          <label htmlFor="hub-address">Hub address</label>
          <div className="address-row">
            <input
              id="hub-address"
              data-testid="address-input"
              value={address}
              onChange={(e) => setAddress(e.target.value)}
              placeholder="192.168.1.20:7420"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={error?.where === 'address'}
              aria-describedby="address-hint"
            />
            <button className="btn btn-primary" type="submit" disabled={busy !== null}>
              Connect
            </button>
          </div>
          <p className="hint" id="address-hint">
            The organiser’s screen shows it, e.g. 192.168.1.20:7420. A judge link
            (http://…/judge?token=…) works too.
          </p>
          {error?.where === 'address' && (
            <p className="field-error" role="alert" data-testid="address-error">
              {error.message}
            </p>
          )}
        </form>
      </section>

      {lastHub && !reconnect && (
        <p className="rejoin">
          <button
            type="button"
            className="btn"
            data-testid="rejoin-last"
            disabled={busy !== null}
            onClick={() => void connect({ kind: 'last' }, lastHub.label, 'list')}
          >
            Rejoin {lastHub.label} ({lastHub.address})
          </button>
        </p>
      )}
    </main>
  );
}

function HubRow({
  hub,
  disabled,
  onJoin,
}: {
  hub: HubListing;
  disabled: boolean;
  onJoin: () => void;
}) {
  return (
    <button
      type="button"
      className="hub"
      data-testid={`hub-${hub.hubId}`}
      disabled={disabled || !hub.joinable}
      onClick={onJoin}
    >
      <span className="hub-main">
        <span className="hub-name">
          {hub.eventName || 'Hub without an event yet'}
          {hub.lastUsed && <span className="badge">Last used</span>}
        </span>
        <span className="hub-address">
          {hub.address}
          {hub.otherAddresses > 0 &&
            ` (and ${hub.otherAddresses} other address${hub.otherAddresses > 1 ? 'es' : ''})`}
        </span>
        {hub.note && <span className="hub-note">{hub.note}</span>}
      </span>
      <span className="hub-action" aria-hidden="true">
        {hub.joinable ? 'Join' : 'Cannot join'}
      </span>
    </button>
  );
}
