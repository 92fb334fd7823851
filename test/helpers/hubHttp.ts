import type { TestHub } from './testHubs.js';

export interface HubAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** A request to a test hub's HTTP API over a real socket, as a browser would send it. */
export async function hubRequest<T = Record<string, unknown>>(
  testHub: TestHub,
  path: string,
  init: {
    method?: string;
    token?: string | null;
    json?: unknown;
    body?: string;
    type?: string;
  } = {},
): Promise<HubAnswer<T>> {
  const headers: Record<string, string> = {};
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  if (init.json !== undefined || init.type)
    headers['content-type'] = init.type ?? 'application/json';
  const res = await fetch(`${testHub.hub.url}${path}`, {
    method: init.method ?? (init.json === undefined && init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.json === undefined ? init.body : JSON.stringify(init.json),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as T };
}

/** `POST /api/pair` from one device. */
export function pair(testHub: TestHub, pin: unknown, deviceId: unknown = 'tablet-a') {
  return hubRequest(testHub, '/api/pair', { json: { pin, deviceId } });
}
