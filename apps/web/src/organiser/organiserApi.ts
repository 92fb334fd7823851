import type { AccessCard, AccessOverview, ReplaceLinkRequest } from '@judgehub/model';

import { callHub, type ApiResult } from '../shared/hubApi.js';

export type { ApiResult };

/** Everyone's sign-in link and PIN, with the hub's venue-network address. */
export function fetchAccess(token: string): Promise<ApiResult<AccessOverview>> {
  return callHub(token, '/api/access');
}

/** Revokes a judge's (or the scoreboard's) link and PIN and issues new ones. */
export function replaceLink(
  token: string,
  request: ReplaceLinkRequest,
): Promise<ApiResult<AccessCard>> {
  return callHub(token, '/api/access/replace', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
}
