import { useRef, useState } from 'react';
import { PIN_LENGTH } from '@judgehub/model';
import { useNow } from './ConnectionBadge.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

/** Why the hub refused a code; `retryAfterSeconds`: the keypad is locked that long. */
export interface CodeRefusal {
  message: string;
  retryAfterSeconds: number | null;
}

/**
 * Six big digit boxes and a keypad sized for a thumb, for a judge's PIN (/join) and a team's code
 * (/team). Typing works too (the boxes are a real input underneath); on touch screens the input is
 * not focused by itself, so the tablet's own keyboard does not cover the keypad. The code is sent
 * as soon as the sixth digit is in; `submit` resolves null once it was accepted.
 */
export function CodeKeypad({
  label,
  inputTestId,
  errorTestId,
  submit: send,
}: {
  label: string;
  inputTestId: string;
  errorTestId: string;
  submit: (code: string) => Promise<CodeRefusal | null>;
}) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const now = useNow(1000);
  const locked = lockedUntil !== null && lockedUntil > now;

  const submit = async (value: string) => {
    setBusy(true);
    setError(null);
    const refusal = await send(value);
    setBusy(false);
    if (!refusal) return;
    setCode('');
    setError(refusal.message);
    setLockedUntil(
      refusal.retryAfterSeconds === null ? null : secondsFromNow(refusal.retryAfterSeconds),
    );
  };

  const change = (next: string) => {
    if (busy || locked) return;
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
        if (code.length === PIN_LENGTH && !busy && !locked) void submit(code);
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
          data-testid={inputTestId}
          aria-label={label}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={PIN_LENGTH}
          value={code}
          disabled={busy || locked}
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
        <p className="notice notice-error" role="alert" data-testid={errorTestId}>
          {error}
        </p>
      )}
      {locked && lockedUntil !== null && (
        <p className="pin-status" role="status" data-testid="pin-locked">
          Keypad locked for {clock(lockedUntil - now)}
        </p>
      )}
      <div className="keypad" role="group" aria-label="Keypad">
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            className={`key${key === 'clear' || key === 'back' ? ' key-action' : ''}`}
            disabled={busy || locked}
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

/** 272 000 ms → "4:32". */
function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function secondsFromNow(seconds: number): number {
  return Date.now() + seconds * 1000;
}
