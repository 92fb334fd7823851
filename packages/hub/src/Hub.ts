import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  CONTROL_DOC,
  EVENT_DOC,
  RESULTS_DOC,
  parseDocName,
  readEvent,
  readSettings,
} from '@judgehub/model';
import { HubStore } from '@judgehub/store';
import { DocRegistry } from './DocRegistry.js';
import { ResultsUpdater } from './ResultsUpdater.js';
import { LockGuard } from './lockGuard.js';
import { Connection } from './Connection.js';
import { auditOrigin, rightsFor } from './access.js';
import { checkToken, ensurePins } from './tokens.js';
import { watchJudgeTokens } from './judgeTokens.js';
import { DeviceTracker } from './DeviceTracker.js';
import { PinAttempts } from './PinAttempts.js';
import { venueUrl } from './venueUrl.js';
import type { AccessContext } from './accessApi.js';
import { closeReason } from './closeReason.js';
import { handleApi } from './httpApi.js';
import { serveStatic } from './staticFiles.js';
import {
  CloseCode,
  LINK_REPLACED_MESSAGE,
  PROTOCOL_VERSION,
  isAppVersion,
  isDeviceId,
} from '@judgehub/model';
import { createLogger, type Logger } from './logger.js';
import { connectionLimits, type ConnectionLimits } from './connectionLimits.js';
import { writeCheckFor } from './writeCheck.js';
import { createHubServer, type HubTls } from './hubServer.js';
import { hubIdOf } from './hubId.js';
import { watchTeamCodes } from './teamApi.js';

export interface HubOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** The built web UI (apps/web/dist); null serves a "not built" notice. */
  webRoot?: string | null;
  log?: Logger;
  /** Largest WebSocket message accepted; larger closes the connection with 1009. */
  maxPayloadBytes?: number;
  /** Compact a document's log into a snapshot after this many rows. */
  compactAfter?: number;
  /** Per-connection rate and size limits; unset ones keep DEFAULT_CONNECTION_LIMITS. */
  limits?: Partial<ConnectionLimits>;
  /** Serve https and wss on the same port instead of http and ws. */
  tls?: HubTls;
}

export interface RunningHub {
  port: number;
  /** `http://127.0.0.1:<port>` (`https://` with TLS) — for local use and tests. */
  url: string;
  /** Served over TLS (https, wss). */
  secure: boolean;
  store: HubStore;
  registry: DocRegistry;
  generation: number;
  /** Stable id of this data folder's hub (advertised over mDNS, shown in /api/health). */
  hubId: string;
  /** Damaged stored rows set aside while loading at this start (see the quarantine table). */
  quarantined: number;
  connectionCount(): number;
  close(): Promise<void>;
}

// A reconnecting tablet sends its whole backlog in one sync message (~250 bytes per score entry),
// so the cap must fit a long day of offline scoring: 8 MiB is ~30,000 entries.
export const DEFAULT_MAX_PAYLOAD = 8 * 1024 * 1024;
const PING_INTERVAL_MS = 30_000;

/**
 * Starts a hub on a data folder: opens and checks the SQLite file, loads the documents, derives
 * results, and only then listens (DESIGN.md, Durability).
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const log = options.log ?? createLogger();
  const store = HubStore.open(options.dataDir);
  const problems = store.integrityProblems();
  if (problems.length > 0) {
    store.close();
    throw new Error(
      `The database in ${options.dataDir} failed its integrity check: ${problems.slice(0, 3).join('; ')}. Restore it from a backup.`,
    );
  }
  const generation = Number(store.getMeta('generation') ?? '0') + 1;
  store.setMeta('generation', String(generation));
  const hubId = hubIdOf(store);

  const registry = new DocRegistry(store, log, options.compactAfter);
  // Runs once the port is bound and before the first connection is taken (see listen below).
  let results = null as ResultsUpdater | null;
  let lockGuard = null as LockGuard | null;
  const loadEverything = () => {
    // The control document too: the lock check reads it for every judge's update, and loading it
    // then, from a disk that fails, cost the judge's connection.
    for (const name of [EVENT_DOC, RESULTS_DOC, CONTROL_DOC, ...store.listDocs()])
      registry.get(name);
    results = new ResultsUpdater(registry);
    // Before any connection: what a judge sends for a locked sheet is held aside (lockGuard.ts).
    lockGuard = new LockGuard(registry, log);
    registry.flush();
  };
  // The event's judges, read again only when the event changes: reading the whole event for every
  // connecting tablet made a reconnect storm of a large event CPU-bound (docs/PERFORMANCE.md).
  let eventJudges: Set<string> | null = null;
  registry.get(EVENT_DOC).doc.on('update', () => (eventJudges = null));
  const isEventJudge = (judgeId: string): boolean =>
    (eventJudges ??= new Set(readEvent(registry.get(EVENT_DOC).doc).judges.map((j) => j.id))).has(
      judgeId,
    );
  // Judges the organiser adds on the setup page get their sign-in link as the change is stored.
  const stopJudgeTokens = watchJudgeTokens(registry, store, log);
  // Tokens issued before PINs existed get one now, so every judge can pair by PIN.
  ensurePins(store);
  // Every team has a code for its feedback, also teams the organiser adds later.
  const stopTeamCodes = watchTeamCodes(store, registry);
  const devices = new DeviceTracker();

  const startedAt = Date.now();
  const connections = new Set<Connection>();
  const limits = connectionLimits(options.limits);
  const access: AccessContext = {
    store,
    registry,
    devices,
    pinAttempts: new PinAttempts(),
    log,
    hubUrl: (req) => {
      const venue = venueUrl(
        options.host ?? '0.0.0.0',
        (server.address() as AddressInfo).port,
        req,
      );
      // The same address, served over TLS when the hub has a certificate.
      return options.tls ? { ...venue, url: venue.url.replace(/^http:/, 'https:') } : venue;
    },
  };
  const server = createHubServer(options.tls, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    if (
      handleApi(
        { store, registry, startedAt, connections: () => connections.size, access },
        req,
        res,
        url,
      )
    )
      return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    serveStatic(options.webRoot ?? null, req, res, url.pathname);
  });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD,
  });

  // A tablet that vanished without closing (walked out of Wi-Fi range) is found by a missed pong.
  const alive = new WeakMap<WebSocket, boolean>();
  const reaper = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, PING_INTERVAL_MS);
  reaper.unref();

  server.on('upgrade', (req, socket: Socket, head) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    if (!url.pathname.startsWith('/sync/')) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      try {
        accept(ws, url, req.socket.remoteAddress ?? 'unknown');
      } catch (error) {
        // A bug must cost one connection, never the hub.
        log.error('connection.failed', { path: url.pathname.slice(0, 100), error: String(error) });
        ws.terminate();
      }
    });
  });

  function accept(ws: WebSocket, url: URL, remoteAddress: string): void {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    const refuse = (code: number, reason: string, fields: Record<string, unknown> = {}) => {
      log.warn('connection.refused', {
        path: url.pathname.slice(0, 100),
        address: remoteAddress,
        code,
        reason,
        ...fields,
      });
      ws.close(code, closeReason(reason));
    };
    let docName: string;
    try {
      docName = decodeURIComponent(url.pathname.slice('/sync/'.length));
    } catch {
      return refuse(CloseCode.UnknownDocument, 'document name is not valid');
    }
    const doc = parseDocName(docName);
    if (!doc)
      return refuse(CloseCode.UnknownDocument, `no document "${docName.slice(0, 60)}" on this hub`);
    const check = checkToken(store, url.searchParams.get('token'));
    if (!check.ok)
      return check.reason === 'replaced'
        ? refuse(CloseCode.Revoked, LINK_REPLACED_MESSAGE)
        : refuse(
            CloseCode.Unauthorized,
            'missing or unknown token: open your judge link again or ask the organiser',
          );
    const { principal } = check;
    const rights = rightsFor(principal, doc);
    const who = auditOrigin(principal);
    if (!rights.read) return refuse(CloseCode.Forbidden, `${who} may not open ${docName}`, { who });
    if (doc.kind === 'sheets' && !isEventJudge(doc.judgeId)) {
      return refuse(CloseCode.UnknownDocument, `no judge "${doc.judgeId}" in this event`, { who });
    }
    const room = registry.get(docName);
    const connection: Connection = new Connection(ws, {
      room,
      submit: (update) => registry.submit(room, update, connection),
      checkWrite: lockGuard!.guard(writeCheckFor(principal, doc, room), doc),
      limits,
      canWrite: rights.write,
      origin: who,
      remoteAddress,
      log,
      handshake: {
        protocolVersion: PROTOCOL_VERSION,
        eventId: readSettings(registry.get(EVENT_DOC).doc).id,
        hubGeneration: generation,
        docName,
        role: principal.role,
        judgeId: principal.judgeId,
        canWrite: rights.write,
      },
    });
    connections.add(connection);
    const device = url.searchParams.get('device');
    const app = url.searchParams.get('app');
    devices.track({
      connection,
      ws,
      room,
      token: check.record.token,
      principal,
      deviceId: isDeviceId(device) ? device : null,
      appVersion: isAppVersion(app) ? app : null,
      address: remoteAddress,
    });
    ws.on('close', (code: number) => {
      connections.delete(connection);
      log.info('connection.closed', { doc: docName, who, address: remoteAddress, code });
    });
    log.info('connection.opened', {
      doc: docName,
      who,
      address: remoteAddress,
      canWrite: rights.write,
    });
  }

  // The port is bound first and every document loaded in the listening callback, which runs before
  // any connection is taken: nothing is served before it is all loaded, while tablets reconnecting
  // after a restart wait in the backlog instead of being refused and backing off for seconds
  // (docs/PERFORMANCE.md, reconnect storm).
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const listen = { port: options.port ?? 0, host: options.host ?? '0.0.0.0', backlog: 2048 };
    server.listen(listen, () => {
      server.off('error', reject);
      try {
        loadEverything();
        resolve();
      } catch (error) {
        server.close();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
  const port = (server.address() as AddressInfo).port;
  log.info('hub.listening', {
    port,
    generation,
    dataDir: options.dataDir,
    documents: registry.all().length,
    quarantined: registry.quarantined,
  });

  let closing: Promise<void> | null = null;
  return {
    port,
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    secure: options.tls !== undefined,
    store,
    registry,
    generation,
    hubId,
    quarantined: registry.quarantined,
    connectionCount: () => connections.size,
    close: () =>
      (closing ??= (async () => {
        clearInterval(reaper);
        stopJudgeTokens();
        results?.stop();
        stopTeamCodes();
        devices.close();
        for (const c of connections) c.close(CloseCode.HubShuttingDown, 'hub is shutting down');
        wss.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        registry.close();
        store.close();
        log.info('hub.stopped', { port });
      })()),
  };
}
