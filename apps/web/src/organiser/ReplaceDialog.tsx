import type { AccessCard } from '@judgehub/model';
import { ConfirmDialog } from '../shared/ConfirmDialog.js';

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
  const whose = card.role === 'judge' ? `${card.name}’s` : 'the scoreboard’s';
  return (
    <ConfirmDialog
      title={`Replace ${whose} link?`}
      cancelLabel="Keep the current link"
      confirmLabel={busy ? 'Replacing…' : 'Replace link'}
      danger
      busy={busy}
      confirmTestId="confirm-replace"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        The current QR code, link and PIN stop working at once, and every device using them is
        signed out. Do this for a lost or stolen tablet.
      </p>
      <p>
        Values a signed-out tablet has not sent yet stay on it: they reach the hub when the judge
        signs in on that tablet again with the new QR code or PIN.
      </p>
    </ConfirmDialog>
  );
}
