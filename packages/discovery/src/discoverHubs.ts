import net from 'node:net';
import type Bonjour from 'bonjour-service';
import type { InterfaceChoice } from './hubInterface.js';
import {
  HubDirectory,
  type DiscoveredHub,
  type HubChange,
  type SeenInstance,
} from './HubDirectory.js';
import { parseHubTxt, SERVICE_TYPE } from './hubTxt.js';
import { closeMdns, openMdns, silentLog, type DiscoveryLog } from './mdnsSocket.js';
import { watchInterface } from './watchInterface.js';

export interface DiscoverOptions {
  /** Browse on this interface (a name or one of its IPv4 addresses) instead of the default. */
  interfaceName?: string;
  /** How often to ask the network again (default 5 s). */
  queryIntervalMs?: number;
  /** A hub instance that has not answered for this long is down (default 3 queries + 2 s). */
  expireAfterMs?: number;
  /** How often to look for a changed interface (default 3 s). */
  pollIntervalMs?: number;
  log?: DiscoveryLog;
}

export interface HubDiscovery {
  /** The hubs known now. */
  hubs(): DiscoveredHub[];
  /** Where it is browsing, or why it is not. */
  status(): InterfaceChoice;
  stop(): Promise<void>;
}

type Browser = ReturnType<Bonjour['find']>;

const DEFAULT_QUERY_MS = 5_000;
const DEFAULT_POLL_MS = 3_000;
/** More than a handful of addresses for one instance is not a hub, it is noise. */
const MAX_ADDRESSES = 8;

/**
 * Browses for `_judgehub._tcp` and reports hubs as they come (`up`), change event or address
 * (`update`) and go (`down`: a goodbye, or no answer for `expireAfterMs`). Instances of the same
 * hub (same hub id) are folded into one hub with all its addresses.
 *
 * bonjour-service's browser reports a service once and never again while it lives, and never
 * expires one by itself, so each query round starts a fresh browser: every live hub answers it
 * and is thereby "seen"; the previous round's browser is kept one round longer, so a goodbye
 * arriving around a round change is never missed.
 */
export function discoverHubs(
  onChange: (change: HubChange) => void,
  options: DiscoverOptions = {},
): HubDiscovery {
  const log = options.log ?? silentLog;
  const queryMs = options.queryIntervalMs ?? DEFAULT_QUERY_MS;
  const expireAfterMs = options.expireAfterMs ?? queryMs * 3 + 2_000;
  const directory = new HubDirectory(onChange);
  let session: { bonjour: Bonjour; browsers: Browser[] } | null = null;
  let stopped = false;

  const onService = (service: unknown) => {
    const instance = readInstance(service);
    if (instance) directory.seen(instance, Date.now());
  };

  const round = () => {
    directory.expire(Date.now(), expireAfterMs);
    if (!session) return;
    const browser = session.bonjour.find({ type: SERVICE_TYPE, protocol: 'tcp' });
    browser.on('up', onService);
    browser.on('txt-update', onService);
    browser.on('srv-update', onService);
    // The browser is never asked to expire services, so `down` is always a goodbye.
    browser.on('down', (service: unknown) => {
      const key = (service as { fqdn?: unknown }).fqdn;
      if (typeof key === 'string') directory.gone(key);
    });
    session.browsers.push(browser);
    while (session.browsers.length > 2) session.browsers.shift()!.stop();
  };

  let closing: Promise<void> = Promise.resolve();
  const open = (choice: InterfaceChoice) => {
    const old = session;
    session = null;
    if (old) {
      for (const b of old.browsers) b.stop();
      closing = closing.then(() => closeMdns(old.bonjour, { goodbye: false }));
    }
    if (stopped) return;
    if (!choice.ok) {
      log.warn('mdns.not_browsing', { reason: choice.reason });
      return;
    }
    session = { bonjour: openMdns(choice.address, log), browsers: [] };
    log.info('mdns.browsing', { interface: choice.name, address: choice.address });
    round();
  };

  const watch = watchInterface(
    { requested: options.interfaceName },
    options.pollIntervalMs ?? DEFAULT_POLL_MS,
    open,
  );
  open(watch.current());
  const timer = setInterval(round, queryMs);

  return {
    hubs: () => directory.hubs(),
    status: () => watch.current(),
    async stop() {
      stopped = true;
      clearInterval(timer);
      watch.stop();
      open({ ok: false, reason: 'stopped' });
      await closing;
    },
  };
}

/**
 * A service as bonjour-service's browser built it from someone's packet: untrusted, so read
 * field by field. Null when it is not a usable JudgeHub announcement.
 */
export function readInstance(service: unknown): SeenInstance | null {
  if (typeof service !== 'object' || service === null) return null;
  const s = service as Record<string, unknown>;
  const key = s.fqdn;
  if (typeof key !== 'string' || key.length === 0 || key.length > 255) return null;
  // The raw strings: bonjour-service's decoded `txt` loses empty values (`eventid=`).
  const announcement = parseHubTxt(Array.isArray(s.rawTxt) ? s.rawTxt : s.txt);
  if (!announcement) return null;
  const port = s.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  const candidates = [
    ...(Array.isArray(s.addresses) ? s.addresses : []),
    // Where the packet came from: reachable even when the A records are missing.
    (s.referer as { address?: unknown } | undefined)?.address,
  ];
  const addresses = [
    ...new Set(candidates.filter((a): a is string => typeof a === 'string' && net.isIPv4(a))),
  ].slice(0, MAX_ADDRESSES);
  if (addresses.length === 0) return null;
  return { key, announcement, port, addresses };
}
