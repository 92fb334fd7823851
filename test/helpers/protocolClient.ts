import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import { MessageType, type Handshake } from '@judgehub/model';

/** Marks changes that came from the hub, so they are not echoed back. */
const FROM_HUB = Symbol('from-hub');

/** A sync message carrying a Yjs update (y-protocols `messageYjsUpdate`). */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A sync step 1 (our state vector): the hub answers it with a sync step 2. */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/**
 * A hand-written client of the hub's wire protocol over a raw `ws` socket: it syncs a Y.Doc like
 * y-websocket does, sends its local changes, and records what the hub tells it (handshake,
 * durable acks, refusals, close) in arrival order, so tests can check the hub's side exactly.
 */
export class ProtocolClient {
  handshake: Handshake | null = null;
  /** Every durable ack received, decoded to client → clock. */
  readonly acks: Map<number, number>[] = [];
  /** Reasons of every permission-denied auth message. */
  readonly denials: string[] = [];
  /** Message types in arrival order. */
  readonly received: number[] = [];
  syncStep2Count = 0;
  closed: { code: number; reason: string } | null = null;
  /** Called as each durable ack arrives, before anything else runs. */
  onDurableAck: ((stateVector: Map<number, number>) => void) | null = null;

  constructor(
    readonly ws: WebSocket,
    readonly doc: Y.Doc = new Y.Doc(),
  ) {
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data)));
    ws.on('close', (code: number, reason: Buffer) => {
      this.closed = { code, reason: reason.toString() };
    });
    ws.on('open', () => this.send(syncStep1Message(doc)));
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== FROM_HUB) this.send(syncUpdateMessage(update));
    });
  }

  get synced(): boolean {
    return this.syncStep2Count > 0;
  }

  /** Whether the latest ack says everything this client wrote so far is on the hub's disk. */
  ownChangesDurable(): boolean {
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    return clock > 0 && this.acks.some((ack) => (ack.get(this.doc.clientID) ?? 0) >= clock);
  }

  /**
   * Resolves once the hub answered an awareness query sent now. The hub handles a socket's
   * messages in order and replies in order, so anything it sent before has arrived by then.
   * (A sync step 1 would not do: its answer carries the hub's whole in-memory doc.)
   */
  async roundTrip(timeoutMs = 5_000): Promise<void> {
    const answered = () => this.received.filter((t) => t === MessageType.Awareness).length;
    const before = answered();
    this.send(new Uint8Array([MessageType.QueryAwareness]));
    const deadline = Date.now() + timeoutMs;
    while (answered() === before) {
      if (Date.now() > deadline) throw new Error('no reply from the hub');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  private receive(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    this.received.push(type);
    switch (type) {
      case MessageType.Handshake:
        this.handshake = JSON.parse(decoding.readVarString(decoder)) as Handshake;
        break;
      case MessageType.DurableAck: {
        const ack = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
        this.acks.push(ack);
        this.onDurableAck?.(ack);
        break;
      }
      case MessageType.Auth:
        decoding.readVarUint(decoder);
        this.denials.push(decoding.readVarString(decoder));
        break;
      case MessageType.Sync: {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.Sync);
        const subType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, FROM_HUB);
        if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
        if (subType === syncProtocol.messageYjsSyncStep2) this.syncStep2Count++;
        break;
      }
      default:
        break;
    }
  }
}
