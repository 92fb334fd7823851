import type { WebSocket } from 'ws';
import { DEVICE_AWARENESS_FIELD, type DeviceInfo, type DevicesSnapshot } from '@judgehub/model';
import type { DocRoom } from './DocRoom.js';
import { auditOrigin, type Principal } from './access.js';

/** What the tracker needs of a connection: a way to end it. */
export interface Closable {
  close(code: number, reason: string): void;
}

export interface TrackedSocket {
  connection: Closable;
  ws: Pick<WebSocket, 'on'>;
  room: DocRoom;
  /** Kept only to close this socket when its token is revoked; never reported or logged. */
  token: string;
  principal: Principal;
  /** As the client sent it (already validated), or null for clients that send none. */
  deviceId: string | null;
  appVersion: string | null;
  address: string;
}

interface Device {
  info: Omit<DeviceInfo, 'connected' | 'connectedSince' | 'docs'>;
  sockets: Map<Closable, { docName: string; token: string; openedAt: number }>;
}

/** Device rows kept at most; past it the longest-gone disconnected ones are forgotten. */
const MAX_DEVICES = 1000;
/** Listeners hear of changes at most this often: a burst of reconnects is one update. */
const NOTIFY_DELAY_MS = 250;
const ROLE_ORDER = ['scoreboard', 'judge', 'head-judge', 'organiser'];

/**
 * Who is connected: each device (a browser install, by the id it sends with every sync socket),
 * signed in as whom, from which address, since when, last heard from, and how many values it says
 * wait to reach the hub. Also the one place that knows which sockets use which token, so that a
 * replaced link can be cut off at once.
 */
export class DeviceTracker {
  private readonly devices = new Map<string, Device>();
  private readonly bySocket = new Map<Closable, Device>();
  private readonly watchedRooms = new WeakSet<DocRoom>();
  private readonly listeners = new Set<() => void>();
  private notifyTimer: NodeJS.Timeout | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** Starts following an accepted sync socket until it closes. */
  track(socket: TrackedSocket): void {
    const at = this.now();
    const key = `${socket.deviceId ?? `address:${socket.address}`}|${auditOrigin(socket.principal)}`;
    let device = this.devices.get(key);
    if (!device) {
      this.makeRoom();
      device = {
        info: {
          key,
          deviceId: socket.deviceId,
          role: socket.principal.role,
          judgeId: socket.principal.judgeId,
          name: socket.principal.label,
          address: socket.address,
          appVersion: socket.appVersion,
          lastSeen: at,
          waiting: null,
          linkReplaced: false,
        },
        sockets: new Map(),
      };
      this.devices.set(key, device);
    }
    // The same tablet back on a new link, or from a new address after a Wi-Fi change.
    Object.assign(device.info, {
      address: socket.address,
      appVersion: socket.appVersion ?? device.info.appVersion,
      lastSeen: at,
      linkReplaced: false,
      name: socket.principal.label,
    });
    device.sockets.set(socket.connection, {
      docName: socket.room.name,
      token: socket.token,
      openedAt: at,
    });
    this.bySocket.set(socket.connection, device);
    this.watchAwareness(socket.room);

    const tracked = device;
    socket.ws.on('message', () => {
      tracked.info.lastSeen = this.now();
    });
    socket.ws.on('close', () => {
      tracked.sockets.delete(socket.connection);
      this.bySocket.delete(socket.connection);
      tracked.info.lastSeen = this.now();
      this.changed();
    });
    this.changed();
  }

  /**
   * Closes every socket signed in with `token` (its link was replaced) and marks its devices.
   * Returns how many sockets were closed.
   */
  closeToken(token: string, code: number, reason: string): number {
    let closed = 0;
    for (const device of this.devices.values()) {
      for (const [connection, socket] of device.sockets) {
        if (socket.token !== token) continue;
        device.info.linkReplaced = true;
        connection.close(code, reason);
        closed++;
      }
    }
    if (closed > 0) this.changed();
    return closed;
  }

  /** Open sync sockets; for tests and health checks. */
  socketCount(): number {
    return this.bySocket.size;
  }

  snapshot(): DevicesSnapshot {
    const devices = [...this.devices.values()].map((device): DeviceInfo => {
      const sockets = [...device.sockets.values()];
      return {
        ...device.info,
        connected: sockets.length > 0,
        connectedSince: sockets.length > 0 ? Math.min(...sockets.map((s) => s.openedAt)) : null,
        docs: [...new Set(sockets.map((s) => s.docName))].sort(),
      };
    });
    devices.sort(
      (a, b) =>
        ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
        (a.judgeId ?? '').localeCompare(b.judgeId ?? '', 'en', { numeric: true }) ||
        Number(b.connected) - Number(a.connected) ||
        b.lastSeen - a.lastSeen,
    );
    return { hubTime: this.now(), devices };
  }

  /** Calls `listener` (coalesced) after devices connect, leave, report, or are cut off. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.notifyTimer = null;
    this.listeners.clear();
  }

  private changed(): void {
    if (this.notifyTimer || this.listeners.size === 0) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      for (const listener of [...this.listeners]) listener();
    }, NOTIFY_DELAY_MS);
    this.notifyTimer.unref();
  }

  /** Reads the waiting count a JudgeHub client puts in its awareness state (see accessApi.ts). */
  private watchAwareness(room: DocRoom): void {
    if (this.watchedRooms.has(room)) return;
    this.watchedRooms.add(room);
    room.awareness.on(
      'update',
      ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
        const device = this.bySocket.get(origin as Closable);
        if (!device) return;
        const states = room.awareness.getStates();
        for (const id of [...added, ...updated]) {
          const waiting = waitingIn(states.get(id));
          if (waiting === null || waiting === device.info.waiting) continue;
          device.info.waiting = waiting;
          this.changed();
        }
      },
    );
  }

  private makeRoom(): void {
    if (this.devices.size < MAX_DEVICES) return;
    const gone = [...this.devices.entries()]
      .filter(([, d]) => d.sockets.size === 0)
      .sort(([, a], [, b]) => a.info.lastSeen - b.info.lastSeen);
    for (const [key] of gone.slice(0, Math.max(1, this.devices.size - MAX_DEVICES + 1)))
      this.devices.delete(key);
  }
}

/** The client's own count, if it is a sane one: awareness is whatever the client sent. */
function waitingIn(state: Record<string, unknown> | undefined): number | null {
  const field = state?.[DEVICE_AWARENESS_FIELD];
  if (typeof field !== 'object' || field === null) return null;
  const waiting = (field as Record<string, unknown>)['waiting'];
  return typeof waiting === 'number' && Number.isSafeInteger(waiting) && waiting >= 0
    ? waiting
    : null;
}
