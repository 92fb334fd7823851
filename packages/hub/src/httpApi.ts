import type { IncomingMessage, ServerResponse } from 'node:http';
import { EVENT_DOC, readEvent } from '@judgehub/model';
import type { HubStore } from '@judgehub/store';
import type { DocRegistry } from './DocRegistry.js';
import { principalFor } from './tokens.js';

export interface ApiContext {
  store: HubStore;
  registry: DocRegistry;
  startedAt: number;
  connections: () => number;
}

/** Handles `/api/*`; returns false for paths it does not know. */
export function handleApi(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): boolean {
  if (url.pathname === '/api/session') {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ')
      ? header.slice('Bearer '.length)
      : url.searchParams.get('token');
    const principal = principalFor(ctx.store, token);
    if (!principal) {
      json(res, 401, {
        error:
          'This link is not valid on this hub. Ask the organiser for a new judge link or QR code.',
      });
      return true;
    }
    const event = readEvent(ctx.registry.get(EVENT_DOC).doc);
    const judge = principal.judgeId
      ? event.judges.find((j) => j.id === principal.judgeId)
      : undefined;
    json(res, 200, {
      role: principal.role,
      judgeId: principal.judgeId,
      name: judge?.name ?? principal.label,
      eventId: event.settings.id,
      eventName: event.settings.name,
    });
    return true;
  }
  if (url.pathname === '/api/health') {
    json(res, 200, {
      status: 'ok',
      uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000),
      connections: ctx.connections(),
      documents: ctx.registry.all().length,
      pendingUpdates: ctx.registry.pendingCount(),
      rssBytes: process.memoryUsage().rss,
    });
    return true;
  }
  if (url.pathname.startsWith('/api/')) {
    json(res, 404, { error: `no API endpoint ${url.pathname}` });
    return true;
  }
  return false;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(text);
}
