/**
 * The messages between the app's main process and its hub process. The same objects travel over
 * Electron's `utilityProcess` (parentPort) and over Node's `child_process.fork` (tests), so both
 * sides validate what they receive: a message that does not parse is ignored and logged.
 */
import type { HubReadyInfo } from '../shared/hubState.js';

/** How the main process wants the hub run. */
export interface HubLaunchOptions {
  dataDir: string;
  /** Fixed in the app (tablets' links name it); 0 picks a free one (tests). */
  port: number;
  host: string;
  /** The built web UI to serve (apps/web/dist); null serves a "not built" notice. */
  webRoot: string | null;
  /** Append the hub's JSON log lines here; null writes them to standard output. */
  logFile: string | null;
  /** Announce the hub over mDNS. Tests turn it off: they must not multicast on real networks. */
  advertise: boolean;
}

/** Sign-in links for this laptop's own windows. They carry access tokens: never log them. */
export interface HubLinks {
  organiser: string | null;
  scoreboard: string | null;
}

export type HubRequest =
  | { type: 'start'; options: HubLaunchOptions }
  /** Ask for the current links (the scoreboard's exists once an event is set up). */
  | { type: 'links' }
  /** Flush, close every connection and the database, say `stopped`, exit 0. */
  | { type: 'stop' };

export type HubErrorCode =
  /** Another process listens on the port. */
  | 'port-in-use'
  /** Another hub (`judgehub serve`, another copy of the app) uses the data folder. */
  | 'data-locked'
  /** better-sqlite3 was built for another Node ABI than this runtime's. */
  | 'native-module'
  /** The database failed its integrity check. */
  | 'damaged-database'
  | 'start-failed'
  /** An unexpected exception: the process exits and is restarted. */
  | 'crashed'
  /** A request that did not parse, or came at the wrong time. */
  | 'bad-request';

export type HubMessage =
  | { type: 'ready'; hub: HubReadyInfo; links: HubLinks }
  | { type: 'links'; links: HubLinks }
  | { type: 'error'; code: HubErrorCode; message: string }
  | { type: 'stopped' };

const ERROR_CODES: readonly HubErrorCode[] = [
  'port-in-use',
  'data-locked',
  'native-module',
  'damaged-database',
  'start-failed',
  'crashed',
  'bad-request',
];

type Fields = Record<string, unknown>;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';
const isNullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isPort = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 65535;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

export function parseHubRequest(value: unknown): HubRequest | null {
  if (!isObject(value)) return null;
  if (value.type === 'links' || value.type === 'stop') return { type: value.type };
  if (value.type !== 'start' || !isObject(value.options)) return null;
  const o = value.options;
  if (
    !isString(o.dataDir) ||
    o.dataDir === '' ||
    !isPort(o.port) ||
    !isString(o.host) ||
    !isNullableString(o.webRoot) ||
    !isNullableString(o.logFile) ||
    typeof o.advertise !== 'boolean'
  )
    return null;
  return {
    type: 'start',
    options: {
      dataDir: o.dataDir,
      port: o.port,
      host: o.host,
      webRoot: o.webRoot,
      logFile: o.logFile,
      advertise: o.advertise,
    },
  };
}

export function parseHubMessage(value: unknown): HubMessage | null {
  if (!isObject(value)) return null;
  switch (value.type) {
    case 'stopped':
      return { type: 'stopped' };
    case 'error':
      return ERROR_CODES.includes(value.code as HubErrorCode) && isString(value.message)
        ? { type: 'error', code: value.code as HubErrorCode, message: value.message }
        : null;
    case 'links': {
      const links = parseLinks(value.links);
      return links ? { type: 'links', links } : null;
    }
    case 'ready': {
      const links = parseLinks(value.links);
      const hub = parseReadyInfo(value.hub);
      return links && hub ? { type: 'ready', hub, links } : null;
    }
    default:
      return null;
  }
}

function parseLinks(value: unknown): HubLinks | null {
  if (!isObject(value) || !isNullableString(value.organiser) || !isNullableString(value.scoreboard))
    return null;
  return { organiser: value.organiser, scoreboard: value.scoreboard };
}

function parseReadyInfo(value: unknown): HubReadyInfo | null {
  if (!isObject(value)) return null;
  const h = value;
  if (
    !isPort(h.port) ||
    !isString(h.url) ||
    !isNullableString(h.lanUrl) ||
    !isString(h.hubId) ||
    !isString(h.eventName) ||
    !isString(h.eventId) ||
    !isCount(h.generation) ||
    !isCount(h.quarantined) ||
    !isString(h.dataDir) ||
    typeof h.hasScoreboard !== 'boolean'
  )
    return null;
  return {
    port: h.port,
    url: h.url,
    lanUrl: h.lanUrl,
    hubId: h.hubId,
    eventName: h.eventName,
    eventId: h.eventId,
    generation: h.generation,
    quarantined: h.quarantined,
    dataDir: h.dataDir,
    hasScoreboard: h.hasScoreboard,
  };
}
