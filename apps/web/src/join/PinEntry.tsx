import type { PairSuccess } from '@judgehub/model';
import { CodeKeypad } from '../shared/CodeKeypad.js';
import { pairWithPin } from './pairWithPin.js';

/** A judge's 6-digit PIN on the keypad; locked for as long as the hub says after wrong tries. */
export function PinEntry({ onPaired }: { onPaired: (pairing: PairSuccess) => void }) {
  return (
    <CodeKeypad
      label="PIN, 6 digits"
      inputTestId="pin-input"
      errorTestId="pin-error"
      submit={async (pin) => {
        const result = await pairWithPin(pin);
        if (!result.ok) return result;
        onPaired(result.pairing);
        return null;
      }}
    />
  );
}
