import { ID_PATTERN } from '@judgehub/model';

/** bonjour-service's name for `_judgehub._tcp` (it adds the underscores and the protocol). */
export const SERVICE_TYPE = 'judgehub';
export const SERVICE_NAME = '_judgehub._tcp';
/** Version of the TXT layout below; a record with another `txtvers` is not understood. */
export const TXT_VERSION = '1';
/** Where the hub syncs documents: a y-websocket `serverUrl` is `ws://<address>:<port><path>`. */
export const SYNC_PATH = '/sync';

/** What a hub says about itself in its TXT record (docs/PROTOCOL.md, Discovery). */
export interface HubAnnouncement {
  /** Stable id of the hub's data folder: the same hub across restarts and address changes. */
  hubId: string;
  /** The event it runs; empty while it has none. */
  eventId: string;
  eventName: string;
  protocolVersion: number;
  path: string;
  /** Served over TLS: https and wss on the same port. */
  tls: boolean;
}

/** Random UUIDs in practice; anything id-like within DNS-friendly limits is accepted. */
const HUB_ID = /^[A-Za-z0-9_-]{8,64}$/;
const EVENT_ID = new RegExp(ID_PATTERN);
const PROTOCOL = /^[0-9]{1,6}$/;
const PATH = /^\/[A-Za-z0-9._~/-]{0,100}$/;
/**
 * Terminal escapes and other control characters, and bidirectional overrides that could make a
 * name read as another: a hostile device must not be able to rewrite what `judgehub discover`
 * or a hub picker shows.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_TEXT_GLOBAL = new RegExp(UNSAFE_TEXT.source, 'g');
/** A TXT string is at most 255 bytes, key and `=` included; names are cut to fit well inside. */
const MAX_NAME_BYTES = 200;
const MAX_ENTRIES = 32;

export function isValidHubId(id: string): boolean {
  return HUB_ID.test(id);
}

/** The TXT key/value pairs for bonjour-service's `publish({ txt })`. */
export function encodeHubTxt(announcement: HubAnnouncement): Record<string, string> {
  return {
    txtvers: TXT_VERSION,
    proto: String(announcement.protocolVersion),
    hubid: announcement.hubId,
    eventid: announcement.eventId,
    event: truncateUtf8(announcement.eventName.replace(UNSAFE_TEXT_GLOBAL, ' '), MAX_NAME_BYTES),
    path: announcement.path,
    tls: announcement.tls ? '1' : '0',
  };
}

/**
 * Reads a TXT record as received: the raw strings (`Uint8Array[]`, as on the wire) or key/value
 * pairs already decoded. Anything another device sent is untrusted, so every field is checked
 * for type, length and form; a record that is not a well-formed JudgeHub announcement is null.
 */
export function parseHubTxt(txt: unknown): HubAnnouncement | null {
  const entries = txtEntries(txt);
  if (entries === null) return null;
  const get = (key: string) => entries.get(key);
  const txtvers = get('txtvers');
  const hubId = get('hubid');
  const proto = get('proto');
  const eventId = get('eventid');
  const eventName = get('event');
  const path = get('path');
  // Hubs from before TLS send no `tls`: they speak plain http and ws.
  const tls = get('tls') ?? '0';
  if (txtvers !== TXT_VERSION) return null;
  if (hubId === undefined || !HUB_ID.test(hubId)) return null;
  if (proto === undefined || !PROTOCOL.test(proto)) return null;
  if (eventId === undefined || (eventId !== '' && !EVENT_ID.test(eventId))) return null;
  if (eventName === undefined || UNSAFE_TEXT.test(eventName)) return null;
  if (Buffer.byteLength(eventName) > MAX_NAME_BYTES) return null;
  if (path === undefined || !PATH.test(path)) return null;
  if (tls !== '0' && tls !== '1') return null;
  return { hubId, eventId, eventName, protocolVersion: Number(proto), path, tls: tls === '1' };
}

/** Lower-cased key → value; the first of repeated keys wins (RFC 6763 §6.4). */
function txtEntries(txt: unknown): Map<string, string> | null {
  const entries = new Map<string, string>();
  const add = (key: string, value: string) => {
    const k = key.toLowerCase();
    if (!entries.has(k)) entries.set(k, value);
  };
  if (Array.isArray(txt)) {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const raw of txt.slice(0, MAX_ENTRIES)) {
      if (!(raw instanceof Uint8Array) || raw.length > 255) return null;
      let text: string;
      try {
        text = decoder.decode(raw);
      } catch {
        return null;
      }
      const eq = text.indexOf('=');
      // A key without `=` is a boolean attribute (RFC 6763 §6.4); none of ours are.
      if (eq > 0) add(text.slice(0, eq), text.slice(eq + 1));
    }
    return entries;
  }
  if (typeof txt === 'object' && txt !== null) {
    for (const [key, value] of Object.entries(txt).slice(0, MAX_ENTRIES)) {
      if (typeof value !== 'string' || Buffer.byteLength(key) + Buffer.byteLength(value) > 254)
        continue;
      add(key, value);
    }
    return entries;
  }
  return null;
}

/** `text` cut to at most `maxBytes` of UTF-8, never inside a character. */
function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let out = '';
  for (const char of text) {
    bytes += Buffer.byteLength(char);
    if (bytes > maxBytes) break;
    out += char;
  }
  return out;
}
