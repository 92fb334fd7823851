import { clockTime } from './boardFormat.js';
import { useFitText } from './useFitText.js';

export interface BoardLink {
  /** When this screen lost the hub (null while connected). */
  staleSince: number | null;
  /** Not connected, and never was since the page opened: nothing to call stale yet. */
  unreachable: boolean;
}

/**
 * The strip along the top of every scoreboard: logo and event name, whether the standings are
 * live, held (frozen) or stale, and the hub's clock.
 */
export function BoardHeader({
  eventName,
  logo,
  hubNow,
  frozenAt,
  link,
  showName,
  ceremony,
}: {
  eventName: string;
  logo: string | null;
  hubNow: number;
  frozenAt: number | null;
  link: BoardLink;
  showName: boolean;
  /** The awards reveal shows its own copy of the standings: neither live nor frozen applies. */
  ceremony: boolean;
}) {
  const name = useFitText<HTMLHeadingElement>(eventName, 0.6);
  return (
    <header className="sb-head">
      <div className="sb-brand">
        {logo && showName && <img className="sb-logo" src={logo} alt="" />}
        {showName && (
          <h1 className="sb-event" data-testid="board-event" ref={name}>
            {eventName}
          </h1>
        )}
      </div>
      <div className="sb-head-side">
        {link.staleSince !== null ? (
          <p className="sb-chip sb-chip-stale" data-testid="stale" role="status">
            Stale since {clockTime(link.staleSince)} · reconnecting
          </p>
        ) : link.unreachable ? (
          <p className="sb-chip sb-chip-stale" data-testid="unreachable" role="status">
            Connecting to the hub…
          </p>
        ) : ceremony ? null : frozenAt !== null ? (
          <p className="sb-chip sb-chip-frozen" data-testid="board-frozen">
            Standings as of {clockTime(frozenAt)}
          </p>
        ) : (
          <p className="sb-chip sb-chip-live" data-testid="board-live">
            <span className="sb-live-dot" aria-hidden />
            Live
          </p>
        )}
        <time className="sb-clock" data-testid="board-clock">
          {clockTime(hubNow)}
        </time>
      </div>
    </header>
  );
}
