import { useMemo } from 'react';
import { CONTROL_DOC, DISPLAY_DOC, RESULTS_DOC, readDisplay, readResults } from '@judgehub/model';
import { useHubDoc, type HubDocTuning, type HubDoc } from '../shared/useHubDoc.js';
import { useSession } from '../shared/useSession.js';
import { Board } from './Board.js';
import type { BoardLink } from './BoardHeader.js';
import { joinUrl } from './joinUrl.js';
import { NoticeOverlay } from './NoticeOverlay.js';

/**
 * A projected scoreboard needs to notice a lost hub within seconds (the hall is looking at it) and
 * come back soon after; it only reads, so frequent heartbeats and short backoff cost the hub
 * little. A dead link is noticed after at most interval + timeout = 4 s.
 */
export const BOARD_TUNING: HubDocTuning = {
  heartbeatIntervalMs: 1_000,
  heartbeatTimeoutMs: 3_000,
  minBackoffMs: 500,
  maxBackoffMs: 3_000,
};

/** The projected scoreboard page: the live results, shown as the display document says. */
export function ScoreboardApp({ token }: { token: string }) {
  const session = useSession(token, 'scoreboard');
  const eventId = session.kind === 'ready' ? session.session.eventId : null;
  const results = useHubDoc(RESULTS_DOC, token, eventId, BOARD_TUNING);
  const display = useHubDoc(DISPLAY_DOC, token, eventId, BOARD_TUNING);
  // Notices for the scoreboards (control document), shown over the board.
  const control = useHubDoc(CONTROL_DOC, token, eventId, BOARD_TUNING);
  const board = useBoardData(results, display);

  if (session.kind === 'error' && session.final) {
    return (
      <div className="sb-message">
        <p role="alert">{session.message}</p>
      </div>
    );
  }
  const refusal = [results, display].find((d) => d?.status.state === 'refused')?.status.refusal;
  if (refusal) {
    return (
      <div className="sb-message">
        <p role="alert">{refusal}</p>
      </div>
    );
  }
  if (!board)
    return (
      <div className="sb-message" data-testid="board-loading">
        {session.kind === 'error' && <p role="status">{session.message}</p>}
      </div>
    );
  return (
    <div className="sb-screen">
      <Board
        {...board}
        joinUrl={joinUrl(session.kind === 'ready' ? session.session.hubUrl : null)}
      />
      <NoticeOverlay control={control} />
    </div>
  );
}

/** What the Board draws, from the two live documents; null until both are open. */
export function useBoardData(results: HubDoc | null, display: HubDoc | null) {
  // useHubDoc gives a new object on every change of its document, so these re-read exactly then.
  const standings = useMemo(() => (results ? readResults(results.doc) : null), [results]);
  const settings = useMemo(() => (display ? readDisplay(display.doc) : null), [display]);
  if (!results || !display || !standings || !settings) return null;
  return {
    results: standings,
    display: settings,
    hubOffsetMs: display.status.hubTimeOffsetMs ?? results.status.hubTimeOffsetMs ?? 0,
    link: boardLink([results, display]),
  };
}

/** Stale from when the first of the documents lost the hub, until every one is back. */
function boardLink(docs: HubDoc[]): BoardLink {
  const lost = docs.map((d) => d.status.disconnectedAt).filter((t): t is number => t !== null);
  return {
    staleSince: lost.length > 0 ? Math.min(...lost) : null,
    unreachable: lost.length === 0 && docs.some((d) => !d.status.synced),
  };
}
