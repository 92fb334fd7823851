import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CloseCode,
  EVENT_DOC,
  LINK_REPLACED_MESSAGE,
  readEvent,
  type AccessCard,
  type AccessOverview,
  type PairableRole,
} from '@judgehub/model';
import type { HubStore, TokenRecord } from '@judgehub/store';
import type { DocRegistry } from './DocRegistry.js';
import type { DeviceTracker } from './DeviceTracker.js';
import type { PinAttempts } from './PinAttempts.js';
import type { Logger } from './logger.js';
import { auditOrigin } from './access.js';
import { readJsonBody, requestToken, sendJson } from './httpJson.js';
import { handlePair } from './pairing.js';
import { checkToken, replaceLink } from './tokens.js';

export interface AccessContext {
  store: HubStore;
  registry: DocRegistry;
  devices: DeviceTracker;
  pinAttempts: PinAttempts;
  log: Logger;
  /** The hub's address as tablets on the venue network reach it, for links and QR codes. */
  hubUrl(req: IncomingMessage): { url: string; onVenueNetwork: boolean };
}

/** Device-list streams open at once; the organiser needs one or two, so more is a mistake. */
const MAX_STREAMS = 20;
const STREAM_REFRESH_MS = 5_000;
const openStreams = new WeakMap<DeviceTracker, number>();

/**
 * Pairing and the organiser's access page: `/api/pair`, `/api/access`, `/api/access/replace`,
 * `/api/devices` and its live stream `/api/devices/events` (docs/PROTOCOL.md, HTTP). Returns
 * false for other paths.
 */
export function handleAccessApi(
  ctx: AccessContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): boolean {
  switch (url.pathname) {
    case '/api/pair':
      handlePair(ctx, req, res);
      return true;
    case '/api/access':
      if (organiserOnly(ctx, req, res, url, 'GET')) sendJson(res, 200, overview(ctx, req));
      return true;
    case '/api/access/replace':
      if (organiserOnly(ctx, req, res, url, 'POST'))
        replace(ctx, req, res).catch((error: unknown) => {
          // A bug costs this request, never the hub.
          ctx.log.error('link.replace_failed', { error: String(error) });
          if (!res.headersSent) sendJson(res, 500, { error: 'The hub failed; try again.' });
        });
      return true;
    case '/api/devices':
      if (organiserOnly(ctx, req, res, url, 'GET')) sendJson(res, 200, ctx.devices.snapshot());
      return true;
    case '/api/devices/events':
      if (organiserOnly(ctx, req, res, url, 'GET')) stream(ctx, res);
      return true;
    default:
      return false;
  }
}

/** What an organiser-only endpoint says to a request it turns away. */
export interface OrganiserOnlyWords {
  /** 401: no valid token. */
  unsigned?: string;
  /** 403: a valid token of another role. */
  refused?: string;
  /** Also answer HEAD where GET is asked for (file downloads). */
  allowHead?: boolean;
}

/**
 * Lets the request through only with the right method and the organiser's token: 405, 401 (a
 * replaced link says so) or 403 (logged, never the token) otherwise. Every organiser endpoint
 * checks this way; only its words differ.
 */
export function organiserOnly(
  ctx: { store: HubStore; log: Logger },
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  method: 'GET' | 'POST',
  words: OrganiserOnlyWords = {},
): boolean {
  if (req.method !== method && !(words.allowHead && method === 'GET' && req.method === 'HEAD')) {
    sendJson(res, 405, { error: `Use ${method}.` }, { allow: method });
    return false;
  }
  const check = checkToken(ctx.store, requestToken(req, url));
  if (!check.ok) {
    sendJson(res, 401, {
      error:
        check.reason === 'replaced'
          ? LINK_REPLACED_MESSAGE
          : (words.unsigned ?? 'Open the organiser link the hub printed when it started.'),
    });
    return false;
  }
  if (check.principal.role !== 'organiser') {
    ctx.log.warn('access.refused', {
      path: url.pathname.slice(0, 100),
      who: auditOrigin(check.principal),
      address: req.socket.remoteAddress,
    });
    sendJson(res, 403, { error: words.refused ?? 'Only the organiser’s link opens this page.' });
    return false;
  }
  return true;
}

function overview(ctx: AccessContext, req: IncomingMessage): AccessOverview {
  const event = readEvent(ctx.registry.get(EVENT_DOC).doc);
  const hub = ctx.hubUrl(req);
  const names = new Map(event.judges.map((j) => [j.id, j.name]));
  const cards = ctx.store
    .listTokens()
    .filter((t) => t.role === 'judge' || t.role === 'scoreboard')
    .sort(
      (a, b) =>
        Number(a.role === 'judge') - Number(b.role === 'judge') ||
        (a.judgeId ?? '').localeCompare(b.judgeId ?? '', 'en', { numeric: true }),
    )
    .map((t) => card(t, hub.url, names));
  const head = ctx.store.listTokens().find((t) => t.role === 'head-judge');
  return {
    headJudge: head
      ? { name: head.label, url: `${hub.url}/head-judge?token=${encodeURIComponent(head.token)}` }
      : null,
    eventId: event.settings.id,
    eventName: event.settings.name,
    hubUrl: hub.url,
    onVenueNetwork: hub.onVenueNetwork,
    cards,
  };
}

function card(token: TokenRecord, hubUrl: string, names: Map<string, string>): AccessCard {
  const role: PairableRole = token.role === 'judge' ? 'judge' : 'scoreboard';
  return {
    role,
    judgeId: token.judgeId,
    name: (token.judgeId && names.get(token.judgeId)) || token.label,
    pin: token.pin,
    url: `${hubUrl}/${role}?token=${encodeURIComponent(token.token)}`,
  };
}

/** Revokes a judge's (or the scoreboard's) link, issues a new one, and cuts the old one off. */
async function replace(ctx: AccessContext, req: IncomingMessage, res: ServerResponse) {
  const read = await readJsonBody(req);
  if (!read.ok) return sendJson(res, read.status, { error: read.error });
  const body = (typeof read.body === 'object' && read.body !== null ? read.body : {}) as Record<
    string,
    unknown
  >;
  const { role, judgeId } = body;
  const target: { role: PairableRole; judgeId: string | null } | null =
    role === 'judge' && typeof judgeId === 'string' && judgeId.length <= 64
      ? { role, judgeId }
      : role === 'scoreboard' && (judgeId === null || judgeId === undefined)
        ? { role, judgeId: null }
        : null;
  if (!target)
    return sendJson(res, 400, {
      error: 'Say whose link to replace: {"role":"judge","judgeId":"J1"} or {"role":"scoreboard"}.',
    });
  const replaced = replaceLink(ctx.store, target.role, target.judgeId);
  if (!replaced)
    return sendJson(res, 404, {
      error: `There is no ${target.judgeId ? `judge ${target.judgeId}` : 'scoreboard'} link to replace.`,
    });
  const closed = ctx.devices.closeToken(
    replaced.revoked.token,
    CloseCode.Revoked,
    LINK_REPLACED_MESSAGE,
  );
  const who = auditOrigin({ role: target.role, judgeId: target.judgeId, label: '' });
  ctx.log.info('link.replaced', { who, closedConnections: closed });
  const names = new Map(
    readEvent(ctx.registry.get(EVENT_DOC).doc).judges.map((j) => [j.id, j.name]),
  );
  sendJson(res, 200, card(replaced.issued, ctx.hubUrl(req).url, names));
}

/** Server-sent events: the device list now, on every change, and every few seconds. */
function stream(ctx: AccessContext, res: ServerResponse): void {
  const open = openStreams.get(ctx.devices) ?? 0;
  if (open >= MAX_STREAMS) {
    sendJson(res, 503, { error: 'Too many organiser pages are open. Close one and reload.' });
    return;
  }
  openStreams.set(ctx.devices, open + 1);
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  const push = () => {
    if (res.destroyed || res.writableEnded) return;
    res.write(`event: devices\ndata: ${JSON.stringify(ctx.devices.snapshot())}\n\n`);
  };
  res.write('retry: 3000\n\n');
  push();
  const unsubscribe = ctx.devices.subscribe(push);
  // Keeps "last seen" fresh on the page and tells a dead proxy from a quiet hub.
  const refresh = setInterval(push, STREAM_REFRESH_MS);
  refresh.unref();
  // The response's close, not the request's: a GET's request side ends as soon as it is read.
  res.on('close', () => {
    openStreams.set(ctx.devices, (openStreams.get(ctx.devices) ?? 1) - 1);
    unsubscribe();
    clearInterval(refresh);
  });
}
