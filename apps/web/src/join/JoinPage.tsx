import type { PairSuccess } from '@judgehub/model';
import { rememberToken } from '../shared/session.js';
import { HubAddressForm } from './HubAddressForm.js';
import { LinkForm } from './LinkForm.js';
import { PinEntry } from './PinEntry.js';

/**
 * Signing a tablet in (`/join`, and the start page): the PIN first, since that is what a judge
 * without a camera or a link has; then a pasted link, and the hub's address for a tablet that
 * opened the app from somewhere else.
 */
export function JoinPage({ problem }: { problem?: string }) {
  const paired = (pairing: PairSuccess) => {
    // Saved exactly as a judge link would save it, so the judge view finds it.
    rememberToken(pairing.role, pairing.token);
    location.assign(`/${pairing.role}`);
  };
  return (
    <main className="join">
      <header className="join-head">
        <h1>JudgeHub</h1>
        <p className="lead">Sign in on this tablet</p>
      </header>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <section className="panel join-pin" aria-labelledby="pin-title">
        <h2 id="pin-title">Enter your PIN</h2>
        <p className="hint">
          Each judge has a 6-digit PIN from the organiser. Or scan your QR code with the tablet’s
          camera.
        </p>
        <PinEntry onPaired={paired} />
      </section>
      <section className="panel join-other" aria-label="Other ways to sign in">
        <LinkForm />
        <HubAddressForm />
      </section>
    </main>
  );
}
