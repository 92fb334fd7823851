import type { CreateEventRequest, CreateEventResponse, ScoredSummary } from '@judgehub/model';

import { callHub } from '../shared/hubApi.js';

/** What the hub says is wrong with a field of the request (POST /api/event). */
export interface FieldProblem {
  field: 'name' | 'id';
  message: string;
}

export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; message: string; problems?: FieldProblem[] };

/** callHub, with the hub's per-field problems of a refused request kept for the form. */
async function call<T>(token: string, path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  const result = await callHub<T>(token, path, init);
  if (result.ok) return result;
  const problems = (result.body as { problems?: FieldProblem[] } | undefined)?.problems;
  return { ok: false, message: result.message, problems };
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
