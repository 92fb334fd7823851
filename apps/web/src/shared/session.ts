import { uuidv4 } from 'lib0/random';

/**
 * Access tokens arrive in the link (`?token=…`). We keep the last one per page in localStorage so
 * that a judge who reopens the app without the link is still signed in, and drop it from the
 * address bar so it is not shown over someone's shoulder.
 */
export type Page = 'judge' | 'scoreboard' | 'organiser' | 'head-judge' | 'team';

/** This build's version, reported to the hub for the organiser's device list. */
export const APP_VERSION: string = __JUDGEHUB_VERSION__;

export function tokenFor(page: Page): string | null {
  const key = `judgehub.token.${page}`;
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    localStorage.setItem(key, fromUrl);
    params.delete('token');
    const query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? `?${query}` : '') + location.hash);
    return fromUrl;
  }
  return localStorage.getItem(key);
}

/** Which page's token a path's `?token=` is: the organiser's pages share one. */
export function pageForPath(pathname: string): Page | null {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/judge' || path === '/scoreboard' || path === '/head-judge' || path === '/team')
    return path.slice(1) as Page;
  if (path === '/organiser' || path.startsWith('/organiser/')) return 'organiser';
  return null;
}

/**
 * Keeps the link's token before anything renders: React renders after the page's load event, and
 * a person (or a test) who opens a link and moves on at once must still be signed in.
 */
export function keepLinkToken(): void {
  const page = pageForPath(location.pathname);
  if (page) tokenFor(page);
}

export function forgetToken(page: Page): void {
  localStorage.removeItem(`judgehub.token.${page}`);
}

/** Signs this device in as a token got another way than a link (a PIN). */
export function rememberToken(page: Page, token: string): void {
  localStorage.setItem(`judgehub.token.${page}`, token);
}

/** A stable id for this browser install, recorded with every value it commits. */
export function deviceId(): string {
  // Not crypto.randomUUID: that exists only on https, and venue tablets often use plain http.
  const key = 'judgehub.device';
  let id = localStorage.getItem(key);
  if (!id) {
    id = uuidv4();
    localStorage.setItem(key, id);
  }
  return id;
}

export interface SessionInfo {
  role: string;
  judgeId: string | null;
  name: string;
  eventId: string;
  eventName: string;
  /** The hub on the venue network (e.g. `http://192.168.1.20:7420`), if it found one. */
  hubUrl?: string | null;
}

export type SessionResult =
  { ok: true; session: SessionInfo } | { ok: false; message: string; final: boolean };

/** Asks the hub who this token belongs to. */
export async function fetchSession(token: string): Promise<SessionResult> {
  try {
    const res = await fetch('/api/session', { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as SessionInfo & { error?: string };
    if (!res.ok)
      return {
        ok: false,
        message: body.error ?? `The hub answered ${res.status}.`,
        final: res.status === 401,
      };
    return { ok: true, session: body };
  } catch {
    return {
      ok: false,
      message: 'Cannot reach the hub. Check the Wi-Fi; this page retries by itself.',
      final: false,
    };
  }
}

export const syncUrl = (): string =>
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
