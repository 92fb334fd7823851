import { useRef, useState } from 'react';
import { PIN_LENGTH } from '@judgehub/model';
import { deviceId } from '../shared/session.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

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
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (value: string) => {
    setBusy(true);
    setError(null);
    const result = await exchangeCode(value);
    setBusy(false);
    if (result.ok) return onToken(result.token);
    setCode('');
    setError(result.message);
  };
  const change = (next: string) => {
    if (busy) return;
    const digits = next.replace(/[^0-9]/g, '').slice(0, PIN_LENGTH);
    setCode(digits);
    if (digits.length > 0) setError(null);
    if (digits.length === PIN_LENGTH) void submit(digits);
  };
  const press = (key: (typeof KEYS)[number]) => {
    if (key === 'clear') change('');
    else if (key === 'back') change(code.slice(0, -1));
    else change(code + key);
  };

  return (
    <form
      className="pin-entry"
      onSubmit={(e) => {
        e.preventDefault();
        if (code.length === PIN_LENGTH && !busy) void submit(code);
      }}
    >
      <div className="pin-boxes" onClick={() => input.current?.focus()}>
        {Array.from({ length: PIN_LENGTH }, (_, i) => (
          <span
            key={i}
            className={`pin-box${i === code.length && !busy ? ' pin-box-next' : ''}`}
            aria-hidden
          >
            {code[i] ?? ''}
          </span>
        ))}
        <input
          ref={input}
          className="pin-input"
          data-testid="team-code-input"
          aria-label="Team code, 6 digits"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={PIN_LENGTH}
          value={code}
          disabled={busy}
          autoFocus={window.matchMedia?.('(pointer: fine)').matches ?? false}
          onChange={(e) => change(e.target.value)}
        />
      </div>
      {busy && (
        <p className="pin-status" role="status">
          Checking with the hub…
        </p>
      )}
      {error && (
        <p className="notice notice-error" role="alert" data-testid="team-code-error">
          {error}
        </p>
      )}
      <div className="keypad" role="group" aria-label="Keypad">
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            className={`key${key === 'clear' || key === 'back' ? ' key-action' : ''}`}
            disabled={busy}
            aria-label={key === 'back' ? 'Delete last digit' : key === 'clear' ? 'Clear' : key}
            onClick={() => press(key)}
          >
            {key === 'back' ? '⌫' : key === 'clear' ? 'Clear' : key}
          </button>
        ))}
      </div>
    </form>
  );
}
