import { useMemo, useState } from 'react';
import {
  NOTICE_MAX_LENGTH,
  audienceLabel,
  controlMaps,
  readNotices,
  sendNotice,
  withdrawNotice,
  type Judge,
  type NoticeAudience,
} from '@judgehub/model';
import type { HubDoc } from './useHubDoc.js';

/**
 * Sends a notice to one judge, every judge, or the scoreboards, through the control document,
 * and lists what was sent with a way to take it back. Used by the organiser's progress page and
 * usable by the head judge's review page (both may write the control document).
 */
export function NoticeComposer({
  control,
  judges,
  by,
}: {
  control: HubDoc | null;
  judges: readonly Judge[];
  /** Shown to readers as the sender, e.g. "Organiser". */
  by: string;
}) {
  const [to, setTo] = useState<string>('judges');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const sent = useMemo(() => (control ? readNotices(control.doc).reverse() : []), [control]);
  const nameOf = (id: string) => judges.find((j) => j.id === id)?.name ?? id;
  const activeJudges = judges.filter((j) => !j.removed);

  const send = () => {
    if (!control) return;
    const audience: NoticeAudience =
      to === 'judges' || to === 'scoreboards' ? to : { judgeId: to.slice('judge:'.length) };
    const result = sendNotice(control.doc, { to: audience, text, by });
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    setText('');
  };
  const left = NOTICE_MAX_LENGTH - text.trim().length;

  return (
    <section
      className="panel composer"
      aria-labelledby="composer-title"
      data-testid="notice-composer"
    >
      <h2 id="composer-title">Send a notice</h2>
      <form
        className="composer-form"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <label className="composer-field">
          <span>To</span>
          <select
            className="composer-to"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            data-testid="notice-to"
          >
            <option value="judges">All judges</option>
            <option value="scoreboards">The scoreboards</option>
            {activeJudges.map((j) => (
              <option key={j.id} value={`judge:${j.id}`}>
                {j.name} only
              </option>
            ))}
          </select>
        </label>
        <label className="composer-field">
          <span>Notice</span>
          <textarea
            className="composer-text"
            rows={3}
            value={text}
            placeholder="e.g. Lunch is served in the hall until 13:00."
            onChange={(e) => {
              setText(e.target.value);
              setProblem(null);
            }}
            data-testid="notice-text"
          />
        </label>
        <div className="composer-actions">
          <span className={`composer-count${left < 0 ? ' composer-over' : ''}`} aria-live="polite">
            {left >= 0 ? `${left} characters left` : `${-left} characters too many`}
          </span>
          <button
            className="btn btn-primary"
            type="submit"
            disabled={!control || text.trim() === '' || left < 0}
            data-testid="notice-send"
          >
            Send notice
          </button>
        </div>
        {problem && (
          <p className="notice notice-error" role="alert">
            {problem}
          </p>
        )}
      </form>
      {sent.length > 0 && (
        <ul className="composer-sent" aria-label="Notices sent">
          {sent.map((notice) => {
            const onHub = control?.sync.isMapEntryDurable(
              controlMaps(control.doc).notices,
              notice.id,
            );
            return (
              <li key={notice.id} className="composer-item" data-testid="notice-sent">
                <div className="composer-item-main">
                  <span className="composer-item-to">
                    {audienceLabel(notice.to, nameOf)} ·{' '}
                    {new Date(notice.at).toLocaleTimeString([], {
                      hour: '2-digit',
                      minute: '2-digit',
                    })}{' '}
                    · {onHub ? 'on the hub' : 'on this device, not yet on the hub'}
                  </span>
                  <span className="composer-item-text">{notice.text}</span>
                </div>
                <button
                  className="btn btn-light"
                  type="button"
                  onClick={() => control && withdrawNotice(control.doc, notice.id)}
                >
                  Withdraw
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
