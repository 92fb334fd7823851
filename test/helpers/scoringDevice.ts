import * as Y from 'yjs';
import {
  commitField,
  criterionField,
  sheetEntries,
  sheetsDocName,
  type SheetEntry,
} from '@judgehub/model';
import { DocSync } from '@judgehub/sync-client';
import { BrowserLikeWebSocketImpl } from './browserLikeWebSocket.js';
import type { ScoreSlot } from './scoreSlots.js';
import type { SeededRandom } from './seededRandom.js';

export interface ScoringDeviceOptions {
  judgeId: string;
  /** e.g. `J1-tablet-a`: recorded in every entry this device commits. */
  device: string;
  token: string;
  /** `ws://host:port/sync` */
  serverUrl: string;
  slots: ScoreSlot[];
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** The socket class (default: `ws` behaving as a browser's); e.g. one trusting a test CA. */
  webSocketImpl?: typeof globalThis.WebSocket;
}

/**
 * One judge's device: a Y.Doc replica of the judge's sheet that keeps every value through any
 * number of connections (a DocSync each), as a tablet does when its Wi-Fi comes and goes.
 */
export class ScoringDevice {
  readonly doc = new Y.Doc();
  readonly docName: string;
  /** Every entry this device committed, in order. */
  readonly committed: SheetEntry[] = [];
  sync: DocSync | null = null;

  constructor(readonly options: ScoringDeviceOptions) {
    this.docName = sheetsDocName(options.judgeId);
  }

  get judgeId(): string {
    return this.options.judgeId;
  }

  get entries(): Y.Map<SheetEntry> {
    return sheetEntries(this.doc);
  }

  /** Opens a new connection to the hub (the replica is kept). */
  connect(): DocSync {
    if (this.sync) return this.sync;
    this.sync = new DocSync({
      serverUrl: this.options.serverUrl,
      docName: this.docName,
      token: this.options.token,
      doc: this.doc,
      WebSocketImpl: this.options.webSocketImpl ?? BrowserLikeWebSocketImpl,
      minBackoffMs: this.options.minBackoffMs ?? 50,
      maxBackoffMs: this.options.maxBackoffMs ?? 400,
    });
    return this.sync;
  }

  /** Drops the connection for good, as a tablet that left the venue Wi-Fi; the replica stays. */
  disconnect(): void {
    this.sync?.destroy();
    this.sync = null;
  }

  /** Commits a random valid value to a random criterion; null if it equalled the current one. */
  commitRandom(random: SeededRandom): SheetEntry | null {
    const slot = random.pick(this.options.slots);
    return this.commit(slot, random.pick(slot.values));
  }

  commit(slot: ScoreSlot, value: number): SheetEntry | null {
    const entry = commitField(this.doc, {
      teamId: slot.teamId,
      categoryId: slot.categoryId,
      field: criterionField(slot.criterionId),
      value,
      author: this.options.judgeId,
      device: this.options.device,
    });
    if (entry) this.committed.push(entry);
    return entry;
  }

  /** Whether the current connection's hub confirmed this entry as stored on its disk. */
  isDurable(entryId: string): boolean {
    return this.sync?.isMapEntryDurable(this.entries, entryId) ?? false;
  }

  /** Entry ids in this replica the hub has not confirmed as on disk (values "on this tablet"). */
  notDurable(): string[] {
    return [...this.entries.keys()].filter((id) => !this.isDurable(id));
  }

  destroy(): void {
    this.disconnect();
    this.doc.destroy();
  }
}
