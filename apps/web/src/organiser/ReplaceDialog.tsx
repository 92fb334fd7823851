import { useEffect, useRef } from 'react';
import type { AccessCard } from '@judgehub/model';

/** Asks before replacing a link: it signs a device out at once, which cannot be undone. */
export function ReplaceDialog({
  card,
  busy,
  onConfirm,
  onCancel,
}: {
  card: AccessCard;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  const whose = card.role === 'judge' ? `${card.name}’s` : 'the scoreboard’s';
  return (
    <div className="modal-backdrop" onClick={onCancel}>
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="replace-title"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="replace-title">Replace {whose} link?</h2>
        <p>
          The current QR code, link and PIN stop working at once, and every device using them is
          signed out. Do this for a lost or stolen tablet.
        </p>
        <p>
          Values a signed-out tablet has not sent yet stay on it: they reach the hub when the judge
          signs in on that tablet again with the new QR code or PIN.
        </p>
        <div className="modal-actions">
          <button ref={cancel} className="btn" type="button" onClick={onCancel} disabled={busy}>
            Keep the current link
          </button>
          <button
            className="btn btn-danger"
            type="button"
            data-testid="confirm-replace"
            onClick={onConfirm}
            disabled={busy}
          >
            {busy ? 'Replacing…' : 'Replace link'}
          </button>
        </div>
      </div>
    </div>
  );
}
