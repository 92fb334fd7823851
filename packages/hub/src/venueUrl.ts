import type { IncomingMessage } from 'node:http';
import { lanAddress } from './lanAddress.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const ALL_INTERFACES = new Set(['0.0.0.0', '::']);

/**
 * The hub's address as tablets reach it, for the links and QR codes the organiser hands out.
 * Listening everywhere: the laptop's venue-network address (never `localhost`, which on a tablet
 * is the tablet). Listening on one address: that one. Listening on loopback only, or with no
 * network at all: the address the organiser's own browser used, marked as not on the venue
 * network so the page can say so.
 */
export function venueUrl(
  host: string,
  port: number,
  req: Pick<IncomingMessage, 'headers'>,
  findLanAddress: () => string | null = lanAddress,
): { url: string; onVenueNetwork: boolean } {
  if (ALL_INTERFACES.has(host)) {
    const lan = findLanAddress();
    if (lan) return { url: `http://${lan}:${port}`, onVenueNetwork: true };
  } else if (!LOOPBACK.has(host)) {
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      onVenueNetwork: true,
    };
  }
  const asked = req.headers.host;
  // The Host header is the client's word: use it only if it is a plain host[:port].
  const usable =
    asked && /^[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$/.test(asked);
  return { url: `http://${usable ? asked : `127.0.0.1:${port}`}`, onVenueNetwork: false };
}
