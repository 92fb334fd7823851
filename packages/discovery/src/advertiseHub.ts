import { randomBytes } from 'node:crypto';
import type Bonjour from 'bonjour-service';
import { PROTOCOL_VERSION } from '@judgehub/model';
import type { InterfaceChoice } from './hubInterface.js';
import { encodeHubTxt, SERVICE_NAME, SERVICE_TYPE, SYNC_PATH } from './hubTxt.js';
import { closeMdns, openMdns, silentLog, type DiscoveryLog } from './mdnsSocket.js';
import { watchInterface } from './watchInterface.js';

export interface AdvertiseOptions {
  /** The port the hub listens on. */
  port: number;
  hubId: string;
  eventId: string;
  eventName: string;
  /** The hub serves https and wss (default false). */
  tls?: boolean;
  /** The organiser's interface (`--mdns-interface`): a name or one of its IPv4 addresses. */
  interfaceName?: string;
  /** The address the hub listens on; a specific one pins the interface. */
  listenHost?: string;
  /** How often to look for a changed address (default 3 s). */
  pollIntervalMs?: number;
  log?: DiscoveryLog;
}

export interface HubAdvertiser {
  /** Where the hub is advertised now, or why it is not. */
  status(): InterfaceChoice;
  /** Re-announces with the new event id and name, if they changed. */
  setEvent(event: { eventId: string; eventName: string }): void;
  /** Sends goodbyes (so tablets drop the hub at once) and closes the socket. */
  stop(): Promise<void>;
}

interface Publication {
  bonjour: Bonjour;
  /** Settles once the first announcement went out (or after a while, whatever happened). */
  announced: Promise<void>;
}

const DEFAULT_POLL_MS = 3_000;
/** Probing takes ~1 s; the old instance says goodbye after the new one is out, or after this. */
const ANNOUNCE_WAIT_MS = 3_000;

/**
 * Publishes `_judgehub._tcp` on the hub's port, on one interface, with the hub's id, event and
 * protocol version in TXT (docs/PROTOCOL.md, Discovery). Every change (address, interface,
 * event) is published as a new service instance before the old one says goodbye, so browsers
 * never see the hub vanish in between, and never keep a stale address for a name they know.
 */
export function advertiseHub(options: AdvertiseOptions): HubAdvertiser {
  const log = options.log ?? silentLog;
  let event = { eventId: options.eventId, eventName: options.eventName };
  let current: Publication | null = null;
  let stopped = false;
  // Publishing and withdrawing are asynchronous; one at a time keeps them in order.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (task: () => Promise<void>) => {
    queue = queue.then(task).catch((error: unknown) => {
      log.warn('mdns.failed', { error: String(error) });
    });
  };

  const republish = (choice: InterfaceChoice) =>
    enqueue(async () => {
      if (stopped) return;
      const previous = current;
      current = choice.ok ? publish(choice.address, choice.name) : null;
      if (!choice.ok) log.warn('mdns.not_advertised', { reason: choice.reason });
      if (!previous) return;
      if (current) await current.announced;
      await closeMdns(previous.bonjour, { goodbye: true });
    });

  const publish = (address: string, interfaceName: string): Publication => {
    const bonjour = openMdns(address, log);
    // Fresh names per publication: a browser that knows a name keeps its old address for it,
    // and an instance name must be unique on the network (probing finds no conflict).
    const suffix = randomBytes(3).toString('hex');
    const name = `JudgeHub ${options.hubId.slice(0, 8)} ${suffix}`;
    const announcedEvent = event;
    const service = bonjour.publish({
      name,
      type: SERVICE_TYPE,
      protocol: 'tcp',
      port: options.port,
      host: `judgehub-${suffix}.local`,
      txt: encodeHubTxt({
        hubId: options.hubId,
        ...announcedEvent,
        protocolVersion: PROTOCOL_VERSION,
        path: SYNC_PATH,
        tls: options.tls ?? false,
      }),
      disableIPv6: true,
    });
    // bonjour-service lists every interface's address (Docker bridges and VPNs included) as the
    // host's A records; tablets get only the chosen one. Its probing delays the first use of
    // `records()` past this line, and goodbyes reuse it.
    const records = service.records.bind(service);
    service.records = () => [
      ...records().filter((r) => r.type !== 'A' && r.type !== 'AAAA'),
      { name: service.host, type: 'A', ttl: 120, data: address },
    ];
    const announced = new Promise<void>((resolve) => {
      setTimeout(resolve, ANNOUNCE_WAIT_MS).unref();
      service.once('up', () => {
        log.info('mdns.advertised', {
          service: SERVICE_NAME,
          name,
          interface: interfaceName,
          address,
          port: options.port,
          hubId: options.hubId,
          eventId: announcedEvent.eventId,
        });
        resolve();
      });
    });
    return { bonjour, announced };
  };

  const watch = watchInterface(
    { requested: options.interfaceName, listenHost: options.listenHost },
    options.pollIntervalMs ?? DEFAULT_POLL_MS,
    (choice) => {
      log.info('mdns.interface_changed', choice.ok ? { ...choice } : { reason: choice.reason });
      republish(choice);
    },
  );
  republish(watch.current());

  return {
    status: () => watch.current(),
    setEvent(next) {
      if (next.eventId === event.eventId && next.eventName === event.eventName) return;
      event = { ...next };
      const choice = watch.current();
      if (choice.ok) republish(choice);
    },
    async stop() {
      watch.stop();
      enqueue(async () => {
        stopped = true;
        const last = current;
        current = null;
        if (last) await closeMdns(last.bonjour, { goodbye: true });
      });
      await queue;
    },
  };
}
