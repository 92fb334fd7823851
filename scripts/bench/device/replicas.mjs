// What a simulated device keeps of a document. A judge's own sheet is a real Y.Doc per device
// (it commits into it). Documents a device only reads (the event, the results) are held once per
// worker process and shared by its devices: each device still receives and parses every message
// itself, but a message already applied by a sibling is recognised and not decoded again. That
// keeps 1,000 devices within a 2-core machine without changing what the server sees or does.
import * as Y from 'yjs';
import { resolveField, sheetEntries } from '@judgehub/model';
import { REMOTE, now } from './DocLink.mjs';

export class OwnReplica {
  /** @param {string} deviceName written into each entry this device commits */
  constructor(deviceName) {
    this.doc = new Y.Doc();
    this.deviceName = deviceName;
    this.links = new Set();
    /** Called with each entry another device committed, when it arrives here. */
    this.onOtherEntry = null;
    this.nextTag = null;
    this.doc.on('update', (update, origin) => {
      if (origin === REMOTE) return;
      const endClock = this.localClock();
      for (const link of this.links) link.sendUpdate(update, endClock, this.nextTag);
    });
    sheetEntries(this.doc).observe((event) => {
      if (event.transaction.origin !== REMOTE || !this.onOtherEntry) return;
      const at = now();
      const entries = event.target;
      for (const [key, change] of event.changes.keys) {
        if (change.action !== 'add') continue;
        const entry = entries.get(key);
        if (entry && entry.device !== this.deviceName) this.onOtherEntry(entry, at);
      }
    });
  }

  get clientID() {
    return this.doc.clientID;
  }

  localClock() {
    return Y.getState(this.doc.store, this.doc.clientID);
  }

  stateVector() {
    return Y.encodeStateVector(this.doc);
  }

  diff(stateVector) {
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  apply(update) {
    Y.applyUpdate(this.doc, update, REMOTE);
    return null;
  }

  /** The value a field shows now on this device, or null. */
  currentValue(teamId, categoryId, field) {
    const history = [];
    for (const e of sheetEntries(this.doc).values())
      if (e.teamId === teamId && e.categoryId === categoryId && e.field === field) history.push(e);
    return resolveField(history)?.value ?? null;
  }
}

/** A cheap fingerprint of a message: its length, its head (Yjs puts client and clock there), a hash. */
function fingerprint(update) {
  let hash = 2166136261;
  const step = Math.max(1, update.length >> 10);
  for (let i = 0; i < update.length; i += i < 64 ? 1 : step)
    hash = Math.imul(hash ^ update[i], 16777619);
  return `${update.length}:${hash >>> 0}:${update[update.length - 1]}`;
}

export class SharedReplica {
  /**
   * @param {(doc: Y.Doc, transaction: Y.Transaction) => unknown} [describe] what a newly applied
   *   update changed (e.g. which scores moved); its result goes to every device that receives
   *   the same update
   */
  constructor(describe = null) {
    this.doc = new Y.Doc();
    this.describe = describe;
    this.recent = new Map();
    this.diffs = new Map();
    this.cachedStateVector = null;
    this.lastChange = null;
    this.doc.on('afterTransaction', (tr) => {
      if (tr.origin !== REMOTE || !this.describe) return;
      this.lastChange = this.describe(this.doc, tr);
    });
  }

  get clientID() {
    return -1;
  }

  localClock() {
    return 0;
  }

  stateVector() {
    return (this.cachedStateVector ??= Y.encodeStateVector(this.doc));
  }

  diff(stateVector) {
    // Every device of a worker is sent the same step 1 by the server: compute its answer once.
    const key = Buffer.from(stateVector).toString('latin1');
    let update = this.diffs.get(key);
    if (!update) {
      update = Y.encodeStateAsUpdate(this.doc, stateVector);
      if (this.diffs.size > 64) this.diffs.clear();
      this.diffs.set(key, update);
    }
    return update;
  }

  /** Applies an update once per worker; returns what it changed (the same for every device). */
  apply(update) {
    const key = fingerprint(update);
    const seen = this.recent.get(key);
    if (seen) return seen;
    this.lastChange = null;
    Y.applyUpdate(this.doc, update, REMOTE);
    this.cachedStateVector = null;
    this.diffs.clear();
    const result = { key, change: this.lastChange };
    if (this.recent.size > 512) this.recent.clear();
    this.recent.set(key, result);
    return result;
  }
}

/**
 * For the results document: which score slots (team in category) a transaction changed, by
 * comparing the published scores it touched with the ones seen before. Reads both layouts: one
 * entry per team (`standings`, `<category>|<team>`) and whole categories (`categories`).
 */
export function scoreChanges(slotOf) {
  const scores = new Map();
  return (doc, tr) => {
    const standings = doc.getMap('standings');
    const categories = doc.getMap('categories');
    const changed = [];
    const seen = (teamId, categoryId, score) => {
      const slot = slotOf(teamId, categoryId);
      if (slot === undefined) return;
      if (scores.has(slot) && scores.get(slot) !== score) changed.push(slot);
      scores.set(slot, score);
    };
    for (const [type, keys] of tr.changed) {
      if (type === standings) {
        for (const key of keys) {
          const standing = standings.get(key);
          if (standing) seen(standing.teamId, key.slice(0, key.indexOf('|')), standing.score);
        }
      } else if (type === categories) {
        for (const categoryId of keys) {
          const result = categories.get(categoryId);
          for (const standing of result?.standings ?? [])
            seen(standing.teamId, categoryId, standing.score);
        }
      }
    }
    return changed;
  };
}
