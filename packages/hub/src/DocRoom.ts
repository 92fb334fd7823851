import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { Awareness } from 'y-protocols/awareness';
import { MessageType } from '@judgehub/model';
import { AcceptedFrontier } from './AcceptedFrontier.js';

/** The state vector of a document with nothing in it (no throwaway Y.Doc per room). */
const EMPTY_STATE_VECTOR = new Uint8Array([0]);

/** One side of a connection, as a room sees it. */
export interface Peer {
  send(message: Uint8Array): void;
  /** Whether the hub sends this peer durable acks (it may write the doc). */
  readonly canWrite: boolean;
  /** Audit origin recorded with this peer's updates, e.g. `judge:J3`. */
  readonly origin: string;
}

/** A loaded document, its awareness and the peers syncing it. */
export class DocRoom {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly peers = new Set<Peer>();
  /** Awareness client ids announced by each peer, removed when it leaves. */
  readonly awarenessIds = new Map<Peer, Set<number>>();
  /** State vector of what is on disk: what a durable ack may claim. Set at load and per commit. */
  durableStateVector: Uint8Array = EMPTY_STATE_VECTOR;
  /** What peers' accepted updates reach, applied or still waiting for their commit. */
  readonly frontier: AcceptedFrontier;

  constructor(readonly name: string) {
    // gc stays on: the audit trail is the SQLite log, not tombstones in memory.
    // The name as guid spares a random uuid per document at start; the clientID stays random.
    this.doc = new Y.Doc({ guid: name });
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.frontier = new AcceptedFrontier(this.doc);
    // A cached answer holds for one state of the document: any transaction forgets them all.
    this.doc.on('afterTransaction', () => {
      if (this.step2Cache.size > 0) this.step2Cache.clear();
    });
  }

  /** Sync step 2 messages by the state vector they answer, until the document next changes. */
  private readonly step2Cache = new Map<string, Uint8Array>();

  /**
   * The sync step 2 answering `stateVector`. Devices that are in step send the same state vector
   * (in a reconnect storm hundreds of tablets are up to date with a large event), so the answer is
   * encoded once and the same bytes are queued to every socket, not a copy per device.
   */
  syncStep2For(stateVector: Uint8Array): Uint8Array {
    const key = Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength);
    const cacheKey = key.toString('latin1');
    let message = this.step2Cache.get(cacheKey);
    if (!message) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.writeSyncStep2(encoder, this.doc, stateVector);
      message = encoding.toUint8Array(encoder);
      if (this.step2Cache.size >= 8) this.step2Cache.clear();
      this.step2Cache.set(cacheKey, message);
    }
    return message;
  }

  broadcast(message: Uint8Array, except?: Peer): void {
    for (const peer of this.peers) if (peer !== except) peer.send(message);
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}
