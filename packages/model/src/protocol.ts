/**
 * Wire constants shared by the hub and every client (docs/PROTOCOL.md). Message types 0–3 are
 * the standard y-websocket protocol, so a stock y-websocket client can sync; 100 and up are ours.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /** hub → client: the doc's state vector as durably stored (everything it covers is on disk). */
  DurableAck: 100,
  /** hub → client, first message: who the hub is and what this connection may do. */
  Handshake: 101,
  /** client → hub, echoed back unchanged: lets a client notice a silently dead connection. */
  Heartbeat: 102,
} as const;

/** A client sends a heartbeat this often and gives up on a socket silent for HEARTBEAT_TIMEOUT_MS. */
export const HEARTBEAT_INTERVAL_MS = 5_000;
export const HEARTBEAT_TIMEOUT_MS = 12_000;

export const PROTOCOL_VERSION = 1;

/** y-protocols/auth sub-type for a refused request. */
export const AUTH_PERMISSION_DENIED = 0;

/** Close codes: 4000–4999 are ours; the close reason says what to fix. */
export const CloseCode = {
  HubShuttingDown: 1001,
  /**
   * A message larger than the hub accepts: a frame over the hub's maxPayload (sent by `ws`
   * itself), or an awareness or control message over its own, much smaller cap.
   */
  MessageTooBig: 1009,
  InternalError: 1011,
  MalformedMessage: 4400,
  Unauthorized: 4401,
  Forbidden: 4403,
  UnknownDocument: 4404,
  /** The organiser replaced this link (a lost tablet): its token is revoked for good. */
  Revoked: 4410,
  /**
   * This connection sent messages faster than the hub's per-connection rate limit allows for
   * longer than its burst allowance. Retryable: reconnect after a backoff of a few seconds.
   */
  SlowDown: 4429,
} as const;

/** Close codes after which reconnecting cannot help: a person has to act. */
export const FINAL_CLOSE_CODES: Readonly<Record<number, string>> = {
  [CloseCode.Unauthorized]: 'This link is no longer valid on the hub.',
  [CloseCode.Forbidden]: 'This device may not open this document.',
  [CloseCode.UnknownDocument]: 'The hub does not know this document.',
  [CloseCode.Revoked]: 'This link was replaced by the organiser. Ask them for a new one.',
};

export interface Handshake {
  protocolVersion: number;
  eventId: string;
  /** Increments every time the hub starts on its data folder. */
  hubGeneration: number;
  /** The hub's clock, ms since epoch. */
  hubTime: number;
  docName: string;
  role: string;
  judgeId: string | null;
  canWrite: boolean;
}
