import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { HubStore, LogRow, Snapshot } from '@judgehub/store';
import { DocRoom, type Peer } from './DocRoom.js';
import { MessageType, RESULTS_DOC } from '@judgehub/model';
import { encodeDurableAck } from './protocol.js';
import { updateAddsNothing } from './updateAddsNothing.js';
import { summariseUpdateJson } from './updateSummary.js';
import type { Logger } from './logger.js';

/** Origin of changes the hub makes itself (results, event setup). */
export const HUB_ORIGIN = 'hub';
export const DEFAULT_COMPACT_AFTER = 500;
const LOAD_ORIGIN = Symbol('load');

/** A peer's update, applied only after it is on disk. */
class Committed {
  constructor(readonly peer: Peer) {}
}

interface PendingUpdate {
  room: DocRoom;
  update: Uint8Array;
  /** A peer's raw update, not yet applied; or a change the hub already made in memory. */
  from: Peer | typeof HUB_ORIGIN;
}

/**
 * Loads documents from the store and makes every change durable before anyone hears of it
 * (DESIGN.md, Durability). A peer's update is validated, skipped if it adds nothing, queued, and
 * once per event-loop tick the queue is appended to SQLite in one transaction; only then is it
 * applied in memory, broadcast and acknowledged. So what any device receives from the hub, and
 * every durable ack, is on disk. Changes the hub makes itself (derived results, event setup) are
 * applied at once and stored and broadcast with the next commit.
 */
export class DocRegistry {
  private readonly rooms = new Map<string, DocRoom>();
  private pending: PendingUpdate[] = [];
  /** Rooms with an update in `pending` (a burst queues hundreds: no scan of the queue per update). */
  private pendingRooms = new Set<DocRoom>();
  private flushScheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly durableListeners = new Set<(room: DocRoom) => void>();
  /** Log rows per document since its snapshot: past `compactAfter`, the document is compacted. */
  private readonly logRows = new Map<DocRoom, number>();
  /** Damaged rows or snapshots set aside while loading, since this registry started. */
  quarantined = 0;
  private closed = false;

  constructor(
    private readonly store: HubStore,
    private readonly log: Logger,
    private readonly compactAfter = DEFAULT_COMPACT_AFTER,
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
    if (this.closed) throw new Error(`hub is shutting down: cannot open ${name}`);
    const room = this.load(name);
    room.durableStateVector = Y.encodeStateVector(room.doc);
    room.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOAD_ORIGIN) return;
      if (origin instanceof Committed) {
        // Already on disk: what was new in it goes to everyone else now.
        room.broadcast(syncUpdateMessage(update), origin.peer);
        return;
      }
      this.queue({ room, update, from: HUB_ORIGIN });
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

  /**
   * Takes a peer's update (already decoded once by the caller, so well-formed). It is stored,
   * then applied, broadcast and acknowledged with the next commit; if it adds nothing, the peer
   * is told at once that everything it has is durable.
   */
  submit(room: DocRoom, update: Uint8Array, peer: Peer): void {
    if (!this.pendingRooms.has(room) && updateAddsNothing(room.doc, update)) {
      peer.send(encodeDurableAck(room.durableStateVector));
      return;
    }
    this.queue({ room, update, from: peer });
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
    let rows;
    try {
      rows = this.store.append(
        batch.map((p) => ({
          doc: p.room.name,
          data: p.update,
          origin: p.from === HUB_ORIGIN ? HUB_ORIGIN : p.from.origin,
        })),
      );
    } catch (error) {
      // Nothing is applied, broadcast or acknowledged until it is on disk; keep it and retry.
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
    this.pendingRooms = new Set();
    const touched = new Set<DocRoom>();
    for (let i = 0; i < batch.length;) {
      const { room, update, from } = batch[i]!;
      touched.add(room);
      if (from === HUB_ORIGIN) {
        room.broadcast(syncUpdateMessage(update));
        i++;
        continue;
      }
      // One peer's updates to one document in a row (a tablet sends a sheet's values in one go)
      // are applied in one transaction: observers and the broadcast run once, not per value.
      let end = i + 1;
      while (end < batch.length && batch[end]!.room === room && batch[end]!.from === from) end++;
      this.applyCommitted(room, from, batch.slice(i, end), rows.slice(i, end));
      i = end;
    }
    for (const { room } of batch) this.logRows.set(room, (this.logRows.get(room) ?? 0) + 1);
    for (const room of touched) {
      // Every change in memory is now on disk: memory equals disk.
      room.durableStateVector = Y.encodeStateVector(room.doc);
      const ack = encodeDurableAck(room.durableStateVector);
      for (const peer of room.peers) if (peer.canWrite) peer.send(ack);
    }
    // After the acks are on their way (a compaction takes tens of milliseconds), and while memory
    // still equals disk.
    for (const room of touched)
      if ((this.logRows.get(room) ?? 0) >= this.compactAfter) this.compact(room);
    for (const room of touched) for (const listener of this.durableListeners) listener(room);
    return true;
  }

  private applyCommitted(
    room: DocRoom,
    peer: Peer,
    updates: PendingUpdate[],
    rows: (LogRow | undefined)[],
  ): void {
    const origin = new Committed(peer);
    if (updates.length > 1) {
      try {
        Y.transact(
          room.doc,
          () => {
            for (const { update } of updates) Y.applyUpdate(room.doc, update);
          },
          origin,
        );
        return;
      } catch {
        // One of them does not integrate: again one by one, to set that one aside (what was
        // applied already changes nothing the second time).
      }
    }
    updates.forEach(({ update }, i) => {
      try {
        Y.applyUpdate(room.doc, update, origin);
      } catch (error) {
        // Decoded fine but failed to integrate: move its row to quarantine now, so compaction
        // (which keeps only what the document holds) cannot drop the bytes unseen.
        this.quarantineAfterApplyFailure(room, rows[i], error);
      }
    });
  }

  private quarantineAfterApplyFailure(
    room: DocRoom,
    row: LogRow | undefined,
    error: unknown,
  ): void {
    this.quarantined++;
    this.log.error('update.apply_failed', {
      doc: room.name,
      row: row?.id,
      who: row?.origin,
      error: String(error),
    });
    if (!row) return;
    try {
      this.store.compaction.quarantineRow(room.name, row, String(error));
      this.logRows.set(room, (this.logRows.get(room) ?? 0) - 1);
    } catch (storeError) {
      // Still on disk in the log; the load after the next start quarantines it.
      this.log.error('store.quarantine_failed', { doc: room.name, error: String(storeError) });
    }
  }

  pendingCount(): number {
    return this.pending.length;
  }

  close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.flush();
    this.closed = true;
    for (const room of this.rooms.values()) room.destroy();
    this.rooms.clear();
  }

  private queue(update: PendingUpdate): void {
    this.pending.push(update);
    this.pendingRooms.add(update.room);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /**
   * Folds a document's log into one snapshot of its state (memory equals disk right after a
   * commit). Best effort: if it fails, the log simply stays longer.
   */
  compact(room: DocRoom): void {
    try {
      const retired = this.store.compaction.compact(
        room.name,
        Y.encodeStateAsUpdate(room.doc),
        // Results are derived and written by the hub alone: their audit rows say so rather than
        // repeat every standing (decoding 500 of them stalled the hub for ~0.2 s).
        room.name === RESULTS_DOC ? summariseDerived : summariseUpdateJson,
      );
      this.logRows.set(room, 0);
      this.log.info('store.compacted', { doc: room.name, rows: retired });
    } catch (error) {
      this.log.error('store.compaction_failed', { doc: room.name, error: String(error) });
    }
  }

  /**
   * Snapshot, then log tail. Each stored update is decoded once, by applying it (decoding every row
   * first as well was half of a start: docs/PERFORMANCE.md). Only when one fails is the document
   * loaded again, into a fresh Y.Doc, the careful way.
   */
  private load(name: string): DocRoom {
    const snapshot = this.store.compaction.snapshot(name);
    const tail = this.store.compaction.tail(name);
    const room = new DocRoom(name);
    try {
      if (snapshot) Y.applyUpdate(room.doc, snapshot.data, LOAD_ORIGIN);
      for (const row of tail) Y.applyUpdate(room.doc, row.data, LOAD_ORIGIN);
      this.logRows.set(room, tail.length);
      return room;
    } catch {
      // A damaged row may have been half applied: start again from nothing.
      room.destroy();
    }
    const carefully = new DocRoom(name);
    this.loadCarefully(carefully, snapshot, tail);
    return carefully;
  }

  /** Every row decoded before it is applied; anything that does not decode is set aside and said so. */
  private loadCarefully(room: DocRoom, snapshot: Snapshot | null, tail: LogRow[]): void {
    if (snapshot) {
      try {
        Y.decodeUpdate(snapshot.data);
        Y.applyUpdate(room.doc, snapshot.data, LOAD_ORIGIN);
      } catch (error) {
        this.store.compaction.quarantineSnapshot(room.name, String(error));
        this.quarantined++;
        this.log.error('store.snapshot_quarantined', { doc: room.name, error: String(error) });
      }
    }
    const good: LogRow[] = [];
    for (const row of tail) {
      try {
        Y.decodeUpdate(row.data);
        good.push(row);
      } catch (error) {
        this.store.compaction.quarantineRow(room.name, row, String(error));
        this.quarantined++;
        this.log.error('store.row_quarantined', {
          doc: room.name,
          row: row.id,
          origin: row.origin,
          error: String(error),
        });
      }
    }
    this.logRows.set(room, good.length);
    // Row by row, not merged first: merging decodes every row once more, which was most of the
    // start of a large event (docs/PERFORMANCE.md). A row that decodes but does not integrate is
    // set aside on its own.
    for (const row of good) {
      try {
        Y.applyUpdate(room.doc, row.data, LOAD_ORIGIN);
      } catch (error) {
        this.quarantineAfterApplyFailure(room, row, error);
      }
    }
  }
}

const summariseDerived = (): string => JSON.stringify({ set: [], deleted: 0, derived: true });

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

function isPeer(origin: unknown): origin is Peer {
  return typeof origin === 'object' && origin !== null && 'send' in origin && 'origin' in origin;
}
