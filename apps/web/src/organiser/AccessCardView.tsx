import type { AccessCard, DeviceInfo } from '@judgehub/model';
import { DeviceList } from './DeviceList.js';
import { QrCode } from './QrCode.js';

/**
 * One judge's (or the scoreboard's) way in: the QR code to scan, the PIN to type, the link, and
 * the devices using it. Printed, it is a card to hand over: name, QR code, PIN and link.
 */
export function AccessCardView({
  card,
  eventName,
  hubUrl,
  devices,
  hubNow,
  replaced,
  onReplace,
}: {
  card: AccessCard;
  eventName: string;
  hubUrl: string;
  devices: DeviceInfo[];
  hubNow: number;
  /** The link was just replaced from this page. */
  replaced: boolean;
  onReplace: () => void;
}) {
  const id = card.judgeId ?? 'scoreboard';
  const role = card.role === 'judge' ? `Judge ${card.judgeId}` : 'Screen';
  return (
    <article className="access-card" data-testid={`card-${id}`} aria-labelledby={`name-${id}`}>
      <p className="print-only card-event">{eventName}</p>
      <header className="card-head">
        <span className="card-role">{role}</span>
        <h2 id={`name-${id}`}>{card.name}</h2>
      </header>
      <div className="card-body">
        <QrCode text={card.url} label={`QR code to sign in as ${card.name}`} testId={`qr-${id}`} />
        <div className="card-details">
          {card.pin && (
            <div className="card-pin">
              <span className="card-label">PIN</span>
              <span className="pin-value" data-testid={`pin-${id}`} data-pin={card.pin}>
                {card.pin.slice(0, 3)}
                <span className="pin-gap" aria-hidden>
                  {' '}
                </span>
                {card.pin.slice(3)}
              </span>
            </div>
          )}
          <p className="card-how print-only">
            Scan the code with the tablet’s camera, or open <strong>{hubUrl}/join</strong> and type
            the PIN.
          </p>
          <p className="card-url" data-testid={`url-${id}`}>
            {card.url}
          </p>
          {replaced && (
            <p className="card-fresh no-print" role="status">
              New link and PIN: the old ones no longer work.
            </p>
          )}
          <button
            className="btn btn-danger-outline no-print"
            type="button"
            data-testid={`replace-${id}`}
            onClick={onReplace}
          >
            Replace link
          </button>
        </div>
      </div>
      <section className="card-devices no-print" aria-label={`Devices signed in as ${card.name}`}>
        <h3>Devices</h3>
        <DeviceList devices={devices} hubNow={hubNow} />
      </section>
    </article>
  );
}
