// The hub process of the desktop app: packages/hub in a process of its own, so better-sqlite3 and
// every socket live here and never in Electron's main process. Started by `utilityProcess.fork`
// in the app and by `child_process.fork` in tests; it waits for a `start` request, says `ready`
// (or `error` and exits 1), and on `stop` flushes, closes and exits 0.
import fs from 'node:fs';
import path from 'node:path';
import { EVENT_DOC, readSettings } from '@judgehub/model';
import {
  accessLinks,
  acquireLock,
  advertiseRunningHub,
  createLogger,
  describeHolder,
  ensureOrganiserToken,
  lanAddress,
  limitHeapGrowth,
  startHub,
  type HubAdvertising,
  type Logger,
  type RunningHub,
} from '@judgehub/hub';
import type { HubReadyInfo } from '../shared/hubState.js';
import {
  parseHubRequest,
  type HubErrorCode,
  type HubLaunchOptions,
  type HubLinks,
} from './hubMessages.js';
import { parentChannel, type ParentChannel } from './parentChannel.js';
import { classifyStartError } from './startErrors.js';

/** A log file past this size is rotated at start (one old file kept). */
const MAX_LOG_BYTES = 10 * 1024 * 1024;

interface Running {
  hub: RunningHub;
  options: HubLaunchOptions;
  advertising: HubAdvertising | null;
  log: Logger;
  releaseLock(): void;
  closeLog(): Promise<void>;
}

const channel = parentChannel(process as Parameters<typeof parentChannel>[0]);
if (channel) {
  // This process runs the hub and nothing else (packages/hub heapGrowth.ts).
  limitHeapGrowth();
  serve(channel);
} else {
  process.stderr.write(
    'hubEntry: this is the JudgeHub app’s hub process; run `judgehub serve` for a hub of your own.\n',
  );
  process.exitCode = 2;
}

function serve(channel: ParentChannel): void {
  let phase: 'idle' | 'starting' | 'running' | 'stopping' = 'idle';
  let running: Running | null = null;
  let stopWhenStarted = false;

  const fail = async (code: HubErrorCode, message: string): Promise<never> => {
    await channel.send({ type: 'error', code, message });
    process.exit(1);
  };

  const start = async (options: HubLaunchOptions) => {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const lock = acquireLock(options.dataDir, 'desktop app');
    if (!lock.ok)
      return fail(
        'data-locked',
        `The data folder ${options.dataDir} is in use by ${describeHolder(lock.holder)}. One hub per data folder: stop that one first.`,
      );
    const logFile = options.logFile ? openLogFile(options.logFile) : null;
    const log = createLogger(logFile ? (line) => void logFile.write(line) : undefined);
    let hub: RunningHub;
    try {
      hub = await startHub({
        dataDir: options.dataDir,
        port: options.port,
        host: options.host,
        webRoot: options.webRoot,
        log,
      });
    } catch (error) {
      const { code, message } = classifyStartError(error, options);
      log.error('hub.start_failed', { code, error: String(error) });
      lock.release();
      await closeStream(logFile);
      return fail(code, message);
    }
    ensureOrganiserLink(hub);
    const advertising = options.advertise
      ? advertiseRunningHub(hub, { listenHost: options.host, log })
      : null;
    running = {
      hub,
      options,
      advertising,
      log,
      releaseLock: lock.release,
      closeLog: () => closeStream(logFile),
    };
    phase = 'running';
    if (stopWhenStarted) return stop();
    const links = linksOf(hub);
    await channel.send({ type: 'ready', hub: readyInfo(hub, options, links), links });
  };

  const stop = async () => {
    if (phase === 'stopping') return;
    if (phase === 'starting') {
      stopWhenStarted = true;
      return;
    }
    phase = 'stopping';
    if (running) {
      const { hub, advertising, log } = running;
      log.info('hub.stopping', { reason: 'app' });
      // Goodbye on the network first, so tablets stop trying this hub before its sockets close.
      await advertising?.stop().catch(() => undefined);
      await hub.close();
      running.releaseLock();
      await running.closeLog();
    }
    await channel.send({ type: 'stopped' });
    process.exit(0);
  };

  channel.onMessage((raw) => {
    const request = parseHubRequest(raw);
    if (!request) {
      void channel.send({ type: 'error', code: 'bad-request', message: 'unreadable request' });
      return;
    }
    switch (request.type) {
      case 'start':
        if (phase !== 'idle') {
          void channel.send({ type: 'error', code: 'bad-request', message: 'already started' });
          return;
        }
        phase = 'starting';
        void start(request.options).catch((error: unknown) =>
          fail('start-failed', `The hub could not start: ${String(error)}`),
        );
        return;
      case 'links':
        if (running) void channel.send({ type: 'links', links: linksOf(running.hub) });
        else void channel.send({ type: 'error', code: 'bad-request', message: 'no hub running' });
        return;
      case 'stop':
        void stop();
        return;
    }
  });
  // The app went away without a word (it crashed): finish writing rather than be orphaned.
  channel.onDisconnect(() => void stop());
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  const crashed = (error: unknown) => {
    running?.log.error('hub.crashed', { error: String(error) });
    void fail('crashed', `The hub stopped on an unexpected error: ${String(error)}`);
  };
  process.on('uncaughtException', crashed);
  process.on('unhandledRejection', crashed);
}

/**
 * A fresh data folder has no tokens until an event is set up, yet the app opens the organiser
 * page at once (that is where the event is set up): give the organiser a link now.
 */
function ensureOrganiserLink(hub: RunningHub): void {
  ensureOrganiserToken(hub.store);
}

function linksOf(hub: RunningHub): HubLinks {
  const links = accessLinks(hub, hub.url);
  return {
    organiser: links.find((l) => l.role === 'organiser')?.url ?? null,
    scoreboard: links.find((l) => l.role === 'scoreboard')?.url ?? null,
  };
}

function readyInfo(hub: RunningHub, options: HubLaunchOptions, links: HubLinks): HubReadyInfo {
  const settings = readSettings(hub.registry.get(EVENT_DOC).doc);
  const anyHost = options.host === '0.0.0.0' || options.host === '::';
  const lan = anyHost ? lanAddress() : options.host;
  const scheme = new URL(hub.url).protocol;
  return {
    port: hub.port,
    url: hub.url,
    lanUrl: lan && !/^(127\.|localhost$)/.test(lan) ? `${scheme}//${lan}:${hub.port}` : null,
    hubId: hub.hubId,
    eventName: settings.name,
    eventId: settings.id,
    generation: hub.generation,
    quarantined: hub.quarantined,
    dataDir: options.dataDir,
    hasScoreboard: links.scoreboard !== null,
  };
}

function openLogFile(file: string): fs.WriteStream {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    if (fs.statSync(file).size > MAX_LOG_BYTES) fs.renameSync(file, `${file}.1`);
  } catch {
    // No log yet.
  }
  return fs.createWriteStream(file, { flags: 'a' });
}

function closeStream(stream: fs.WriteStream | null): Promise<void> {
  return new Promise((resolve) => (stream ? stream.end(() => resolve()) : resolve()));
}
