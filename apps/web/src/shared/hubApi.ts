/** The answer of one of the hub's JSON endpoints, or why there is none, in words for the page. */
export type ApiResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      message: string;
      /** The hub's JSON answer to a refused request, for endpoints that say more than `error`. */
      body?: unknown;
    };

export const UNREACHABLE = 'Cannot reach the hub. Is it still running on this laptop?';

/**
 * Calls a hub endpoint with this page's token (in a header, never in the address). A refusal
 * carries the hub's `error` text; a hub that cannot be reached says so.
 */
export async function callHub<T>(
  token: string,
  path: string,
  init: RequestInit = {},
): Promise<ApiResult<T>> {
  try {
    const res = await fetch(path, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as T & { error?: string };
    if (!res.ok)
      return { ok: false, message: body.error ?? `The hub answered ${res.status}.`, body };
    return { ok: true, value: body };
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
}
