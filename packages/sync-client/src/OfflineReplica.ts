import * as Y from 'yjs';

/**
 * Keeps a document's replica in the browser's IndexedDB, so a judge who reloads or closes the
 * tab while the hub is unreachable finds every value again. Every change is written at once with
 * strict durability; when a document has many stored changes they are folded into one snapshot.
 * The last durable state vector the hub confirmed is kept beside it, so values already on the hub
 * still say so after a reload.
 */
const DB_NAME = 'judgehub';
const DB_VERSION = 1;
const UPDATES = 'updates';
const META = 'meta';
const COMPACT_AFTER = 300;

const LOAD_ORIGIN = Symbol('offline-replica');

interface StoredUpdate {
  id?: number;
  key: string;
  update: Uint8Array;
}

interface StoredMeta {
  key: string;
  durable: [number, number][];
}

export class OfflineReplica {
  private stored = 0;
  private closed = false;
  private writes: Promise<void> = Promise.resolve();
  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === LOAD_ORIGIN || this.closed) return;
    this.enqueue(() => this.append(update));
  };

  private constructor(
    private readonly db: IDBDatabase,
    /** `<eventId>/<docName>`: replicas of different events never mix. */
    readonly key: string,
    readonly doc: Y.Doc,
  ) {}

  /** Opens the replica and loads what it holds into `doc`; null where IndexedDB is unavailable. */
  static async open(
    key: string,
    doc: Y.Doc,
  ): Promise<{ replica: OfflineReplica; durable: Map<number, number> } | null> {
    if (typeof indexedDB === 'undefined') return null;
    const db = await openDatabase();
    const replica = new OfflineReplica(db, key, doc);
    const durable = await replica.load();
    doc.on('update', replica.onUpdate);
    return { replica, durable };
  }

  /** Remembers what the hub confirmed as durable. */
  saveDurable(durable: ReadonlyMap<number, number>): void {
    const meta: StoredMeta = { key: this.key, durable: [...durable] };
    this.enqueue(() =>
      request(this.db.transaction(META, 'readwrite').objectStore(META).put(meta)).then(
        () => undefined,
      ),
    );
  }

  /** Waits until every change so far is in IndexedDB. */
  flushed(): Promise<void> {
    return this.writes;
  }

  close(): void {
    this.closed = true;
    this.doc.off('update', this.onUpdate);
    void this.writes.finally(() => this.db.close());
  }

  private async load(): Promise<Map<number, number>> {
    const tx = this.db.transaction([UPDATES, META], 'readonly');
    const rows = await request<StoredUpdate[]>(
      tx.objectStore(UPDATES).index('key').getAll(this.key),
    );
    const meta = await request<StoredMeta | undefined>(tx.objectStore(META).get(this.key));
    this.stored = rows.length;
    if (rows.length > 0)
      Y.applyUpdate(this.doc, Y.mergeUpdates(rows.map((r) => r.update)), LOAD_ORIGIN);
    return new Map(meta?.durable ?? []);
  }

  private async append(update: Uint8Array): Promise<void> {
    const tx = this.db.transaction(UPDATES, 'readwrite', { durability: 'strict' });
    tx.objectStore(UPDATES).add({ key: this.key, update } satisfies StoredUpdate);
    await done(tx);
    if (++this.stored >= COMPACT_AFTER) await this.compact();
  }

  /** Replaces the stored changes with one snapshot of the document, in one transaction. */
  private async compact(): Promise<void> {
    const tx = this.db.transaction(UPDATES, 'readwrite', { durability: 'strict' });
    const store = tx.objectStore(UPDATES);
    const keys = await request(store.index('key').getAllKeys(this.key));
    for (const k of keys) store.delete(k);
    store.add({ key: this.key, update: Y.encodeStateAsUpdate(this.doc) } satisfies StoredUpdate);
    await done(tx);
    this.stored = 1;
  }

  private enqueue(write: () => Promise<void>): void {
    this.writes = this.writes.then(write).catch((error: unknown) => {
      // Storage full or revoked: the value is still in memory and goes to the hub when online.
      console.error('JudgeHub: could not store a change on this device', error);
    });
  }
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, DB_VERSION);
    open.onupgradeneeded = () => {
      const db = open.result;
      const updates = db.createObjectStore(UPDATES, { keyPath: 'id', autoIncrement: true });
      updates.createIndex('key', 'key');
      db.createObjectStore(META, { keyPath: 'key' });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB open failed'));
    open.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}
