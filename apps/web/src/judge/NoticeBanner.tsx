import { useMemo, useState } from 'react';
import { noticesFor, readNotices } from '@judgehub/model';
import type { HubDoc } from '../shared/useHubDoc.js';

/** Dismissed notice ids, per device and event: dismissing on this tablet hides it only here. */
function dismissedKey(eventId: string): string {
  return `judgehub.notices.dismissed.${eventId}`;
}

function readDismissed(eventId: string): Set<string> {
  try {
    const ids = JSON.parse(localStorage.getItem(dismissedKey(eventId)) ?? '[]') as unknown;
    return new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * Notices from the organiser or head judge to this judge (or to all judges), big enough to read
 * at arm's length, until the judge taps OK. A notice sent while the tablet was away appears as
 * soon as it syncs again.
 */
export function NoticeBanner({
  control,
  judgeId,
  eventId,
}: {
  control: HubDoc | null;
  judgeId: string;
  eventId: string;
}) {
  const [dismissed, setDismissed] = useState(() => readDismissed(eventId));
  const notices = useMemo(
    () => (control ? noticesFor(readNotices(control.doc), { kind: 'judge', judgeId }) : []),
    [control, judgeId],
  );
  const shown = notices.filter((n) => !dismissed.has(n.id));
  if (shown.length === 0) return null;

  const dismiss = (id: string) => {
    const next = new Set(dismissed).add(id);
    // Only ids still in the document are worth keeping.
    const live = new Set(notices.map((n) => n.id));
    localStorage.setItem(
      dismissedKey(eventId),
      JSON.stringify([...next].filter((x) => live.has(x))),
    );
    setDismissed(next);
  };

  return (
    <div className="notice-banners" role="region" aria-label="Notices">
      {shown.map((notice) => (
        <div key={notice.id} className="notice-banner" role="alert" data-testid="notice-banner">
          <div className="notice-banner-main">
            <span className="notice-banner-from">
              {notice.to === 'judges' ? 'To all judges' : 'To you'} from {notice.by} ·{' '}
              {new Date(notice.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
            </span>
            <p className="notice-banner-text">{notice.text}</p>
          </div>
          <button
            className="btn btn-primary notice-banner-ok"
            type="button"
            onClick={() => dismiss(notice.id)}
          >
            OK
          </button>
        </div>
      ))}
    </div>
  );
}
