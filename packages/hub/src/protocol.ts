import * as encoding from 'lib0/encoding';
import { AUTH_PERMISSION_DENIED, MessageType, type Handshake } from '@judgehub/model';

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
