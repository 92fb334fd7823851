import { useEffect, useState } from 'react';
import { fetchSession, type Page, type SessionInfo } from './session.js';

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'ready'; session: SessionInfo }
  | { kind: 'error'; message: string; final: boolean };

/**
 * Who this token is. Remembered on the device so a judge can reopen the app while the hub is
 * unreachable; retried every few seconds until the hub answers.
 */
export function useSession(token: string, page: Page): SessionState {
  const cacheKey = `judgehub.session.${page}`;
  const [state, setState] = useState<SessionState>(() => {
    const cached = readCache(cacheKey, token);
    return cached ? { kind: 'ready', session: cached } : { kind: 'loading' };
  });
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = async () => {
      const result = await fetchSession(token);
      if (cancelled) return;
      if (result.ok) {
        localStorage.setItem(cacheKey, JSON.stringify({ token, session: result.session }));
        setState({ kind: 'ready', session: result.session });
      } else if (result.final) {
        localStorage.removeItem(cacheKey);
        setState({ kind: 'error', message: result.message, final: true });
      } else {
        setState((s) =>
          s.kind === 'ready' ? s : { kind: 'error', message: result.message, final: false },
        );
        timer = setTimeout(() => void attempt(), 3000);
      }
    };
    void attempt();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [token, cacheKey]);
  return state;
}

function readCache(key: string, token: string): SessionInfo | null {
  try {
    const cached = JSON.parse(localStorage.getItem(key) ?? 'null') as {
      token: string;
      session: SessionInfo;
    } | null;
    return cached && cached.token === token ? cached.session : null;
  } catch {
    return null;
  }
}
