import type { AccessCard, AccessOverview, ReplaceLinkRequest } from '@judgehub/model';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; message: string };

const UNREACHABLE = 'Cannot reach the hub. Is it still running on this laptop?';

async function call<T>(token: string, path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  try {
    const res = await fetch(path, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as T & { error?: string };
    if (!res.ok) return { ok: false, message: body.error ?? `The hub answered ${res.status}.` };
    return { ok: true, value: body };
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
}

/** Everyone's sign-in link and PIN, with the hub's venue-network address. */
export function fetchAccess(token: string): Promise<ApiResult<AccessOverview>> {
  return call(token, '/api/access');
}

/** Revokes a judge's (or the scoreboard's) link and PIN and issues new ones. */
export function replaceLink(
  token: string,
  request: ReplaceLinkRequest,
): Promise<ApiResult<AccessCard>> {
  return call(token, '/api/access/replace', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
}
