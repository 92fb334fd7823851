import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HubStore } from '@judgehub/store';
import type { DocRegistry } from '../DocRegistry.js';
import type { Logger } from '../logger.js';
import { organiserOnly } from '../accessApi.js';
import { readJsonBody, sendJson } from '../httpJson.js';
import { ExportJobs } from './ExportJobs.js';
import {
  EXPORT_KINDS,
  KIND_INFO,
  buildExport,
  isExportKind,
  type ExportFile,
} from './exportKinds.js';
import { snapshotHub, submittedSheets } from './hubSnapshot.js';
import { yieldToHub } from './progress.js';

export interface ExportContext {
  store: HubStore;
  registry: DocRegistry;
  access: { log: Logger };
}

/** One job list per hub (keyed by its registry, which lives exactly as long as the hub). */
const jobsByHub = new WeakMap<DocRegistry, ExportJobs>();

/**
 * The organiser's exports over HTTP (docs/EXPORTS.md), organiser token only:
 * - `GET /api/exports`: what can be exported, and whether any sheet is submitted yet;
 * - `GET /api/export/<kind>`: builds the file and sends it (for scripts and curl);
 * - `POST /api/exports/jobs` `{kind}`: starts building it; `GET /api/exports/jobs/<id>` is its
 *   progress, `GET /api/exports/jobs/<id>/file` the file once done (the organiser's page).
 * Returns false for other paths.
 */
export function handleExportApi(
  ctx: ExportContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): boolean {
  const path = url.pathname;
  if (
    path !== '/api/exports' &&
    !path.startsWith('/api/exports/') &&
    !path.startsWith('/api/export/')
  )
    return false;
  const post = path === '/api/exports/jobs';
  if (
    !organiserOnly(
      { store: ctx.store, log: ctx.access.log },
      req,
      res,
      url,
      post ? 'POST' : 'GET',
      EXPORT_ONLY,
    )
  )
    return true;
  const failed = (error: unknown) => {
    ctx.access.log.error('export.failed', { path: path.slice(0, 100), error: String(error) });
    if (!res.headersSent)
      sendJson(res, 500, { error: `The export failed: ${(error as Error).message}` });
  };
  if (path === '/api/exports') {
    overview(ctx, res);
    return true;
  }
  if (post) {
    startJob(ctx, req, res).catch(failed);
    return true;
  }
  const direct = /^\/api\/export\/([a-z-]+)$/.exec(path);
  if (direct) {
    const kind = direct[1];
    if (!isExportKind(kind)) {
      sendJson(res, 404, {
        error: `No export "${kind}". Choose one of: ${EXPORT_KINDS.join(', ')}.`,
      });
      return true;
    }
    const snap = snapshotHub(ctx.registry);
    if (!snap.ok) {
      sendJson(res, 409, { error: snap.message });
      return true;
    }
    // No one follows this one's progress, but the hub's sockets still get a turn between units.
    buildExport(kind, { snapshot: snap.snapshot, store: ctx.store }, yieldToHub)
      .then((file) => sendFile(res, file))
      .catch(failed);
    return true;
  }
  const job = /^\/api\/exports\/jobs\/([A-Za-z0-9_-]{1,40})(\/file)?$/.exec(path);
  if (job) {
    const jobs = jobsFor(ctx.registry);
    const state = jobs.state(job[1]!);
    if (!state) {
      sendJson(res, 404, {
        error: 'This export is no longer on the hub (they are kept 15 minutes): make it again.',
      });
      return true;
    }
    if (!job[2]) {
      sendJson(res, 200, state);
      return true;
    }
    const file = jobs.file(job[1]!);
    if (!file) sendJson(res, 409, { error: state.error ?? 'This export is not finished yet.' });
    else sendFile(res, file);
    return true;
  }
  sendJson(res, 404, { error: `no API endpoint ${path}` });
  return true;
}

function jobsFor(registry: DocRegistry): ExportJobs {
  let jobs = jobsByHub.get(registry);
  if (!jobs) jobsByHub.set(registry, (jobs = new ExportJobs()));
  return jobs;
}

function overview(ctx: ExportContext, res: ServerResponse): void {
  const snap = snapshotHub(ctx.registry);
  if (!snap.ok) {
    sendJson(res, 409, { error: snap.message });
    return;
  }
  const { submitted, assigned } = submittedSheets(snap.snapshot);
  sendJson(res, 200, {
    eventId: snap.snapshot.event.settings.id,
    eventName: snap.snapshot.event.settings.name,
    sheetsSubmitted: submitted,
    sheetsAssigned: assigned,
    kinds: EXPORT_KINDS.map((kind) => ({
      kind,
      label: KIND_INFO[kind].label,
      contains: KIND_INFO[kind].contains,
      long: KIND_INFO[kind].long,
      unit: KIND_INFO[kind].unit,
      extension: KIND_INFO[kind].extension,
    })),
  });
}

async function startJob(
  ctx: ExportContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readJsonBody(req);
  if (!body.ok) {
    sendJson(res, body.status, { error: body.error });
    return;
  }
  const kind = (body.body as { kind?: unknown } | null)?.kind;
  if (!isExportKind(kind)) {
    sendJson(res, 400, { error: `Say which export: "kind" is one of ${EXPORT_KINDS.join(', ')}.` });
    return;
  }
  const snap = snapshotHub(ctx.registry);
  if (!snap.ok) {
    sendJson(res, 409, { error: snap.message });
    return;
  }
  const started = jobsFor(ctx.registry).start(kind, { snapshot: snap.snapshot, store: ctx.store });
  if (!started.ok) sendJson(res, 429, { error: started.error });
  else sendJson(res, 202, started.job);
}

function sendFile(res: ServerResponse, file: ExportFile): void {
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': String(file.bytes.byteLength),
    // Event ids are letters, digits, _ and -: the name needs no escaping.
    'content-disposition': `attachment; filename="${file.filename}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

/** Exports' own words for organiserOnly; a download also answers HEAD. */
const EXPORT_ONLY = {
  unsigned: 'Exports need the organiser link the hub printed when it started.',
  refused: 'Exports are for the organiser only: open the organiser link.',
  allowHead: true,
};
