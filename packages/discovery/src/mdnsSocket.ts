import type { EventEmitter } from 'node:events';
import Bonjour from 'bonjour-service';

/** Where discovery reports what it does: the hub's JSON logger fits as it is. */
export interface DiscoveryLog {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
}

export const silentLog: DiscoveryLog = { info: () => {}, warn: () => {} };

/** How long a goodbye or a socket close may take before stopping goes on without it. */
const CLOSE_TIMEOUT_MS = 2_000;
const WARNINGS_PER_MINUTE = 5;

/**
 * A bonjour-service instance that sends and listens on one interface only. multicast-dns joins
 * the mDNS group and sets the outgoing multicast interface from `interface` (an IPv4 address);
 * binding to 0.0.0.0 is still needed, or Linux delivers no multicast to the socket.
 *
 * Nothing mDNS does may take the hub down: bonjour-service throws from a socket callback unless
 * given an error callback, and multicast-dns emits `error` (fatal without a listener) when it
 * cannot bind, so both are routed to the log.
 */
export function openMdns(address: string | undefined, log: DiscoveryLog): Bonjour {
  let warnings = 0;
  let windowStart = Date.now();
  const warn = (event: string, error: unknown) => {
    const now = Date.now();
    if (now - windowStart > 60_000) [warnings, windowStart] = [0, now];
    // A hostile or broken device can send garbage packets all day: keep the log readable.
    if (++warnings <= WARNINGS_PER_MINUTE) log.warn(event, { address, error: String(error) });
  };
  const socketOptions: ConstructorParameters<typeof Bonjour>[0] = {};
  if (address !== undefined) Object.assign(socketOptions, { interface: address, bind: '0.0.0.0' });
  const bonjour = new Bonjour(socketOptions, (error: unknown) => warn('mdns.send_failed', error));
  const socket = mdnsEmitter(bonjour);
  socket?.on('error', (error: unknown) => warn('mdns.socket_error', error));
  socket?.on('warning', (error: unknown) => warn('mdns.warning', error));
  return bonjour;
}

/** Sends goodbyes for everything this instance published (when asked), then closes its socket. */
export async function closeMdns(
  bonjour: Bonjour,
  { goodbye }: { goodbye: boolean },
): Promise<void> {
  if (goodbye) await withTimeout((done) => bonjour.unpublishAll(done));
  await withTimeout((done) => bonjour.destroy(done));
}

/**
 * The multicast-dns socket inside bonjour-service (`server.mdns`): not part of its typed API, so
 * looked up defensively; without it only the error callback guards the hub.
 */
function mdnsEmitter(bonjour: Bonjour): EventEmitter | null {
  const server = (bonjour as unknown as { server?: { mdns?: unknown } }).server;
  const mdns = server?.mdns as Partial<EventEmitter> | undefined;
  return typeof mdns?.on === 'function' ? (mdns as EventEmitter) : null;
}

function withTimeout(start: (done: () => void) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
    timer.unref();
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    try {
      start(done);
    } catch {
      // Already closed: there is nothing left to wait for.
      done();
    }
  });
}
