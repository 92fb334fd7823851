import { PROTOCOL_VERSION } from '@judgehub/model';
import {
  chooseHubInterface,
  discoverHubs,
  readNetwork,
  SERVICE_NAME,
  type DiscoveredHub,
  type HubChange,
} from '@judgehub/discovery';
import { ExitCode, usageError, type CliCommand } from './command.js';

const DEFAULT_TIMEOUT_S = 10;
const MAX_TIMEOUT_S = 86_400;

export const discoverCommand: CliCommand = {
  name: 'discover',
  summary: 'List the hubs on this network as they appear and go away',
  help: `Usage: judgehub discover [--timeout S] [--json] [--mdns-interface NAME]

Looks for JudgeHub hubs on the local network (mDNS, ${SERVICE_NAME}) and prints each hub
when it appears (+), changes its event or address (~) and goes away (-): stopped with Ctrl+C,
or silent for about 17 s. A hub is known by its hub id, however many addresses it answers on.

Options:
  --timeout S            Stop after S seconds (default ${DEFAULT_TIMEOUT_S}; 0 looks until Ctrl+C)
  --json                 One JSON object per line on standard output:
                         {"type":"up"|"update"|"down","hub":{hubId,eventId,eventName,
                         protocolVersion,path,tls,port,addresses},
                         "reason":"goodbye"|"expired"}
  --mdns-interface NAME  Look on this network interface (default: the one with the default
                         route, never Docker, VM or VPN adapters)

Exit code 0 when at least one hub was seen, 1 when none was.
`,
  options: ['timeout', 'json', 'mdns-interface'],
  async run({ values, positionals }, io) {
    if (positionals.length > 0)
      return usageError(io, 'discover', `unexpected "${positionals.join(' ')}"`);
    const timeoutS = values.timeout === undefined ? DEFAULT_TIMEOUT_S : Number(values.timeout);
    if (values.timeout?.trim() === '' || !(timeoutS >= 0 && timeoutS <= MAX_TIMEOUT_S))
      return usageError(
        io,
        'discover',
        `--timeout must be a number of seconds from 0 to ${MAX_TIMEOUT_S}, got "${values.timeout}"`,
      );
    const requested = values['mdns-interface'];
    const choice = chooseHubInterface(readNetwork(), { requested });
    if (!choice.ok) {
      io.stderr(`judgehub discover: cannot look for hubs: ${choice.reason}\n`);
      return ExitCode.Failed;
    }
    const json = values.json ?? false;
    // With --json, standard output is only the JSON lines.
    const say = json ? io.stderr : io.stdout;
    say(
      `Looking for hubs on ${choice.name} (${choice.address})` +
        (timeoutS > 0 ? ` for ${timeoutS} s` : ' until Ctrl+C') +
        '…\n',
    );

    const seen = new Set<string>();
    const discovery = discoverHubs(
      (change) => {
        seen.add(change.hub.hubId);
        io.stdout(json ? JSON.stringify(change) + '\n' : describeChange(change));
      },
      {
        interfaceName: requested,
        log: {
          info: () => {},
          warn: (event, fields) =>
            io.stderr(`judgehub discover: ${event} ${JSON.stringify(fields ?? {})}\n`),
        },
      },
    );
    await untilTimeoutOrSignal(timeoutS);
    await discovery.stop();

    if (seen.size === 0) {
      say(
        'No hub found. Is one running on this network (judgehub serve, without --no-mdns)?\n' +
          'Some Wi-Fi networks block devices from seeing each other; then open the hub by its\n' +
          'address or QR code instead.\n',
      );
      return ExitCode.Failed;
    }
    const now = discovery.hubs().length;
    say(`${seen.size} hub(s) seen, ${now} still there.\n`);
    return ExitCode.Ok;
  },
};

function untilTimeoutOrSignal(timeoutS: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    const timer = timeoutS > 0 ? setTimeout(done, timeoutS * 1000) : undefined;
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

/** One line per change, e.g. `+ Robotics Regional  http://10.0.0.5:7420  event r-2026 · hub 1a2b3c4d`. */
export function describeChange(change: HubChange): string {
  const mark = { up: '+', update: '~', down: '-' }[change.type];
  const tail =
    change.type === 'down'
      ? change.reason === 'goodbye'
        ? 'stopped'
        : 'no answer, gone'
      : describeHub(change.hub);
  return `${mark} ${change.hub.eventName || '(no event yet)'}  ${tail}\n`;
}

function describeHub(hub: DiscoveredHub): string {
  const scheme = hub.tls ? 'https' : 'http';
  const urls = hub.addresses.map((a) => `${scheme}://${a}:${hub.port}`).join(' ');
  const parts = [
    hub.eventId ? `event ${hub.eventId}` : 'no event',
    `hub ${hub.hubId.slice(0, 8)}`,
    hub.protocolVersion === PROTOCOL_VERSION
      ? `protocol ${hub.protocolVersion}`
      : `protocol ${hub.protocolVersion} (this JudgeHub speaks ${PROTOCOL_VERSION}: update one of them)`,
  ];
  return `${urls}  ${parts.join(' · ')}`;
}
