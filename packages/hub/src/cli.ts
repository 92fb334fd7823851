import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { demoEvent, EVENT_DOC, hasEvent, readSettings } from '@judgehub/model';
import { startHub } from './Hub.js';
import { accessLinks, ensureOrganiserToken, setUpEvent } from './eventSetup.js';
import {
  CLI_OPTIONS,
  ExitCode,
  shellPath,
  usageError,
  type CliCommand,
  type Io,
} from './commands/command.js';
import { backupCommand } from './commands/backup.js';
import { discoverCommand } from './commands/discover.js';
import { exportCommand } from './commands/exportData.js';
import { acquireLock, describeHolder } from './commands/hubLock.js';
import { importCommand } from './commands/importEvent.js';
import { restoreCommand } from './commands/restore.js';
import { resultsCommand } from './commands/showResults.js';
import { createLogger } from './logger.js';
import { advertiseRunningHub } from './hubAdvertising.js';
import { lanAddress } from './lanAddress.js';
import type { HubTls } from './hubServer.js';
import { readTlsFiles } from './tlsFiles.js';

const SERVE_HELP = `Usage: judgehub serve [--port N] [--host ADDR] [--data DIR] [--demo]
                     [--no-mdns | --mdns-interface NAME] [--tls-cert FILE --tls-key FILE]

Runs the hub: serves the judge, scoreboard and organiser pages and syncs every tablet over
WebSocket. Data lives in a SQLite file in --data; only one hub (or import) may use a data folder
at a time.

Options:
  --port N     TCP port to listen on (default 7420; 0 picks a free port)
  --host ADDR  Address to listen on (default 0.0.0.0: every network interface)
  --data DIR   Data folder (default ./data); created if missing
  --demo       If the data folder has no event yet, load the demo event
               (14 teams, 7 judges, 2 categories)
  --web DIR    Built web UI to serve (default: apps/web/dist of this installation)
  --tls-cert FILE, --tls-key FILE
               Serve https and wss on the port, with this PEM certificate and its
               private key (give both); every link then starts with https://
  --no-mdns    Do not advertise the hub on the network
  --mdns-interface NAME
               Advertise on this network interface (default: the one with the default
               route, never Docker, VM or VPN adapters)

The hub advertises itself on the venue network (mDNS, _judgehub._tcp) with its event, so the
JudgeHub app and \`judgehub discover\` find it without typing an address.

Logs are JSON lines on standard output. Stop the hub with Ctrl+C: it finishes writing first.
`;

const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Run the hub on a data folder (the venue laptop)',
  help: SERVE_HELP,
  options: [
    'port',
    'host',
    'data',
    'web',
    'demo',
    'no-mdns',
    'mdns-interface',
    'tls-cert',
    'tls-key',
  ],
  async run({ values, positionals }, io) {
    if (positionals.length > 0)
      return usageError(io, 'serve', `unexpected "${positionals.join(' ')}"`);
    if (values['no-mdns'] && values['mdns-interface'] !== undefined)
      return usageError(io, 'serve', '--no-mdns and --mdns-interface contradict each other');
    const port = values.port === undefined ? 7420 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      return usageError(
        io,
        'serve',
        `--port must be a whole number from 0 to 65535, got "${values.port}"`,
      );
    const certFile = values['tls-cert'];
    const keyFile = values['tls-key'];
    let tls: HubTls | undefined;
    if (certFile !== undefined || keyFile !== undefined) {
      if (certFile === undefined || keyFile === undefined)
        return usageError(io, 'serve', '--tls-cert and --tls-key go together: give both files');
      const read = readTlsFiles(certFile, keyFile);
      if (!read.ok) {
        io.stderr(`judgehub serve: ${read.message}\n`);
        return ExitCode.Failed;
      }
      tls = read.tls;
    }
    return serve({
      port,
      host: values.host ?? '0.0.0.0',
      dataDir: path.resolve(values.data ?? 'data'),
      webRoot: path.resolve(values.web ?? defaultWebRoot()),
      demo: values.demo ?? false,
      tls,
      mdns: values['no-mdns'] ? null : { interfaceName: values['mdns-interface'] },
    });
  },
};

const COMMANDS: readonly CliCommand[] = [
  serveCommand,
  importCommand,
  exportCommand,
  resultsCommand,
  backupCommand,
  restoreCommand,
  discoverCommand,
];

const HELP = `judgehub — the JudgeHub venue hub

Usage:
  judgehub <command> [options]
  judgehub <command> --help
  judgehub --help | --version

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(9)}${c.summary}`).join('\n')}

Examples:
  judgehub serve --demo                       try it with the demo event
  judgehub import event.json --data venue     set up an event from an event file
  judgehub serve --data venue                 run the hub for it
  judgehub results --data venue               standings in the terminal
  judgehub export --data venue --out backup.json
  judgehub export --data venue --format csv --out results.csv
  judgehub backup --data venue --out venue-1030.sqlite
  judgehub discover                           the hubs on this network, as tablets see them

The event file is described in docs/EVENT_FILE.md, the exports in docs/EXPORTS.md.
`;

const VERSION = '0.1.0';

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Runs the CLI; resolves to the process exit code (serve resolves only when stopped). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, tokens: true, options: CLI_OPTIONS });
  } catch (error) {
    io.stderr(`judgehub: ${(error as Error).message}\nRun \`judgehub --help\` for usage.\n`);
    return ExitCode.Usage;
  }
  const { values, positionals, tokens } = parsed;
  const [name, ...rest] = positionals;
  if (name === undefined || name === 'help') {
    const topic = COMMANDS.find((c) => c.name === rest[0]);
    if (topic) {
      io.stdout(topic.help);
      return ExitCode.Ok;
    }
    if (values.version) {
      io.stdout(`${VERSION}\n`);
      return ExitCode.Ok;
    }
    if (values.help || name === 'help') {
      io.stdout(HELP);
      return ExitCode.Ok;
    }
    io.stderr(`judgehub: no command given\n\n${HELP}`);
    return ExitCode.Usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`judgehub: unknown command "${name}"\n\n${HELP}`);
    return ExitCode.Usage;
  }
  if (values.help) {
    io.stdout(command.help);
    return ExitCode.Ok;
  }
  const allowed = new Set<string>(command.options);
  for (const token of tokens) {
    if (token.kind === 'option' && !allowed.has(token.name))
      return usageError(io, command.name, `${token.rawName} is not an option of ${command.name}`);
  }
  return command.run({ values, positionals: rest }, io);
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
  tls?: HubTls;
  /** null: not advertised (--no-mdns). */
  mdns: { interfaceName?: string } | null;
}): Promise<number> {
  const log = createLogger();
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const lock = acquireLock(opts.dataDir, 'serve');
  if (!lock.ok) {
    process.stderr.write(
      `judgehub: ${opts.dataDir} is already in use by ${describeHolder(lock.holder)}. ` +
        'One hub per data folder: stop that one first, or give another folder with --data.\n',
    );
    return 1;
  }
  let hub;
  try {
    hub = await startHub({
      dataDir: opts.dataDir,
      port: opts.port,
      host: opts.host,
      webRoot: opts.webRoot,
      log,
      tls: opts.tls,
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const message =
      e.code === 'EADDRINUSE'
        ? `port ${opts.port} is already in use: is another hub running? Pick another with --port.`
        : e.message;
    process.stderr.write(`judgehub: could not start the hub: ${message}\n`);
    lock.release();
    return 1;
  }
  const eventDoc = hub.registry.get(EVENT_DOC).doc;
  if (!hasEvent(eventDoc) && opts.demo) {
    // A fresh id each time: a tablet still holding sheets from an earlier demo (data folder since
    // wiped) is then told it belongs to another event instead of merging old scores in.
    const result = setUpEvent(hub, demoEvent(`demo-${randomBytes(3).toString('hex')}`));
    if (!result.ok) throw new Error(`demo event is invalid: ${result.problems.join('; ')}`);
    log.info('event.created', { eventId: readSettings(eventDoc).id, source: 'demo' });
  }
  // No event yet: the organiser creates it in the browser, so they need their link now.
  if (!hasEvent(eventDoc)) ensureOrganiserToken(hub.store);
  // After listening (DESIGN.md): a tablet that finds the hub can connect at once.
  const advertising = opts.mdns
    ? advertiseRunningHub(hub, {
        listenHost: opts.host,
        interfaceName: opts.mdns.interfaceName,
        log,
      })
    : null;
  printBanner(hub, opts.host, advertising?.describe() ?? 'off (--no-mdns)');
  if (!hasEvent(eventDoc)) {
    // Created in the browser (/organiser/setup): show the links of the new event here too.
    const onCreated = () => {
      if (!hasEvent(eventDoc)) return;
      eventDoc.off('update', onCreated);
      // After setUpEvent has issued the new links, which it does once the event is written.
      setImmediate(() => printBanner(hub, opts.host, advertising?.describe() ?? 'off (--no-mdns)'));
    };
    eventDoc.on('update', onCreated);
  }

  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      log.info('hub.stopping', { signal });
      // Goodbye first, so tablets stop trying this hub before its sockets close.
      void Promise.resolve(advertising?.stop())
        .then(() => hub.close())
        .then(() => {
          lock.release();
          resolve(0);
        });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

function printBanner(
  hub: Awaited<ReturnType<typeof startHub>>,
  host: string,
  advertised: string,
): void {
  const settings = readSettings(hub.registry.get(EVENT_DOC).doc);
  const lan =
    host === '0.0.0.0' ? lanAddress() : host === '127.0.0.1' || host === 'localhost' ? null : host;
  const scheme = hub.secure ? 'https' : 'http';
  const base = `${scheme}://${lan ?? 'localhost'}:${hub.port}`;
  const lines = [
    '',
    `JudgeHub hub running — ${settings.name || 'no event yet'}`,
    `  Data:          ${hub.store.path}`,
    `  This laptop:   ${scheme}://localhost:${hub.port}`,
    ...(lan ? [`  Venue network: ${base}`] : []),
    `  mDNS:          ${advertised}`,
    '',
  ];
  if (hub.quarantined > 0) {
    lines.push(
      `Warning: ${hub.quarantined} damaged stored change(s) could not be loaded and were set aside`,
      '  (quarantine table in the data file). Tablets send their copies again when they connect;',
      '  keep this data folder for inspection.',
      '',
    );
  }
  if (!settings.id) {
    const organiser = accessLinks(hub, base).find((l) => l.role === 'organiser');
    lines.push(
      'No event on this hub yet. Create it in the browser, on the organiser’s setup page:',
      ...(organiser
        ? [
            `  Organiser:     ${organiser.url.replace('/organiser?', '/organiser/setup?')}`,
            '                 Keep this link to yourself: it signs you in as the organiser.',
          ]
        : []),
      'Or stop the hub (Ctrl+C) and bring an event file in with',
      `  judgehub import EVENT.json --data ${shellPath(path.dirname(hub.store.path))}`,
      'or start it with --demo to load the demo event. Ctrl+C stops the hub.',
      '',
    );
  } else {
    // The organiser's page hands out QR codes and PINs, and the head judge's link too.
    const all = accessLinks(hub, base);
    const organiser = all.find((l) => l.role === 'organiser');
    const headJudge = all.find((l) => l.role === 'head-judge');
    if (organiser)
      lines.push(
        `  Organiser:     ${organiser.url}`,
        '                 Event setup, assignments, QR codes and PINs for every judge, progress,',
        '                 exports. Keep this link to yourself.',
      );
    if (headJudge)
      lines.push(
        `  Head judge:    ${headJudge.url}`,
        '                 Review, corrections and locks. Give it to the head judge only.',
      );
    lines.push('');
    const links = all.filter((l) => l.role === 'scoreboard' || l.role === 'judge');
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
