import * as encoding from 'lib0/encoding';

/**
 * Message types on `/sync/<docName>`. 0–3 are the standard y-websocket protocol, so a stock
 * y-websocket client can sync; 100 and up are JudgeHub's own (docs/PROTOCOL.md).
 */
export const enum MessageType {
  Sync = 0,
  Awareness = 1,
  Auth = 2,
  QueryAwareness = 3,
  /** hub → client: the doc's state vector as durably stored (everything it covers is on disk). */
  DurableAck = 100,
  /** hub → client, first message: who the hub is and what this connection may do. */
  Handshake = 101,
}

export const PROTOCOL_VERSION = 1;

/** y-protocols/auth sub-type for a refused request. */
export const AUTH_PERMISSION_DENIED = 0;

/** Close codes: 4000–4999 are ours; the reason text says what to fix. */
export const CloseCode = {
  /** Standard: a message larger than the hub accepts (sent by `ws` itself). */
  MessageTooBig: 1009,
  InternalError: 1011,
  HubShuttingDown: 1001,
  MalformedMessage: 4400,
  Unauthorized: 4401,
  Forbidden: 4403,
  UnknownDocument: 4404,
} as const;

export interface Handshake {
  protocolVersion: number;
  eventId: string;
  /** Increments every time the hub starts on its data folder. */
  hubGeneration: number;
  /** The hub's clock, ms since epoch: lets a tablet show times in hub time. */
  hubTime: number;
  docName: string;
  role: string;
  judgeId: string | null;
  canWrite: boolean;
}

export function encodeHandshake(handshake: Handshake): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Handshake);
  encoding.writeVarString(encoder, JSON.stringify(handshake));
  return encoding.toUint8Array(encoder);
}

export function encodeDurableAck(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.DurableAck);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Auth);
  encoding.writeVarUint(encoder, AUTH_PERMISSION_DENIED);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}
