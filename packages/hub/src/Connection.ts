import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket, RawData } from 'ws';
import type { DocRoom, Peer } from './DocRoom.js';
import { CloseCode, MessageType, type Handshake } from '@judgehub/model';
import { encodeDurableAck, encodeHandshake, encodePermissionDenied } from './protocol.js';
import type { Logger } from './logger.js';
import { updateAddsNothing } from './updateAddsNothing.js';
import { closeReason } from './closeReason.js';

export interface ConnectionContext {
  room: DocRoom;
  canWrite: boolean;
  origin: string;
  handshake: Omit<Handshake, 'hubTime'>;
  remoteAddress: string;
  log: Logger;
  /** Hands a well-formed update from this (writing) peer to be stored, then applied. */
  submit: (update: Uint8Array) => void;
}

const HEARTBEAT_REPLY = new Uint8Array([MessageType.Heartbeat]);

/** Thrown for a message that breaks the protocol: the connection is closed with 4400. */
class ProtocolError extends Error {}

/**
 * One WebSocket syncing one document. Every incoming message is decoded defensively; anything
 * malformed closes this connection with a clear code and a log line and never touches the doc.
 */
export class Connection implements Peer {
  readonly canWrite: boolean;
  readonly origin: string;
  private closed = false;
  private deniedOnce = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly ctx: ConnectionContext,
  ) {
    this.canWrite = ctx.canWrite;
    this.origin = ctx.origin;
    const { room } = ctx;
    room.peers.add(this);
    room.awarenessIds.set(this, new Set());
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: RawData, isBinary: boolean) => this.receive(data, isBinary));
    ws.on('close', () => this.cleanup());
    ws.on('error', (error: Error) => {
      // `ws` reports an oversized frame here and closes with 1009 itself.
      this.ctx.log.warn('ws.error', {
        doc: room.name,
        who: this.origin,
        address: ctx.remoteAddress,
        error: error.message,
      });
    });

    this.send(encodeHandshake({ ...ctx.handshake, hubTime: Date.now() }));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeSyncStep1(encoder, room.doc);
    this.send(encoding.toUint8Array(encoder));
    if (this.canWrite) this.send(encodeDurableAck(room.durableStateVector));
    const states = room.awareness.getStates();
    if (states.size > 0) {
      const aw = encoding.createEncoder();
      encoding.writeVarUint(aw, MessageType.Awareness);
      encoding.writeVarUint8Array(
        aw,
        awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...states.keys()]),
      );
      this.send(encoding.toUint8Array(aw));
    }
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(message, (error) => {
      if (error) this.close(CloseCode.InternalError, 'send failed');
    });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.ws.close(code, closeReason(reason));
    this.cleanup();
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary || !Buffer.isBuffer(data)) {
      this.reject('text frames are not part of the protocol');
      return;
    }
    try {
      this.handle(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (error) {
      this.reject(
        error instanceof ProtocolError ? error.message : `undecodable message (${String(error)})`,
      );
    }
  }

  private handle(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync:
        this.handleSync(decoder);
        break;
      case MessageType.Awareness: {
        const update = decoding.readVarUint8Array(decoder);
        awarenessProtocol.applyAwarenessUpdate(this.ctx.room.awareness, update, this);
        break;
      }
      case MessageType.QueryAwareness: {
        const { awareness } = this.ctx.room;
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.Awareness);
        encoding.writeVarUint8Array(
          encoder,
          awarenessProtocol.encodeAwarenessUpdate(awareness, [...awareness.getStates().keys()]),
        );
        this.send(encoding.toUint8Array(encoder));
        break;
      }
      case MessageType.Auth:
        // Clients have nothing to tell us over the auth channel; ignore.
        break;
      case MessageType.Heartbeat:
        this.send(HEARTBEAT_REPLY);
        break;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  }

  private handleSync(decoder: decoding.Decoder): void {
    const { room } = this.ctx;
    const subType = decoding.readVarUint(decoder);
    switch (subType) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decoding.readVarUint8Array(decoder);
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.Sync);
        syncProtocol.writeSyncStep2(encoder, room.doc, stateVector);
        this.send(encoding.toUint8Array(encoder));
        break;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        try {
          Y.decodeUpdate(update);
        } catch {
          throw new ProtocolError('malformed Yjs update');
        }
        if (!this.canWrite) {
          // Read-only peers answer our sync step 1 too; only refuse what would change the doc.
          if (!updateAddsNothing(room.doc, update)) this.refuseWrite();
          return;
        }
        this.ctx.submit(update);
        break;
      }
      default:
        throw new ProtocolError(`unknown sync message ${subType}`);
    }
  }

  private refuseWrite(): void {
    const reason = `read-only: ${this.origin} may not change ${this.ctx.room.name}`;
    this.ctx.log.warn('write.refused', {
      doc: this.ctx.room.name,
      who: this.origin,
      address: this.ctx.remoteAddress,
    });
    // Say it once per connection, so a misbehaving client cannot make us loop.
    if (!this.deniedOnce) this.send(encodePermissionDenied(reason));
    this.deniedOnce = true;
  }

  private reject(reason: string): void {
    this.ctx.log.warn('message.rejected', {
      doc: this.ctx.room.name,
      who: this.origin,
      address: this.ctx.remoteAddress,
      reason,
    });
    this.close(CloseCode.MalformedMessage, reason);
  }

  private cleanup(): void {
    if (this.closed) return;
    this.closed = true;
    const { room } = this.ctx;
    room.peers.delete(this);
    const ids = room.awarenessIds.get(this);
    room.awarenessIds.delete(this);
    if (ids && ids.size > 0)
      awarenessProtocol.removeAwarenessStates(room.awareness, [...ids], null);
  }
}
