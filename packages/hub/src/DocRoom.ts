import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';

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
  durableStateVector: Uint8Array = Y.encodeStateVector(new Y.Doc());

  constructor(readonly name: string) {
    // gc stays on: the audit trail is the SQLite log, not tombstones in memory.
    this.doc = new Y.Doc();
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
  }

  broadcast(message: Uint8Array, except?: Peer): void {
    for (const peer of this.peers) if (peer !== except) peer.send(message);
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}
