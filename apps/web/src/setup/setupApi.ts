import type { CreateEventRequest, CreateEventResponse, ScoredSummary } from '@judgehub/model';

export type ApiResult<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; problems?: { field: 'name' | 'id'; message: string }[] };

async function call<T>(token: string, path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  try {
    const res = await fetch(path, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as T & {
      error?: string;
      problems?: { field: 'name' | 'id'; message: string }[];
    };
    if (!res.ok)
      return {
        ok: false,
        message: body.error ?? `The hub answered ${res.status}.`,
        problems: body.problems,
      };
    return { ok: true, value: body };
  } catch {
    return { ok: false, message: 'Cannot reach the hub. Is it still running on this laptop?' };
  }
}

/** Creates the event on a hub that has none (the hub writes its structure, once). */
export function createEvent(
  token: string,
  request: CreateEventRequest,
): Promise<ApiResult<CreateEventResponse>> {
  return call(token, '/api/event', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
}

/** What has been scored so far, for the warnings before a change touches scored work. */
export function fetchScored(token: string): Promise<ApiResult<ScoredSummary>> {
  return call(token, '/api/event/scored');
}
