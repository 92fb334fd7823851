import type { DiscoveredHub } from '@judgehub/discovery';
import type { HubListing } from '../shared/contract.js';

export interface ListingContext {
  /** The protocol this app speaks (`PROTOCOL_VERSION` of @judgehub/model). */
  protocolVersion: number;
  /** The hub joined last time, by id and by origin (an older hub may not have had an id). */
  lastHubId: string | null;
  lastOrigin: string | null;
}

/**
 * Turns what mDNS discovery reports into the "Join a hub" list: one row per hub, with the
 * address to try first, whether this app can join it and why not, the last-used hub first, then
 * joinable ones by event name. Event names come off the network and are shown as text only.
 */
export function toHubListings(
  hubs: readonly DiscoveredHub[],
  context: ListingContext,
): HubListing[] {
  return hubs
    .map((hub): HubListing => {
      const origins = hubOrigins(hub);
      const joinable = hub.protocolVersion === context.protocolVersion;
      return {
        hubId: hub.hubId,
        eventName: hub.eventName.trim(),
        address: origins[0] ? new URL(origins[0]).host : `?:${hub.port}`,
        otherAddresses: Math.max(0, origins.length - 1),
        joinable,
        note: joinable
          ? null
          : hub.protocolVersion < context.protocolVersion
            ? 'This hub runs an older JudgeHub. Update the hub laptop’s JudgeHub to join it.'
            : 'This hub runs a newer JudgeHub. Update this app to join it.',
        lastUsed:
          (context.lastHubId !== null && hub.hubId === context.lastHubId) ||
          (context.lastOrigin !== null && origins.includes(context.lastOrigin)),
      };
    })
    .sort(
      (a, b) =>
        Number(b.lastUsed) - Number(a.lastUsed) ||
        Number(b.joinable) - Number(a.joinable) ||
        Number(a.eventName === '') - Number(b.eventName === '') ||
        a.eventName.localeCompare(b.eventName) ||
        a.address.localeCompare(b.address, 'en', { numeric: true }),
    );
}

/**
 * The origins to try for a hub, best first: as announced, except that self-assigned link-local
 * addresses (169.254.x.x, a laptop that got no address from the Wi-Fi) go last.
 */
export function hubOrigins(hub: Pick<DiscoveredHub, 'addresses' | 'port' | 'tls'>): string[] {
  const linkLocal = (a: string) => a.startsWith('169.254.');
  const ordered = [
    ...hub.addresses.filter((a) => !linkLocal(a)),
    ...hub.addresses.filter(linkLocal),
  ];
  const scheme = hub.tls ? 'https' : 'http';
  return [...new Set(ordered.map((a) => `${scheme}://${a}:${hub.port}`))];
}

/**
 * Where to look for the hub joined last time: its remembered address first (the usual case),
 * then every address mDNS now announces for the same hub id (the laptop got a new address).
 */
export function reconnectOrigins(
  last: { origin: string; hubId: string | null },
  hubs: readonly DiscoveredHub[],
): string[] {
  const same = last.hubId === null ? undefined : hubs.find((h) => h.hubId === last.hubId);
  return [...new Set([last.origin, ...(same ? hubOrigins(same) : [])])];
}
