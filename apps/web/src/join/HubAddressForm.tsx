import { useState } from 'react';
import { parseHubAddress } from './hubAddress.js';

/**
 * Goes to another hub's join page by its address: for a tablet that opened the app from somewhere
 * else, or when the QR code is not at hand. Works with no hub reachable yet.
 */
export function HubAddressForm() {
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="stack-form"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parseHubAddress(address);
        if (parsed.ok) location.assign(parsed.joinUrl);
        else setError(parsed.message);
      }}
    >
      <label htmlFor="hub-address">Hub address</label>
      <div className="inline-form">
        <input
          id="hub-address"
          data-testid="hub-address"
          value={address}
          onChange={(e) => {
            setAddress(e.target.value);
            setError(null);
          }}
          placeholder="192.168.1.20:7420"
          inputMode="url"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
        />
        <button className="btn" type="submit">
          Go to hub
        </button>
      </div>
      <p className="hint">
        The organiser’s screen and the printed cards show it. This tablet must be on the same Wi-Fi.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
