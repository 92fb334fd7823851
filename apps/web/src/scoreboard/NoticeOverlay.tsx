import { useMemo } from 'react';
import { noticesFor, readNotices } from '@judgehub/model';
import type { HubDoc } from '../shared/useHubDoc.js';

/** Notices on one screen at most: the newest ones, so the standings stay visible. */
const MAX_SHOWN = 2;

/**
 * Notices for the scoreboards, over the bottom of the board in large type until the organiser
 * withdraws them (a projector has nobody to tap OK).
 */
export function NoticeOverlay({ control }: { control: HubDoc | null }) {
  const notices = useMemo(
    () => (control ? noticesFor(readNotices(control.doc), { kind: 'scoreboard' }) : []),
    [control],
  );
  if (notices.length === 0) return null;
  return (
    <div className="sb-notices" role="status" aria-live="polite">
      {notices.slice(-MAX_SHOWN).map((notice) => (
        <p key={notice.id} className="sb-notice" data-testid="scoreboard-notice">
          {notice.text}
        </p>
      ))}
    </div>
  );
}
