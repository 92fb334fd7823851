import { useCallback, useEffect, useState } from 'react';
import type { AccessCard, AccessOverview, DeviceInfo } from '@judgehub/model';
import { useNow } from '../shared/ConnectionBadge.js';
import { useSession } from '../shared/useSession.js';
import { OrganiserNav } from '../shared/OrganiserNav.js';
import { AccessCardView } from './AccessCardView.js';
import { DeviceList } from './DeviceList.js';
import { QrCode } from './QrCode.js';
import { ReplaceDialog } from './ReplaceDialog.js';
import { fetchAccess, replaceLink } from './organiserApi.js';
import { useDevices } from './useDevices.js';

const cardKey = (card: Pick<AccessCard, 'role' | 'judgeId'>) => card.judgeId ?? card.role;

/**
 * The organiser's access page: a QR code and PIN per judge and for the scoreboard (printable as
 * cards), replacing a lost tablet's link, and every device connected to the hub, live.
 */
export function OrganiserApp({ token }: { token: string }) {
  const session = useSession(token, 'organiser');
  const [access, setAccess] = useState<AccessOverview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<AccessCard | null>(null);
  const [busy, setBusy] = useState(false);
  const [replaced, setReplaced] = useState<ReadonlySet<string>>(new Set());
  const devices = useDevices(token);
  const now = useNow(5000);
  const hubNow = now + devices.offsetMs;
  const isOrganiser = session.kind === 'ready' && session.session.role === 'organiser';

  // Bumped to fetch the cards again (after a link was replaced).
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!isOrganiser) return;
    let cancelled = false;
    void fetchAccess(token).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setAccess(result.value);
        setProblem(null);
      } else setProblem(result.message);
    });
    return () => {
      cancelled = true;
    };
  }, [isOrganiser, token, generation]);

  const cancel = useCallback(() => setConfirming(null), []);
  const confirm = async () => {
    if (!confirming) return;
    setBusy(true);
    const result = await replaceLink(token, { role: confirming.role, judgeId: confirming.judgeId });
    setBusy(false);
    setConfirming(null);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setReplaced((keys) => new Set([...keys, cardKey(result.value)]));
    setGeneration((g) => g + 1);
  };

  if (session.kind === 'loading') return <Centered>Connecting to the hub…</Centered>;
  if (session.kind === 'error')
    return <Centered tone={session.final ? 'error' : 'warn'}>{session.message}</Centered>;
  if (!isOrganiser)
    return (
      <Centered tone="error">
        This is not the organiser’s link. Open the organiser link the hub printed when it started.
      </Centered>
    );
  if (!access)
    return problem ? <Centered tone="error">{problem}</Centered> : <Centered>Loading…</Centered>;

  const all = devices.snapshot?.devices ?? [];
  const devicesOf = (card: AccessCard) =>
    all.filter((d) => d.role === card.role && d.judgeId === card.judgeId);
  const others = all.filter((d: DeviceInfo) => d.role !== 'judge' && d.role !== 'scoreboard');
  const connected = all.filter((d) => d.connected).length;
  const joinUrl = `${access.hubUrl}/join`;

  return (
    <div className="organiser">
      <OrganiserNav current="/organiser" />
      <header className="topbar no-print">
        <div className="topbar-title">
          <span className="event-name">{access.eventName || session.session.eventName}</span>
          <span className="who">Organiser · sign-in cards and devices</span>
        </div>
        <div className="topbar-actions">
          <span
            className={`conn ${devices.live ? 'conn-ok' : 'conn-warn'}`}
            role="status"
            data-testid="devices-live"
          >
            <span className="conn-dot" aria-hidden />
            {devices.live
              ? `${connected} ${connected === 1 ? 'device' : 'devices'} connected`
              : 'Reconnecting to the hub…'}
          </span>
          <button className="btn btn-light" type="button" onClick={() => window.print()}>
            Print cards
          </button>
        </div>
      </header>
      <main className="access">
        <section className="panel access-intro no-print">
          <p className="lead">
            Judges sign in by scanning their QR code with the tablet’s camera, or by opening{' '}
            <strong data-testid="join-url">{joinUrl}</strong> and typing their PIN.
          </p>
          <p className="hint">
            Lost a tablet? <em>Replace link</em> on that judge’s card: the old QR code and PIN stop
            working at once, and the judge signs in on another tablet with the new ones.
          </p>
          {!access.onVenueNetwork && (
            <p className="notice notice-warn" role="alert">
              The hub is not reachable from the venue network: these links work only on this laptop.
              Connect it to the venue Wi-Fi and restart the hub without <code>--host</code>.
            </p>
          )}
          {problem && (
            <p className="notice notice-error" role="alert">
              {problem}
            </p>
          )}
        </section>
        {access.headJudge && (
          <section className="panel head-judge-link no-print" data-testid="head-judge-link">
            <h2>Head judge</h2>
            <QrCode text={access.headJudge.url} label="QR code to open the head judge’s review" />
            <p className="hint">
              Review, corrections and locks. There is no PIN for this link: hand it to the head
              judge only.
            </p>
            <p className="card-url">
              <a href={access.headJudge.url}>{access.headJudge.url}</a>
            </p>
          </section>
        )}
        <div className="card-grid">
          {access.cards.map((card) => (
            <AccessCardView
              key={cardKey(card)}
              card={card}
              eventName={access.eventName}
              hubUrl={access.hubUrl}
              devices={devicesOf(card)}
              hubNow={hubNow}
              replaced={replaced.has(cardKey(card))}
              onReplace={() => setConfirming(card)}
            />
          ))}
        </div>
        <section className="panel other-devices no-print" aria-labelledby="others-title">
          <h2 id="others-title">Organiser and head judge devices</h2>
          <DeviceList devices={others} hubNow={hubNow} empty="None connected." />
        </section>
      </main>
      {confirming && (
        <ReplaceDialog card={confirming} busy={busy} onConfirm={confirm} onCancel={cancel} />
      )}
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
