import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CONTROL_DOC,
  EVENT_DOC,
  LINK_REPLACED_MESSAGE,
  RESULTS_DOC,
  hasEvent,
  isDeviceId,
  isPin,
  readEvent,
  readRelease,
  readResults,
  readAcceptedSheets,
  sheetsDocName,
  teamFeedback,
  type JudgingEvent,
  type ScoreSheet,
} from '@judgehub/model';
import type { HubStore, TokenRecord } from '@judgehub/store';
import { organiserOnly, type AccessContext } from './accessApi.js';
import type { DocRegistry } from './DocRegistry.js';
import { formatWait } from './PinAttempts.js';
import { readJsonBody, requestToken, sendJson } from './httpJson.js';
import { checkToken, newPin } from './tokens.js';
import { randomBytes } from 'node:crypto';

/**
 * Team codes and a team's own feedback (docs/PROTOCOL.md, HTTP):
 * - `GET /api/team/codes` (organiser): every team's code, link and QR text, for printing;
 * - `POST /api/team/code {code, deviceId}`: a team's 6-digit code exchanged for its token, with
 *   the same wrong-guess lockout as judges' PINs;
 * - `GET /api/team/feedback` (a team's token): its scores and comments, 403 until released.
 * A team token opens no Yjs document (access.ts): everything it sees is built here.
 */
export function handleTeamApi(
  ctx: AccessContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): boolean {
  switch (url.pathname) {
    case '/api/team/codes':
      codes(ctx, req, res, url);
      return true;
    case '/api/team/code':
      exchange(ctx, req, res).catch((error: unknown) => {
        // A bug costs this request, never the hub.
        ctx.log.error('team.code_failed', { error: String(error) });
        if (!res.headersSent) sendJson(res, 500, { error: 'The hub failed; try again.' });
      });
      return true;
    case '/api/team/feedback':
      feedback(ctx, req, res, url);
      return true;
    default:
      return false;
  }
}

/**
 * Issues a code (a team token with a 6-digit PIN) to every team of the event that has none:
 * at set-up, and whenever the organiser adds teams. Returns how many were issued.
 */
export function ensureTeamCodes(store: HubStore, event: JudgingEvent): number {
  const have = new Set(
    store
      .listTokens()
      .filter((t) => t.role === 'team')
      .map((t) => t.teamId),
  );
  let issued = 0;
  for (const team of event.teams) {
    if (have.has(team.id)) continue;
    store.addToken({
      token: randomBytes(18).toString('base64url'),
      role: 'team',
      judgeId: null,
      teamId: team.id,
      label: team.name,
      pin: newPin(store),
    });
    issued++;
  }
  return issued;
}

/** Keeps every team of the event with a code: now, and after each change of the event. */
export function watchTeamCodes(store: HubStore, registry: DocRegistry): () => void {
  const eventDoc = registry.get(EVENT_DOC).doc;
  let scheduled: NodeJS.Immediate | null = null;
  const ensure = () => {
    scheduled = null;
    if (hasEvent(eventDoc)) ensureTeamCodes(store, readEvent(eventDoc));
  };
  const onUpdate = () => (scheduled ??= setImmediate(ensure));
  ensure();
  eventDoc.on('update', onUpdate);
  return () => {
    eventDoc.off('update', onUpdate);
    if (scheduled) clearImmediate(scheduled);
  };
}

/** One printable team code. */
export interface TeamCodeCard {
  teamId: string;
  name: string;
  code: string | null;
  /** `http://<venue address>/team?token=…`. */
  url: string;
  withdrawn: boolean;
}

function codes(ctx: AccessContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const refused = 'Only the organiser’s link lists the team codes.';
  if (!organiserOnly(ctx, req, res, url, 'GET', { refused })) return;
  const event = readEvent(ctx.registry.get(EVENT_DOC).doc);
  const hub = ctx.hubUrl(req);
  const byTeam = new Map<string, TokenRecord>();
  for (const t of ctx.store.listTokens())
    if (t.role === 'team' && t.teamId) byTeam.set(t.teamId, t);
  const cards: TeamCodeCard[] = event.teams.flatMap((team) => {
    const token = byTeam.get(team.id);
    if (!token) return [];
    return [
      {
        teamId: team.id,
        name: team.name,
        code: token.pin,
        url: `${hub.url}/team?token=${encodeURIComponent(token.token)}`,
        withdrawn: team.withdrawn,
      },
    ];
  });
  sendJson(res, 200, {
    eventName: event.settings.name,
    hubUrl: hub.url,
    onVenueNetwork: hub.onVenueNetwork,
    cards,
  });
}

async function exchange(ctx: AccessContext, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST')
    return sendJson(res, 405, { error: 'Send the code with POST.' }, { allow: 'POST' });
  const address = req.socket.remoteAddress ?? 'unknown';
  const read = await readJsonBody(req);
  if (!read.ok) return sendJson(res, read.status, { error: read.error, code: 'bad-request' });
  const body = (typeof read.body === 'object' && read.body !== null ? read.body : {}) as Record<
    string,
    unknown
  >;
  if (!isDeviceId(body.deviceId))
    return sendJson(res, 400, {
      error: 'This page did not say which device it is. Reload the page.',
      code: 'bad-request',
    });
  if (!isPin(body.code))
    return sendJson(res, 400, {
      error: 'A team code is 6 digits. Type all six.',
      code: 'bad-request',
    });
  const allowed = ctx.pinAttempts.check(body.deviceId, address);
  if (!allowed.allowed) return locked(res, allowed.retryAfterMs);
  const record = ctx.store.tokens.findByPin(body.code);
  if (!record || record.role !== 'team' || !record.teamId) {
    const verdict = ctx.pinAttempts.failed(body.deviceId, address);
    ctx.log.warn('team.code_refused', { address, device: body.deviceId });
    if (verdict.locked) return locked(res, verdict.retryAfterMs);
    const tries = verdict.triesLeft === 1 ? '1 try' : `${verdict.triesLeft} tries`;
    return sendJson(res, 401, {
      error: `That code is not right. Check the 6 digits on your team’s sheet (${tries} left on this device).`,
      code: 'wrong-pin',
      triesLeft: verdict.triesLeft,
    });
  }
  ctx.pinAttempts.succeeded(body.deviceId, address);
  ctx.log.info('team.code_accepted', { team: record.teamId, address, device: body.deviceId });
  sendJson(res, 200, { token: record.token, teamId: record.teamId, name: record.label });
}

function locked(res: ServerResponse, retryAfterMs: number): void {
  const seconds = Math.ceil(retryAfterMs / 1000);
  sendJson(
    res,
    429,
    {
      error: `Too many wrong codes on this device. Try again in ${formatWait(retryAfterMs)}.`,
      code: 'locked',
      retryAfterSeconds: seconds,
    },
    { 'retry-after': String(seconds) },
  );
}

export const NOT_RELEASED_MESSAGE =
  'Results are not released yet. This page shows your feedback as soon as the organiser releases it.';

function feedback(ctx: AccessContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  if (req.method !== 'GET') return sendJson(res, 405, { error: 'Use GET.' }, { allow: 'GET' });
  const check = checkToken(ctx.store, requestToken(req, url));
  if (!check.ok)
    return sendJson(res, 401, {
      error:
        check.reason === 'replaced'
          ? LINK_REPLACED_MESSAGE
          : 'This team code is not valid on this hub. Check it with the organiser.',
      code: check.reason,
    });
  const teamId = check.record.teamId;
  if (check.principal.role !== 'team' || !teamId)
    return sendJson(res, 403, {
      error: 'This is not a team link. Open your team’s link or type your team code.',
      code: 'not-a-team',
    });
  const release = readRelease(ctx.registry.get(CONTROL_DOC).doc);
  if (!release.released)
    return sendJson(res, 403, { error: NOT_RELEASED_MESSAGE, code: 'not-released' });
  const event = readEvent(ctx.registry.get(EVENT_DOC).doc);
  const judges = new Set(
    event.assignments.filter((a) => a.teamId === teamId).map((a) => a.judgeId),
  );
  const sheets = new Map<string, ReadonlyMap<string, ScoreSheet>>();
  for (const judgeId of judges)
    sheets.set(
      judgeId,
      readAcceptedSheets(
        ctx.registry.get(sheetsDocName(judgeId)).doc,
        ctx.registry.get(RESULTS_DOC).doc,
        judgeId,
      ),
    );
  const results = readResults(ctx.registry.get(RESULTS_DOC).doc);
  const built = teamFeedback(event, teamId, sheets, (categoryId) =>
    results.categories
      .find((c) => c.categoryId === categoryId)
      ?.standings.find((s) => s.teamId === teamId),
  );
  if (!built)
    return sendJson(res, 404, {
      error: 'Your team is no longer in this event. Ask the organiser.',
      code: 'no-team',
    });
  sendJson(res, 200, { ...built, releasedAt: release.at });
}
