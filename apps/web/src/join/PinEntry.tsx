import { useRef, useState } from 'react';
import { PIN_LENGTH, type PairSuccess } from '@judgehub/model';
import { useNow } from '../shared/ConnectionBadge.js';
import { pairWithPin } from './pairWithPin.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

/**
 * Six big digit boxes and a keypad sized for a thumb. Typing works too (the boxes are a real
 * input underneath); on touch screens the input is not focused by itself, so the tablet's own
 * keyboard does not cover the keypad. The PIN is sent as soon as the sixth digit is in.
 */
export function PinEntry({ onPaired }: { onPaired: (pairing: PairSuccess) => void }) {
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const now = useNow(1000);
  const locked = lockedUntil !== null && lockedUntil > now;

  const submit = async (value: string) => {
    setBusy(true);
    setError(null);
    const result = await pairWithPin(value);
    setBusy(false);
    if (result.ok) {
      onPaired(result.pairing);
      return;
    }
    setPin('');
    setError(result.message);
    setLockedUntil(
      result.retryAfterSeconds === null ? null : secondsFromNow(result.retryAfterSeconds),
    );
  };

  const change = (next: string) => {
    if (busy || locked) return;
    const digits = next.replace(/[^0-9]/g, '').slice(0, PIN_LENGTH);
    setPin(digits);
    if (digits.length > 0) setError(null);
    if (digits.length === PIN_LENGTH) void submit(digits);
  };

  const press = (key: (typeof KEYS)[number]) => {
    if (key === 'clear') change('');
    else if (key === 'back') change(pin.slice(0, -1));
    else change(pin + key);
  };

  return (
    <form
      className="pin-entry"
      onSubmit={(e) => {
        e.preventDefault();
        if (pin.length === PIN_LENGTH && !busy && !locked) void submit(pin);
      }}
    >
      <div className="pin-boxes" onClick={() => input.current?.focus()}>
        {Array.from({ length: PIN_LENGTH }, (_, i) => (
          <span
            key={i}
            className={`pin-box${i === pin.length && !busy ? ' pin-box-next' : ''}`}
            aria-hidden
          >
            {pin[i] ?? ''}
          </span>
        ))}
        <input
          ref={input}
          className="pin-input"
          data-testid="pin-input"
          aria-label="PIN, 6 digits"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={PIN_LENGTH}
          value={pin}
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
        <p className="notice notice-error" role="alert" data-testid="pin-error">
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
