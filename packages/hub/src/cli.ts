import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { demoEvent, EVENT_DOC, hasEvent, readSettings } from '@judgehub/model';
import { startHub } from './Hub.js';
import { accessLinks, setUpEvent } from './eventSetup.js';
import { createLogger } from './logger.js';
import { lanAddress } from './lanAddress.js';

const HELP = `judgehub — the JudgeHub venue hub

Usage:
  judgehub serve [--port N] [--host ADDR] [--data DIR] [--demo]
  judgehub --help | --version

Commands:
  serve        Run the hub: serves the judge, scoreboard and organiser pages and syncs
               every tablet over WebSocket. Data lives in a SQLite file in --data.

Options for serve:
  --port N     TCP port to listen on (default 7420; 0 picks a free port)
  --host ADDR  Address to listen on (default 0.0.0.0: every network interface)
  --data DIR   Data folder (default ./data); created if missing
  --demo       If the data folder has no event yet, load the demo event
               (14 teams, 7 judges, 2 categories)
  --web DIR    Built web UI to serve (default: apps/web/dist of this installation)

Logs are JSON lines on standard output. Stop the hub with Ctrl+C: it finishes writing first.
`;

const VERSION = '0.1.0';

/** Runs the CLI; resolves to the process exit code (serve resolves only when stopped). */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        web: { type: 'string' },
        demo: { type: 'boolean' },
      },
    });
  } catch (error) {
    process.stderr.write(
      `judgehub: ${(error as Error).message}\nRun \`judgehub --help\` for usage.\n`,
    );
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (command !== 'serve' || rest.length > 0) {
    process.stderr.write(
      `judgehub: ${command ? `unknown command "${[command, ...rest].join(' ')}"` : 'no command given'}\n\n${HELP}`,
    );
    return 2;
  }
  const port = values.port === undefined ? 7420 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(
      `judgehub: --port must be a whole number from 0 to 65535, got "${values.port}"\n`,
    );
    return 2;
  }
  return serve({
    port,
    host: values.host ?? '0.0.0.0',
    dataDir: path.resolve(values.data ?? 'data'),
    webRoot: path.resolve(values.web ?? defaultWebRoot()),
    demo: values.demo ?? false,
  });
}

function defaultWebRoot(): string {
  // packages/hub/dist/cli.js → apps/web/dist in the same installation.
  return fileURLToPath(new URL('../../../apps/web/dist', import.meta.url));
}

async function serve(opts: {
  port: number;
  host: string;
  dataDir: string;
  webRoot: string;
  demo: boolean;
}): Promise<number> {
  const log = createLogger();
  let hub;
  try {
    hub = await startHub({
      dataDir: opts.dataDir,
      port: opts.port,
      host: opts.host,
      webRoot: opts.webRoot,
      log,
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const message =
      e.code === 'EADDRINUSE'
        ? `port ${opts.port} is already in use: is another hub running? Pick another with --port.`
        : e.message;
    process.stderr.write(`judgehub: could not start the hub: ${message}\n`);
    return 1;
  }
  const eventDoc = hub.registry.get(EVENT_DOC).doc;
  if (!hasEvent(eventDoc) && opts.demo) {
    const result = setUpEvent(hub, demoEvent());
    if (!result.ok) throw new Error(`demo event is invalid: ${result.problems.join('; ')}`);
    log.info('event.created', { eventId: readSettings(eventDoc).id, source: 'demo' });
  }
  printBanner(hub, opts.host);

  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      log.info('hub.stopping', { signal });
      void hub.close().then(() => resolve(0));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

function printBanner(hub: Awaited<ReturnType<typeof startHub>>, host: string): void {
  const settings = readSettings(hub.registry.get(EVENT_DOC).doc);
  const lan =
    host === '0.0.0.0' ? lanAddress() : host === '127.0.0.1' || host === 'localhost' ? null : host;
  const base = `http://${lan ?? 'localhost'}:${hub.port}`;
  const lines = [
    '',
    `JudgeHub hub running — ${settings.name || 'no event yet'}`,
    `  Data:          ${hub.store.path}`,
    `  This laptop:   http://localhost:${hub.port}`,
    ...(lan ? [`  Venue network: ${base}`] : []),
    '',
  ];
  if (!settings.id) {
    lines.push('No event on this hub yet. Start with --demo to load the demo event.', '');
  } else {
    // Organiser and head-judge pages are not built yet; their tokens exist for when they are.
    const links = accessLinks(hub, base).filter(
      (l) => l.role === 'scoreboard' || l.role === 'judge',
    );
    const width = Math.max(
      ...links.map((l) => l.label.length + (l.judgeId ? l.judgeId.length + 1 : 0)),
    );
    for (const link of links) {
      const name = link.judgeId ? `${link.judgeId} ${link.label}` : link.label;
      lines.push(`  ${name.padEnd(width)}  ${link.url}`);
    }
    lines.push(
      '',
      'Open the scoreboard on the projector and send each judge their link. Ctrl+C stops the hub.',
      '',
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
}
