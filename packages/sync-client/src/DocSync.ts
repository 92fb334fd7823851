import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import {
  CloseCode,
  FINAL_CLOSE_CODES,
  HEARTBEAT_INTERVAL_MS,
  HEARTBEAT_TIMEOUT_MS,
  MessageType,
  PROTOCOL_VERSION,
  type Handshake,
} from '@judgehub/model';
import { reconnectDelay } from './backoff.js';
import { DeviceReport } from './DeviceReport.js';

const HEARTBEAT = new Uint8Array([MessageType.Heartbeat]);

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'refused';

export interface DocSyncStatus {
  state: ConnectionState;
  /** The first full exchange with the hub has completed on this connection. */
  synced: boolean;
  /** Last time the hub confirmed something durable or sent us data, ms since epoch. */
  lastSyncAt: number | null;
  handshake: Handshake | null;
  /** Why the hub refused: the connection (state `refused`) or a write (read-only). */
  refusal: string | null;
  /** When the last good connection was lost; null while synced or before the first sync. */
  disconnectedAt: number | null;
  /**
   * The hub's clock minus this device's, from the handshake (ms; off by at most the time the
   * handshake took to arrive): screens add it to Date.now() to act in step on the hub's time.
   */
  hubTimeOffsetMs: number | null;
  /** The close code of a refused connection (e.g. 4410, link replaced); null otherwise. */
  closeCode: number | null;
}

export interface DocSyncOptions {
  /** e.g. `ws://10.0.0.5:7420/sync` */
  serverUrl: string;
  docName: string;
  token: string;
  doc: Y.Doc;
  WebSocketImpl?: typeof WebSocket;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** The event this replica belongs to: a hub running another event is refused, never merged. */
  eventId?: string;
  /** What the hub last confirmed as durable (e.g. kept across a reload); replaced on connect. */
  durable?: ReadonlyMap<number, number>;
  /** Called whenever the durable state vector changes, e.g. to keep it across reloads. */
  onDurable?: (durable: ReadonlyMap<number, number>) => void;
  /** This browser install's id and the app's version, shown on the organiser's device list. */
  deviceId?: string;
  appVersion?: string;
  /**
   * Heartbeat period and the silence after which the socket counts as dead (defaults: the
   * protocol's 5 s and 12 s). A projected scoreboard uses shorter ones to say *stale* quickly.
   */
  heartbeatIntervalMs?: number;
  heartbeatTimeoutMs?: number;
}

/**
 * Keeps one Y.Doc in sync with the hub over `/sync/<docName>`, speaking the y-websocket protocol
 * plus the hub's handshake and durable acks. Nothing is exchanged until the hub's handshake has
 * been checked (protocol version, event). It reconnects by itself with jittered backoff, and
 * stops only when reconnecting cannot help (a revoked link, a forbidden document, another event).
 */
export class DocSync {
  readonly doc: Y.Doc;
  private readonly opts: DocSyncOptions;
  private ws: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private durable: Map<number, number>;
  /** The hub's handshake on the current socket was checked; until then nothing is synced. */
  private accepted = false;
  /** The first durable ack on a socket is the hub's whole truth and replaces what we had. */
  private firstAck = true;
  private statusValue: DocSyncStatus = {
    state: 'connecting',
    synced: false,
    lastSyncAt: null,
    handshake: null,
    refusal: null,
    disconnectedAt: null,
    hubTimeOffsetMs: null,
    closeCode: null,
  };
  private readonly listeners = new Set<(status: DocSyncStatus) => void>();
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeUpdate(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  };
  private readonly onBrowserOnline = () => this.reconnectNow();
  // The browser knows the network is gone: a socket cannot be alive, whatever it claims.
  private readonly onBrowserOffline = () => this.dropSocket();
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private readonly report: DeviceReport;
  private reportTimer: ReturnType<typeof setTimeout> | null = null;
  private lastReceivedAt = 0;

  constructor(options: DocSyncOptions) {
    this.opts = options;
    this.doc = options.doc;
    this.durable = new Map(options.durable ?? []);
    this.report = new DeviceReport(options.doc.clientID);
    this.doc.on('update', this.onDocUpdate);
    globalThis.addEventListener?.('online', this.onBrowserOnline);
    globalThis.addEventListener?.('offline', this.onBrowserOffline);
    this.connect();
  }

  get status(): DocSyncStatus {
    return this.statusValue;
  }

  /** Calls `listener` on every status or durability change; returns an unsubscribe function. */
  subscribe(listener: (status: DocSyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether the change made by `client` at `clock` is stored on the hub's disk. */
  isDurable(client: number, clock: number): boolean {
    return (this.durable.get(client) ?? 0) > clock;
  }

  /** Whether the value now stored under `key` in `map` is stored on the hub's disk. */
  isMapEntryDurable<T>(map: Y.Map<T>, key: string): boolean {
    const item = map._map.get(key);
    return item ? this.isDurable(item.id.client, item.id.clock) : false;
  }

  /** A copy of what the hub has confirmed as durable: Yjs client id → clock. */
  durableStateVector(): Map<number, number> {
    return new Map(this.durable);
  }

  /** Drops the connection now and reconnects at once (e.g. the network came back). */
  reconnectNow(): void {
    if (this.stopped || this.statusValue.state === 'refused') return;
    this.dropSocket();
    this.attempt = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.connect();
  }

  /**
   * Tells the hub how many values on this device wait for its confirmation (shown to the
   * organiser). Sent at most once a second, and renewed while connected.
   */
  reportWaiting(waiting: number): void {
    if (!this.report.set(waiting) || this.reportTimer) return;
    this.reportTimer = setTimeout(() => {
      this.reportTimer = null;
      this.sendReport();
    }, 1000);
  }

  destroy(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.reportTimer) clearTimeout(this.reportTimer);
    this.doc.off('update', this.onDocUpdate);
    globalThis.removeEventListener?.('online', this.onBrowserOnline);
    globalThis.removeEventListener?.('offline', this.onBrowserOffline);
    this.stopHeartbeat();
    this.ws?.close();
    this.ws = null;
    this.listeners.clear();
  }

  private connect(): void {
    if (this.stopped) return;
    const Impl = this.opts.WebSocketImpl ?? WebSocket;
    const query = new URLSearchParams({ token: this.opts.token });
    if (this.opts.deviceId) query.set('device', this.opts.deviceId);
    if (this.opts.appVersion) query.set('app', this.opts.appVersion);
    const url = `${this.opts.serverUrl}/${this.opts.docName}?${query.toString()}`;
    this.setStatus({ state: 'connecting', synced: false });
    const ws = new Impl(url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.accepted = false;
    this.firstAck = true;
    // Watched from the start: a connect that never completes, or a hub that never sends its
    // handshake, counts as dead after the same silence as a connection that stops answering.
    this.startHeartbeat();
    ws.onopen = () => {
      this.attempt = 0;
      this.setStatus({ state: 'online' });
    };
    ws.onmessage = (event: MessageEvent) => {
      if (this.ws !== ws || !(event.data instanceof ArrayBuffer)) return;
      this.lastReceivedAt = Date.now();
      this.receive(new Uint8Array(event.data));
    };
    // A failed connect is followed by a close event, which is where reconnecting happens; without
    // a handler, Node's WebSocket reports the error as unhandled.
    ws.onerror = () => {};
    ws.onclose = (event: CloseEvent) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.disconnected(event.code, event.reason);
    };
  }

  /** Gives up on the current socket at once: a dead network may never report its close. */
  private dropSocket(): void {
    const ws = this.ws;
    if (!ws) return;
    this.ws = null;
    ws.close();
    this.disconnected(1006, '');
  }

  private disconnected(code: number, reason: string): void {
    this.accepted = false;
    this.stopHeartbeat();
    const final = FINAL_CLOSE_CODES[code];
    if (final) {
      this.setStatus({
        state: 'refused',
        synced: false,
        refusal: reason && reason !== final ? `${final} (${reason})` : final,
        closeCode: code,
      });
      return;
    }
    this.setStatus({
      state: 'offline',
      synced: false,
      disconnectedAt:
        this.statusValue.disconnectedAt ?? (this.statusValue.synced ? Date.now() : null),
    });
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    // Asked to slow down: the socket had opened (resetting the backoff), so start from a few
    // seconds rather than the usual half second.
    if (code === CloseCode.SlowDown) this.attempt = Math.max(this.attempt, 3);
    const delay = reconnectDelay(this.attempt++, this.opts.minBackoffMs, this.opts.maxBackoffMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect();
    }, delay);
  }

  /**
   * Drops a socket the hub has been silent on for too long, and sends heartbeats (once the
   * handshake is accepted: nothing is sent before) so that a live hub is never silent.
   */
  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.lastReceivedAt = Date.now();
    const timeout = this.opts.heartbeatTimeoutMs ?? HEARTBEAT_TIMEOUT_MS;
    this.heartbeat = setInterval(() => {
      if (Date.now() - this.lastReceivedAt > timeout) return this.dropSocket();
      this.send(HEARTBEAT);
      if (this.report.due()) this.sendReport();
    }, this.opts.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private receive(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.Handshake) {
      this.acceptHandshake(JSON.parse(decoding.readVarString(decoder)) as Handshake);
      return;
    }
    if (!this.accepted) return;
    switch (type) {
      case MessageType.Sync: {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.Sync);
        const subType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
        if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
        if (subType === syncProtocol.messageYjsSyncStep2) {
          this.setStatus({ synced: true, lastSyncAt: Date.now(), disconnectedAt: null });
        } else if (subType === syncProtocol.messageYjsUpdate) {
          this.setStatus({ lastSyncAt: Date.now() });
        }
        break;
      }
      case MessageType.DurableAck: {
        const stateVector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
        if (this.firstAck) {
          // What the hub has on disk now is the truth, even if it lost something it once confirmed.
          this.durable = new Map(stateVector);
          this.firstAck = false;
        } else {
          for (const [client, clock] of stateVector) {
            if (clock > (this.durable.get(client) ?? 0)) this.durable.set(client, clock);
          }
        }
        this.opts.onDurable?.(this.durable);
        this.setStatus({ lastSyncAt: Date.now() });
        break;
      }
      case MessageType.Heartbeat:
        // Its arrival already counted as a sign of life.
        break;
      case MessageType.Auth:
        decoding.readVarUint(decoder);
        this.setStatus({ refusal: decoding.readVarString(decoder) });
        break;
      default:
        // Awareness and anything newer than this client: nothing to do.
        break;
    }
  }

  private acceptHandshake(handshake: Handshake): void {
    const offset = Number.isFinite(handshake.hubTime) ? handshake.hubTime - Date.now() : null;
    this.setStatus({ handshake, hubTimeOffsetMs: offset });
    let refusal: string | null = null;
    if (handshake.protocolVersion !== PROTOCOL_VERSION) {
      refusal = `The hub speaks protocol ${handshake.protocolVersion}, this app ${PROTOCOL_VERSION}: update JudgeHub on this device or on the hub.`;
    } else if (this.opts.eventId && handshake.eventId !== this.opts.eventId) {
      refusal =
        'This device holds scores for another event than the one the hub runs now. Ask the organiser before going on.';
    }
    if (refusal) {
      this.stopped = true;
      const ws = this.ws;
      this.ws = null;
      ws?.close();
      this.setStatus({ state: 'refused', synced: false, refusal });
      return;
    }
    this.accepted = true;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(encoding.toUint8Array(encoder));
    this.sendReport();
  }

  private sendReport(): void {
    if (!this.accepted) return;
    const message = this.report.message();
    if (message) this.send(message);
  }

  private send(message: Uint8Array): void {
    if (this.accepted && this.ws && this.ws.readyState === this.ws.OPEN) {
      this.ws.send(message as Uint8Array<ArrayBuffer>);
    }
  }

  private setStatus(patch: Partial<DocSyncStatus>): void {
    this.statusValue = { ...this.statusValue, ...patch };
    for (const listener of this.listeners) listener(this.statusValue);
  }
}
