import { useEffect, useState } from 'react';
import type { DevicesSnapshot } from '@judgehub/model';

export interface DevicesState {
  snapshot: DevicesSnapshot | null;
  /** The hub's clock minus ours, so "3 min ago" is right even if this laptop's clock is not. */
  offsetMs: number;
  live: boolean;
}

/**
 * The hub's device list, pushed as server-sent events whenever a device connects, leaves or
 * reports, and every few seconds besides. EventSource reconnects by itself if the hub restarts.
 */
export function useDevices(token: string): DevicesState {
  const [state, setState] = useState<DevicesState>({ snapshot: null, offsetMs: 0, live: false });
  useEffect(() => {
    const source = new EventSource(`/api/devices/events?token=${encodeURIComponent(token)}`);
    source.addEventListener('devices', (event) => {
      try {
        const snapshot = JSON.parse((event as MessageEvent<string>).data) as DevicesSnapshot;
        setState({ snapshot, offsetMs: snapshot.hubTime - Date.now(), live: true });
      } catch {
        // A cut-off event: the next one replaces it.
      }
    });
    source.onerror = () => setState((s) => ({ ...s, live: false }));
    return () => source.close();
  }, [token]);
  return state;
}
