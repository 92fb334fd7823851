import { CodeKeypad } from '../shared/CodeKeypad.js';
import { deviceId } from '../shared/session.js';

type Exchange =
  | { ok: true; token: string; name: string }
  | { ok: false; message: string; retryAfterSeconds: number | null };

/** A team's 6-digit code for its token, at the hub that served the page. */
async function exchangeCode(code: string): Promise<Exchange> {
  try {
    const res = await fetch('/api/team/code', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceId: deviceId() }),
    });
    const body = (await res.json()) as {
      token?: string;
      name?: string;
      error?: string;
      retryAfterSeconds?: number;
    };
    if (res.ok && typeof body.token === 'string')
      return { ok: true, token: body.token, name: body.name ?? '' };
    return {
      ok: false,
      message: body.error ?? `The hub answered ${res.status}. Try again.`,
      retryAfterSeconds: body.retryAfterSeconds ?? null,
    };
  } catch {
    return {
      ok: false,
      message: 'Cannot reach the hub. Check that you are on the venue Wi-Fi, then try again.',
      retryAfterSeconds: null,
    };
  }
}

/**
 * The team code, typed on big keys like a judge's PIN on /join (same look, same lockout on the
 * hub); sent as soon as the sixth digit is in.
 */
export function TeamCodeEntry({ onToken }: { onToken: (token: string) => void }) {
  return (
    <CodeKeypad
      label="Team code, 6 digits"
      inputTestId="team-code-input"
      errorTestId="team-code-error"
      submit={async (code) => {
        const result = await exchangeCode(code);
        if (result.ok) {
          onToken(result.token);
          return null;
        }
        // The hub's lockout is not counted down on this page (the judges' /join shows it).
        return { message: result.message, retryAfterSeconds: null };
      }}
    />
  );
}
