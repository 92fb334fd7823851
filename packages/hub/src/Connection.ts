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
import type { ConnectionLimits } from './connectionLimits.js';
import { TokenBucket } from './TokenBucket.js';
import type { WriteCheck } from './writeCheck.js';

export interface ConnectionContext {
  room: DocRoom;
  canWrite: boolean;
  origin: string;
  handshake: Omit<Handshake, 'hubTime'>;
  remoteAddress: string;
  log: Logger;
  /** Hands a well-formed update from this (writing) peer to be stored, then applied. */
  submit: (update: Uint8Array) => void;
  /** What a writer's update must satisfy beyond the right to write (e.g. sheet authorship). */
  checkWrite: WriteCheck;
  limits: ConnectionLimits;
}

const HEARTBEAT_REPLY = new Uint8Array([MessageType.Heartbeat]);

/** Thrown for a message that breaks the protocol: the connection is closed with 4400. */
class ProtocolError extends Error {}

/** Message types counted against the looser presence bucket; every other type is sync. */
const PRESENCE_TYPES: ReadonlySet<number> = new Set([
  MessageType.Awareness,
  MessageType.QueryAwareness,
  MessageType.Heartbeat,
  MessageType.Auth,
]);

/**
 * One WebSocket syncing one document. Every incoming message is rate-limited, size-checked and
 * decoded defensively; anything malformed, oversized or too fast closes this connection with a
 * clear code and one log line and never touches the doc. A writer's update must also pass the
 * document's write check; a refused one is answered like any refused write.
 */
export class Connection implements Peer {
  readonly canWrite: boolean;
  readonly origin: string;
  private closed = false;
  private deniedOnce = false;
  private readonly syncBucket: TokenBucket;
  private readonly presenceBucket: TokenBucket;

  constructor(
    private readonly ws: WebSocket,
    private readonly ctx: ConnectionContext,
  ) {
    this.canWrite = ctx.canWrite;
    this.origin = ctx.origin;
    this.syncBucket = new TokenBucket(ctx.limits.syncRate);
    this.presenceBucket = new TokenBucket(ctx.limits.presenceRate);
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
    const buffered = this.ws.bufferedAmount;
    if (buffered > this.ctx.limits.maxBufferedBytes) {
      // The peer has stopped reading. A close frame would wait behind the backlog, so drop it:
      // its tablet reconnects and catches up with one sync.
      this.logWarn('connection.backlogged', {
        bufferedBytes: buffered,
        limit: this.ctx.limits.maxBufferedBytes,
      });
      this.ws.terminate();
      this.cleanup();
      return;
    }
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
    if (!this.withinLimits(type, message.byteLength)) return;
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

  /** Rate and size limits; closes the connection (one log line) and says false when exceeded. */
  private withinLimits(type: number, bytes: number): boolean {
    const presence = PRESENCE_TYPES.has(type);
    const bucket = presence ? this.presenceBucket : this.syncBucket;
    if (!bucket.take()) {
      const { burst, perSecond } = bucket.limit;
      this.logWarn('connection.rate_limited', {
        messages: presence ? 'presence' : 'sync',
        burst,
        perSecond,
      });
      this.close(
        CloseCode.SlowDown,
        `slow down: more than ${perSecond} ${presence ? 'presence' : 'sync'} messages a second`,
      );
      return false;
    }
    const { maxAwarenessBytes, maxControlBytes } = this.ctx.limits;
    const limit =
      type === MessageType.Awareness ? maxAwarenessBytes : presence ? maxControlBytes : Infinity;
    if (bytes > limit) {
      this.logWarn('message.too_big', { type, bytes, limit });
      this.close(CloseCode.MessageTooBig, `message type ${type} of ${bytes} bytes: limit ${limit}`);
      return false;
    }
    return true;
  }

  private handleSync(decoder: decoding.Decoder): void {
    const { room } = this.ctx;
    const subType = decoding.readVarUint(decoder);
    switch (subType) {
      case syncProtocol.messageYjsSyncStep1: {
        this.send(room.syncStep2For(decoding.readVarUint8Array(decoder)));
        break;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        let decoded;
        try {
          decoded = Y.decodeUpdate(update);
        } catch {
          throw new ProtocolError('malformed Yjs update');
        }
        if (!this.canWrite) {
          // Read-only peers answer our sync step 1 too; only refuse what would change the doc.
          if (!updateAddsNothing(room.doc, update))
            this.refuseWrite(`read-only: ${this.origin} may not change ${room.name}`);
          return;
        }
        const verdict = this.ctx.checkWrite(update, decoded);
        if (!verdict.ok) {
          if (verdict.failure === 'malformed') throw new ProtocolError(verdict.reason);
          this.refuseWrite(`refused: ${verdict.reason}`);
          return;
        }
        const gap = room.frontier.gap(decoded);
        if (gap) {
          // Not a refusal: the device's next sync brings it again with what it depends on.
          this.logWarn('update.ignored', { reason: gap });
          return;
        }
        room.frontier.accept(decoded);
        this.ctx.submit(update);
        break;
      }
      default:
        throw new ProtocolError(`unknown sync message ${subType}`);
    }
  }

  /** Nothing of the update is stored or applied; the peer is told why, once. */
  private refuseWrite(reason: string): void {
    this.logWarn('write.refused', { reason });
    // Say it once per connection, so a misbehaving client cannot make us loop.
    if (!this.deniedOnce) this.send(encodePermissionDenied(reason));
    this.deniedOnce = true;
  }

  private reject(reason: string): void {
    this.logWarn('message.rejected', { reason });
    this.close(CloseCode.MalformedMessage, reason);
  }

  /** A warning about this connection: which document, who and from where; never the token. */
  private logWarn(event: string, fields: Record<string, unknown>): void {
    this.ctx.log.warn(event, {
      doc: this.ctx.room.name,
      who: this.origin,
      address: this.ctx.remoteAddress,
      ...fields,
    });
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
