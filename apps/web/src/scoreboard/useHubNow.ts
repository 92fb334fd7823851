import { useEffect, useState } from 'react';

/**
 * The hub's clock, ticking every `intervalMs`: this device's time plus the offset measured at the
 * handshake. Screens derive rotation and pages from it, so two projectors with clocks a minute
 * apart still change category together.
 */
export function useHubNow(offsetMs: number, intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now + offsetMs;
}
