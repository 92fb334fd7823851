import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { HubStore } from '@judgehub/store';
import { DocRoom, type Peer } from './DocRoom.js';
import { MessageType } from '@judgehub/model';
import { encodeDurableAck } from './protocol.js';
import type { Logger } from './logger.js';

/** Origin of changes the hub makes itself (results, event setup). */
export const HUB_ORIGIN = 'hub';
const LOAD_ORIGIN = Symbol('load');

interface PendingUpdate {
  room: DocRoom;
  update: Uint8Array;
  origin: Peer | string;
}

/**
 * Loads documents from the store and makes every change durable before anyone hears of it:
 * a change is applied in memory, queued, and once per event-loop tick the queue is appended to
 * SQLite in one transaction; only then is it broadcast and acknowledged (DESIGN.md, Durability).
 * Yjs emits an update only for what is new, so a message that adds nothing is never stored.
 */
export class DocRegistry {
  private readonly rooms = new Map<string, DocRoom>();
  private pending: PendingUpdate[] = [];
  private flushScheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly durableListeners = new Set<(room: DocRoom) => void>();

  constructor(
    private readonly store: HubStore,
    private readonly log: Logger,
  ) {}

  has(name: string): boolean {
    return this.rooms.has(name);
  }

  all(): DocRoom[] {
    return [...this.rooms.values()];
  }

  /** The room for a document, loading it from the store the first time. */
  get(name: string): DocRoom {
    const existing = this.rooms.get(name);
    if (existing) return existing;
    const room = new DocRoom(name);
    this.load(room);
    room.durableStateVector = Y.encodeStateVector(room.doc);
    room.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD_ORIGIN) return;
      this.pending.push({ room, update, origin: isPeer(origin) ? origin : HUB_ORIGIN });
      this.scheduleFlush();
    });
    room.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      if (isPeer(origin)) {
        const ids = room.awarenessIds.get(origin);
        if (ids) {
          for (const id of added) ids.add(id);
          for (const id of removed) ids.delete(id);
        }
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Awareness);
      encoding.writeVarUint8Array(
        encoder,
        awarenessProtocol.encodeAwarenessUpdate(room.awareness, changed),
      );
      room.broadcast(encoding.toUint8Array(encoder));
    });
    this.rooms.set(name, room);
    return room;
  }

  /** Called after each durable commit that touched `room`. */
  onDurable(listener: (room: DocRoom) => void): () => void {
    this.durableListeners.add(listener);
    return () => this.durableListeners.delete(listener);
  }

  /** Writes everything queued now (also used at shutdown). Returns false if the store failed. */
  flush(): boolean {
    this.flushScheduled = false;
    if (this.pending.length === 0) return true;
    const batch = this.pending;
    try {
      this.store.append(
        batch.map((p) => ({
          doc: p.room.name,
          data: p.update,
          origin: typeof p.origin === 'string' ? p.origin : p.origin.origin,
        })),
      );
    } catch (error) {
      // Nothing is broadcast or acknowledged until it is on disk; keep the batch and retry.
      this.log.error('store.append_failed', { updates: batch.length, error: String(error) });
      if (!this.retryTimer) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.flush();
        }, 500);
      }
      return false;
    }
    this.pending = [];
    const touched = new Set<DocRoom>();
    for (const { room, update, origin } of batch) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.writeUpdate(encoder, update);
      room.broadcast(encoding.toUint8Array(encoder), isPeer(origin) ? origin : undefined);
      touched.add(room);
    }
    for (const room of touched) {
      // Everything applied in memory so far was in this batch, so memory now equals disk.
      room.durableStateVector = Y.encodeStateVector(room.doc);
      const ack = encodeDurableAck(room.durableStateVector);
      for (const peer of room.peers) if (peer.canWrite) peer.send(ack);
      for (const listener of this.durableListeners) listener(room);
    }
    return true;
  }

  pendingCount(): number {
    return this.pending.length;
  }

  close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.flush();
    for (const room of this.rooms.values()) room.destroy();
    this.rooms.clear();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private load(room: DocRoom): void {
    const rows = this.store.readUpdates(room.name);
    if (rows.length === 0) return;
    try {
      Y.applyUpdate(room.doc, Y.mergeUpdates(rows.map((r) => r.data)), LOAD_ORIGIN);
      return;
    } catch {
      // Fall through: apply row by row to find and skip the ones that fail.
    }
    for (const row of rows) {
      try {
        Y.applyUpdate(room.doc, row.data, LOAD_ORIGIN);
      } catch (error) {
        this.log.error('store.row_skipped', { doc: room.name, row: row.id, error: String(error) });
      }
    }
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

function isPeer(origin: unknown): origin is Peer {
  return typeof origin === 'object' && origin !== null && 'send' in origin && 'origin' in origin;
}
