import fs from 'node:fs';
import os from 'node:os';

/** One address of a network interface, as `os.networkInterfaces()` lists it. */
export interface InterfaceAddress {
  address: string;
  family: string | number;
  internal: boolean;
}

/** Interface name → its addresses: the shape of `os.networkInterfaces()`. */
export type NetworkInterfaces = Readonly<Record<string, readonly InterfaceAddress[] | undefined>>;

/** What the machine's network looks like now: its interfaces and its default routes. */
export interface NetworkSnapshot {
  interfaces: NetworkInterfaces;
  /** Interfaces carrying an IPv4 default route, best (lowest metric) first. */
  defaultRouteInterfaces: readonly string[];
}

/** The interface mDNS is sent and answered on, and the IPv4 address tablets are given. */
export interface HubInterface {
  name: string;
  address: string;
}

export type InterfaceChoice = ({ ok: true } & HubInterface) | { ok: false; reason: string };

export interface InterfaceRequest {
  /** The organiser's choice (`--mdns-interface`): an interface name, or one of its addresses. */
  requested?: string;
  /**
   * The address the hub listens on. A specific address pins the interface (tablets can reach the
   * hub nowhere else); undefined, `0.0.0.0` or `::` leave the choice open.
   */
  listenHost?: string;
}

/**
 * Docker, VM bridges, VPNs and tunnels: tablets on the venue Wi-Fi cannot reach an address on
 * these, and announcing there would leak the hub onto networks it has nothing to do with.
 */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|tun|tap|wg|utun|zt|tailscale)/i;

export function isVirtualInterface(name: string): boolean {
  return VIRTUAL.test(name);
}

const ANY_HOST = new Set(['0.0.0.0', '::', '']);
const LOOPBACK_HOST = /^(127\.|localhost$|::1$)/i;

/**
 * Picks where to advertise the hub: the organiser's interface if given; else the one holding the
 * address the hub listens on; else the interface with the default route (what the laptop uses to
 * reach the venue network); else the first physical-looking interface with an IPv4 address.
 * Pure, so every rule is testable without touching the machine's network.
 */
export function chooseHubInterface(
  network: NetworkSnapshot,
  request: InterfaceRequest = {},
): InterfaceChoice {
  const { interfaces, defaultRouteInterfaces } = network;
  const host = request.listenHost?.trim() ?? '';
  if (LOOPBACK_HOST.test(host))
    return { ok: false, reason: `the hub listens on ${host} only (this laptop)` };

  if (request.requested !== undefined) {
    const wanted = request.requested;
    const byName = interfaces[wanted];
    const name = byName
      ? wanted
      : Object.keys(interfaces).find((n) => interfaces[n]?.some((a) => a.address === wanted));
    if (name === undefined)
      return {
        ok: false,
        reason: `no network interface "${wanted}" (have: ${usableNames(interfaces).join(', ') || 'none'})`,
      };
    const address = !ANY_HOST.has(host) ? host : byName ? ipv4Of(interfaces, name) : wanted;
    if (address === null)
      return { ok: false, reason: `interface ${name} has no IPv4 address tablets could reach` };
    if (!ipv4sOf(interfaces, name).includes(address))
      return {
        ok: false,
        reason: ANY_HOST.has(host)
          ? `${address} on ${name} is not an IPv4 address tablets could reach`
          : `the hub listens on ${host} only, which is not an address of ${name}`,
      };
    return { ok: true, name, address };
  }

  if (!ANY_HOST.has(host)) {
    const name = Object.keys(interfaces).find((n) => ipv4sOf(interfaces, n).includes(host));
    return name === undefined
      ? { ok: false, reason: `no network interface has the address ${host} the hub listens on` }
      : { ok: true, name, address: host };
  }

  for (const name of [...defaultRouteInterfaces, ...Object.keys(interfaces)]) {
    if (isVirtualInterface(name)) continue;
    const address = ipv4Of(interfaces, name);
    if (address !== null) return { ok: true, name, address };
  }
  return {
    ok: false,
    reason: 'no network interface with an IPv4 address (only loopback or virtual adapters)',
  };
}

/**
 * The interfaces with an IPv4 default route in a Linux `/proc/net/route` table, lowest metric
 * first. Columns: Iface, Destination, Gateway, Flags, RefCnt, Use, Metric, Mask, …; addresses are
 * hex. A default route has destination and mask 0 and the RTF_UP flag.
 */
export function defaultRouteInterfaces(routeTable: string): string[] {
  const routes: { name: string; metric: number }[] = [];
  for (const line of routeTable.split('\n').slice(1)) {
    const [name, destination, , flags, , , metric, mask] = line.trim().split(/\s+/);
    if (name === undefined || metric === undefined || mask === undefined) continue;
    const up = (Number.parseInt(flags ?? '0', 16) & 0x1) !== 0;
    if (up && Number.parseInt(destination ?? '', 16) === 0 && Number.parseInt(mask, 16) === 0)
      routes.push({ name, metric: Number(metric) || 0 });
  }
  return [...new Set(routes.sort((a, b) => a.metric - b.metric).map((r) => r.name))];
}

/** This machine's network now. Without /proc (macOS, Windows) there are no default routes. */
export function readNetwork(): NetworkSnapshot {
  let table = '';
  try {
    table = fs.readFileSync('/proc/net/route', 'utf8');
  } catch {
    // Not Linux: fall back to the first physical-looking interface.
  }
  return {
    interfaces: os.networkInterfaces(),
    defaultRouteInterfaces: defaultRouteInterfaces(table),
  };
}

function isIpv4(a: InterfaceAddress): boolean {
  // Node 18.0–18.3 reported the family as a number.
  return a.family === 'IPv4' || a.family === 4;
}

function ipv4sOf(interfaces: NetworkInterfaces, name: string): string[] {
  return (interfaces[name] ?? []).filter((a) => isIpv4(a) && !a.internal).map((a) => a.address);
}

function ipv4Of(interfaces: NetworkInterfaces, name: string): string | null {
  return ipv4sOf(interfaces, name)[0] ?? null;
}

function usableNames(interfaces: NetworkInterfaces): string[] {
  return Object.keys(interfaces).filter((n) => ipv4Of(interfaces, n) !== null);
}
