/**
 * Shapes of the hub's access endpoints (docs/PROTOCOL.md, HTTP): pairing by PIN, the organiser's
 * access page and the device list. Shared by the hub, which checks every input against them, and
 * the web app.
 */

export const PIN_LENGTH = 6;

/** What a tablet is told, wherever it shows up, once the organiser has replaced its link. */
export const LINK_REPLACED_MESSAGE =
  'This link was replaced by the organiser. Ask them for a new one.';

export function isPin(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9]{6}$/.test(value);
}

/** A browser install's id (`deviceId()` in the web app): letters, digits, `-`, `_`, 1–64. */
export function isDeviceId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

/** An app version a client reports, e.g. `0.1.0`: shown to the organiser, never trusted. */
export function isAppVersion(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9A-Za-z.+-]{1,32}$/.test(value);
}

/** Roles that can sign in with a PIN. Organiser and head judge links are never exchanged for one. */
export type PairableRole = 'judge' | 'scoreboard';

/** `POST /api/pair` request body. */
export interface PairRequest {
  pin: string;
  deviceId: string;
}

/** `POST /api/pair` answer (200). */
export interface PairSuccess {
  token: string;
  role: PairableRole;
  judgeId: string | null;
  name: string;
}

export type PairFailureCode = 'bad-request' | 'wrong-pin' | 'locked';

/** `POST /api/pair` answer (400, 401, 429). */
export interface PairFailure {
  error: string;
  code: PairFailureCode;
  /** Wrong PINs this device may still try before it is locked out (wrong-pin). */
  triesLeft?: number;
  /** Seconds until this device may try again (locked). */
  retryAfterSeconds?: number;
}

/** One printable sign-in card on the organiser's access page. */
export interface AccessCard {
  role: PairableRole;
  judgeId: string | null;
  name: string;
  pin: string | null;
  /** The sign-in link on the venue network, e.g. `http://192.168.1.20:7420/judge?token=…`. */
  url: string;
}

/** `GET /api/access` (organiser). */
export interface AccessOverview {
  eventId: string;
  eventName: string;
  /** The hub on the venue network, e.g. `http://192.168.1.20:7420`. */
  hubUrl: string;
  /** False when the hub found no network address: the links work only on this laptop. */
  onVenueNetwork: boolean;
  cards: AccessCard[];
  /** The head judge's sign-in link (to `/head-judge`); no PIN, so keep it to the head judge. */
  headJudge?: { name: string; url: string } | null;
}

/** `POST /api/access/replace` request body (organiser). */
export interface ReplaceLinkRequest {
  role: PairableRole;
  judgeId: string | null;
}

/** One device as the hub sees it: a browser install (device id) signed in as someone. */
export interface DeviceInfo {
  /** Stable key for this row: the device id, or the address for clients that send none. */
  key: string;
  deviceId: string | null;
  role: string;
  judgeId: string | null;
  name: string;
  address: string;
  appVersion: string | null;
  connected: boolean;
  /** When its current connection opened (ms since epoch, hub clock); null while disconnected. */
  connectedSince: number | null;
  /** Last message from it (ms since epoch, hub clock). */
  lastSeen: number;
  /**
   * Score values on the device that the hub has not yet confirmed, as the device last reported
   * (it counts them itself); null if it never said.
   */
  waiting: number | null;
  /** Documents it has open now. */
  docs: string[];
  /** Its link was replaced: the hub closed it and refuses it. */
  linkReplaced: boolean;
}

/** `GET /api/devices` (organiser), and each `devices` event of `/api/devices/events`. */
export interface DevicesSnapshot {
  hubTime: number;
  devices: DeviceInfo[];
}

/**
 * The awareness field a JudgeHub client sets on its sheets connection to tell the hub how many
 * of its values are not yet confirmed (the hub cannot see what a device holds until it is sent).
 */
export const DEVICE_AWARENESS_FIELD = 'judgehubDevice';

export interface DeviceAwareness {
  waiting: number;
}
