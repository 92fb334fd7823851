// One simulated device's WebSocket for one document, speaking each server's dialect over a raw
// `ws` socket: the y-websocket protocol (JudgeHub hub, reference server) or Hocuspocus's (every
// message prefixed with the document name, a token message first). It syncs like y-websocket's
// provider and records when the server acknowledges each change:
// - judgehub: the durable ack (100) whose state vector covers the change (it is on disk);
// - reference: the server's echo of the change (y-websocket sends every update back to its
//   sender too): applied in the server's memory, nothing is on disk;
// - hocuspocus: its SyncStatus reply (8) to the message: applied in memory; Hocuspocus stores
//   the document later (debounced), so this too says nothing about the disk.
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { reconnectDelay } from '@judgehub/sync-client';

export const REMOTE = Symbol('remote');

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
export const now = () => performance.timeOrigin + performance.now();

const SYNC = 0;
const SYNC_REPLY = 4; // Hocuspocus: a sync message that asks for no step 1 back
const SYNC_STATUS = 8; // Hocuspocus: the server applied (or refused) our update
const DURABLE_ACK = 100; // JudgeHub
const HEARTBEAT = 102; // JudgeHub
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;

export const FLAVOURS = {
  judgehub: { prefixed: false, ack: 'durable', heartbeat: true },
  reference: { prefixed: false, ack: 'echo', heartbeat: false },
  hocuspocus: { prefixed: true, ack: 'status', heartbeat: false },
};

export class DocLink {
  /**
   * @param {object} o
   * @param {'judgehub'|'reference'|'hocuspocus'} o.flavour
   * @param {number} o.port
   * @param {string} o.docName
   * @param {string} [o.token]
   * @param {import('./replicas.mjs').OwnReplica | import('./replicas.mjs').SharedReplica} o.replica
   * @param {boolean} [o.reconnect] reconnect with JudgeHub's tablet backoff when closed
   * @param {(link: DocLink) => void} [o.onSynced] after the first sync step 2 of each connection
   * @param {(entry: {sentAt: number, endClock: number, tag: unknown}, at: number) => void} [o.onAck]
   * @param {(result: unknown, at: number) => void} [o.onApplied] after a remote update
   */
  constructor(o) {
    this.o = o;
    this.flavour = FLAVOURS[o.flavour];
    this.replica = o.replica;
    this.ws = null;
    this.synced = false;
    this.syncedAt = 0;
    this.attempt = 0;
    this.stopped = false;
    /** Changes sent and not yet acknowledged, oldest first. */
    this.pending = [];
    /** Highest clock of our own Yjs client the server has acknowledged. */
    this.ackedClock = 0;
    this.retry = null;
    o.replica.links?.add(this);
  }

  get open() {
    return this.ws !== null && this.ws.readyState === WebSocket.OPEN;
  }

  connect() {
    this.stopped = false;
    const { flavour, port, docName, token } = this.o;
    const url =
      flavour === 'hocuspocus'
        ? `ws://127.0.0.1:${port}/`
        : `ws://127.0.0.1:${port}/sync/${docName}?token=${encodeURIComponent(token ?? '')}`;
    const ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws = ws;
    ws.binaryType = 'nodebuffer';
    ws.on('open', () => this.onOpen());
    ws.on('message', (data) => this.onMessage(data));
    ws.on('close', () => this.onClose(ws));
    ws.on('error', () => {});
  }

  /** Closes for good (no reconnect). */
  stop() {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.ws?.terminate();
  }

  heartbeat() {
    if (this.flavour.heartbeat && this.open) this.ws.send(new Uint8Array([HEARTBEAT]));
  }

  /** Sends a local change; offline it is dropped here and goes with the next sync instead. */
  sendUpdate(update, endClock, tag) {
    if (!this.open) return false;
    this.send((e) => {
      encoding.writeVarUint(e, SYNC);
      encoding.writeVarUint(e, UPDATE);
      encoding.writeVarUint8Array(e, update);
    });
    this.pending.push({ sentAt: now(), endClock, tag });
    return true;
  }

  send(write) {
    const encoder = encoding.createEncoder();
    if (this.flavour.prefixed) encoding.writeVarString(encoder, this.o.docName);
    write(encoder);
    this.ws.send(encoding.toUint8Array(encoder));
  }

  onOpen() {
    if (this.flavour.prefixed) {
      // Hocuspocus waits for a token message before anything else on a document.
      this.send((e) => {
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint(e, 0);
        encoding.writeVarString(e, this.o.token ?? '');
      });
    }
    this.send((e) => {
      encoding.writeVarUint(e, SYNC);
      encoding.writeVarUint(e, STEP1);
      encoding.writeVarUint8Array(e, this.replica.stateVector());
    });
  }

  onClose(ws) {
    if (ws !== this.ws) return;
    this.ws = null;
    this.synced = false;
    // Hocuspocus answers per message, so unanswered ones never will be; the next sync covers them.
    if (this.flavour.ack === 'status') this.pending = [];
    if (this.stopped || !this.o.reconnect) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.stopped) this.connect();
    }, reconnectDelay(this.attempt++));
  }

  onMessage(data) {
    const decoder = decoding.createDecoder(data);
    if (this.flavour.prefixed) decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case SYNC:
      case SYNC_REPLY:
        this.onSync(decoder);
        break;
      case DURABLE_ACK: {
        const sv = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
        this.acked(sv.get(this.replica.clientID) ?? 0);
        break;
      }
      case SYNC_STATUS: {
        const entry = this.pending.shift();
        if (entry) this.resolve(entry, now());
        break;
      }
      default:
        // Handshake, heartbeat, awareness and auth replies: nothing the benchmark needs.
        break;
    }
  }

  onSync(decoder) {
    const sub = decoding.readVarUint(decoder);
    if (sub === STEP1) {
      const update = this.replica.diff(decoding.readVarUint8Array(decoder));
      this.send((e) => {
        encoding.writeVarUint(e, SYNC);
        encoding.writeVarUint(e, STEP2);
        encoding.writeVarUint8Array(e, update);
      });
      // Hocuspocus acknowledges the step 2 too; it carries whatever we changed while offline.
      if (this.flavour.ack === 'status')
        this.pending.push({ sentAt: now(), endClock: this.replica.localClock(), tag: null });
      return;
    }
    if (sub !== STEP2 && sub !== UPDATE) return;
    const update = decoding.readVarUint8Array(decoder);
    const at = now();
    const result = this.replica.apply(update);
    if (this.flavour.ack === 'echo' && this.replica.clientID >= 0) {
      const to = Y.parseUpdateMeta(update).to.get(this.replica.clientID);
      if (to !== undefined) this.acked(to);
    }
    if (result !== null) this.o.onApplied?.(result, at);
    if (sub === STEP2 && !this.synced) {
      this.synced = true;
      this.syncedAt = at;
      this.attempt = 0;
      this.o.onSynced?.(this);
    }
  }

  acked(clock) {
    const at = now();
    while (this.pending.length > 0 && this.pending[0].endClock <= clock)
      this.resolve(this.pending.shift(), at);
    if (clock > this.ackedClock) this.ackedClock = clock;
  }

  resolve(entry, at) {
    if (entry.endClock > this.ackedClock) this.ackedClock = entry.endClock;
    if (entry.tag !== null) this.o.onAck?.(entry, at);
  }
}
