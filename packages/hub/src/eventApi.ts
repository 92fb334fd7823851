import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  EVENT_DOC,
  hasEvent,
  isEntityId,
  readEvent,
  readSettings,
  readSheets,
  scoredSummary,
  sheetsDocName,
  type CreateEventRequest,
  type ScoreSheet,
} from '@judgehub/model';
import { organiserOnly, type AccessContext } from './accessApi.js';
import { setUpEvent } from './eventSetup.js';
import { readJsonBody, sendJson } from './httpJson.js';

const MAX_NAME = 200;

/**
 * The organiser's event setup over HTTP (docs/PROTOCOL.md, HTTP):
 * - `POST /api/event` `{ name, id }` creates the event on a hub that has none: the hub writes
 *   the event document's structure once (setUpEvent) and issues the head judge's and the
 *   scoreboard's links. Every later edit is the organiser's own write to the `event` document.
 * - `GET /api/event/scored` says what has been scored so far (sheets per team and category,
 *   values per criterion), so the setup page can warn before a change touches scored work.
 * Returns false for other paths.
 */

/** The setup endpoints' words for organiserOnly. */
const SETUP_ONLY = { refused: 'Only the organiser’s link may set up the event.' };

export function handleEventApi(
  ctx: AccessContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): boolean {
  switch (url.pathname) {
    case '/api/event':
      if (organiserOnly(ctx, req, res, url, 'POST', SETUP_ONLY))
        create(ctx, req, res).catch((error: unknown) => {
          ctx.log.error('event.create_failed', { error: String(error) });
          if (!res.headersSent) sendJson(res, 500, { error: 'The hub failed; try again.' });
        });
      return true;
    case '/api/event/scored':
      if (organiserOnly(ctx, req, res, url, 'GET', SETUP_ONLY)) sendJson(res, 200, scored(ctx));
      return true;
    default:
      return false;
  }
}

async function create(ctx: AccessContext, req: IncomingMessage, res: ServerResponse) {
  const read = await readJsonBody(req);
  if (!read.ok) return sendJson(res, read.status, { error: read.error });
  const body = (typeof read.body === 'object' && read.body !== null ? read.body : {}) as Partial<
    Record<keyof CreateEventRequest, unknown>
  >;
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  const id = typeof body.id === 'string' ? body.id.trim() : '';
  const problems: { field: 'name' | 'id'; message: string }[] = [];
  if (!name) problems.push({ field: 'name', message: 'Give the event a name.' });
  else if (name.length > MAX_NAME)
    problems.push({ field: 'name', message: `At most ${MAX_NAME} characters.` });
  if (!isEntityId(id))
    problems.push({
      field: 'id',
      message: 'Use 1–64 letters, digits, _ and - (no spaces), e.g. riverside-2026.',
    });
  if (problems.length > 0)
    return sendJson(res, 400, { error: problems.map((p) => p.message).join(' '), problems });
  const doc = ctx.registry.get(EVENT_DOC).doc;
  if (hasEvent(doc))
    return sendJson(res, 409, {
      error: `This hub already runs the event “${readSettings(doc).name}”. Reload the page.`,
    });
  const result = setUpEvent(ctx, {
    settings: { id, name },
    categories: [],
    teams: [],
    judges: [],
    assignments: [],
  });
  if (!result.ok) return sendJson(res, 400, { error: result.problems.join('; ') });
  ctx.log.info('event.created', { eventId: id, source: 'organiser' });
  sendJson(res, 201, { eventId: id, eventName: name });
}

function scored(ctx: AccessContext) {
  const event = readEvent(ctx.registry.get(EVENT_DOC).doc);
  const byJudge = new Map<string, ReadonlyMap<string, ScoreSheet>>();
  for (const judge of event.judges)
    byJudge.set(judge.id, readSheets(ctx.registry.get(sheetsDocName(judge.id)).doc));
  return scoredSummary(byJudge);
}
