import type { IncomingMessage, ServerResponse } from 'node:http';
import { EVENT_DOC, LINK_REPLACED_MESSAGE, readEvent } from '@judgehub/model';
import type { HubStore } from '@judgehub/store';
import type { DocRegistry } from './DocRegistry.js';
import { checkToken } from './tokens.js';
import { handleAccessApi, type AccessContext } from './accessApi.js';
import { handleEventApi } from './eventApi.js';
import { hubIdOf } from './hubId.js';
import { handleExportApi } from './exports/exportApi.js';
import { sendHealth } from './healthApi.js';
import { handleTeamApi } from './teamApi.js';

export interface ApiContext {
  store: HubStore;
  registry: DocRegistry;
  startedAt: number;
  connections: () => number;
  /** Pairing, the organiser's access page and the device list (accessApi.ts). */
  access: AccessContext;
}

/** Handles `/api/*`; returns false for paths it does not know. */
export function handleApi(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): boolean {
  if (url.pathname === '/health') {
    // For monitoring: counts and sizes only, no token needed (docs/THREAT_MODEL.md).
    sendHealth({ ...ctx, devices: ctx.access.devices }, res);
    return true;
  }
  if (url.pathname === '/api/session') {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ')
      ? header.slice('Bearer '.length)
      : url.searchParams.get('token');
    const check = checkToken(ctx.store, token);
    if (!check.ok) {
      json(res, 401, {
        error:
          check.reason === 'replaced'
            ? LINK_REPLACED_MESSAGE
            : 'This link is not valid on this hub. Ask the organiser for a new judge link or QR code.',
        code: check.reason,
      });
      return true;
    }
    const { principal } = check;
    const event = readEvent(ctx.registry.get(EVENT_DOC).doc);
    const venue = ctx.access.hubUrl(req);
    const judge = principal.judgeId
      ? event.judges.find((j) => j.id === principal.judgeId)
      : undefined;
    json(res, 200, {
      role: principal.role,
      judgeId: principal.judgeId,
      name: judge?.name ?? principal.label,
      eventId: event.settings.id,
      eventName: event.settings.name,
      // For the judges' join QR code on the scoreboard; null when only this laptop reaches it.
      hubUrl: venue.onVenueNetwork ? venue.url : null,
    });
    return true;
  }
  if (url.pathname === '/api/health') {
    json(res, 200, {
      status: 'ok',
      hubId: hubIdOf(ctx.store),
      uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000),
      connections: ctx.connections(),
      documents: ctx.registry.all().length,
      pendingUpdates: ctx.registry.pendingCount(),
      rssBytes: process.memoryUsage().rss,
    });
    return true;
  }
  if (handleAccessApi(ctx.access, req, res, url)) return true;
  if (handleExportApi(ctx, req, res, url)) return true;
  if (handleEventApi(ctx.access, req, res, url)) return true;
  if (handleTeamApi(ctx.access, req, res, url)) return true;
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
