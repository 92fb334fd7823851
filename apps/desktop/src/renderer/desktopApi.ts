import { useEffect, useState } from 'react';
import { API_GLOBAL, type DesktopApi, type DesktopState } from '../shared/contract.js';

/** The preload's `window.judgehub`, or null when this page is opened outside the app. */
export function findDesktopApi(): DesktopApi | null {
  const api = (window as unknown as Record<string, unknown>)[API_GLOBAL];
  return typeof api === 'object' && api !== null ? (api as DesktopApi) : null;
}

/** The main process's state, kept current by its pushes. */
export function useDesktopState(api: DesktopApi): DesktopState | null {
  const [state, setState] = useState<DesktopState | null>(null);
  useEffect(() => {
    let live = true;
    const unsubscribe = api.onState((next) => {
      if (live) setState(next);
    });
    void api.getState().then((first) => {
      // A push that arrived meanwhile is newer than this answer.
      if (live) setState((current) => current ?? first);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);
  return state;
}
