import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './schema.js';
import { Compaction, type LogRow } from './compaction.js';
import { TokenTable, type NewToken, type TokenRecord } from './TokenTable.js';

export type { NewToken, Role, TokenRecord } from './TokenTable.js';

export interface AppendedUpdate {
  doc: string;
  data: Uint8Array;
  /** Who sent it, for the audit trail: e.g. `judge:J3`, `hub`. Never a token. */
  origin: string;
}

export interface StoredUpdate {
  id: number;
  data: Uint8Array;
}

export const DATABASE_FILE = 'judgehub.sqlite';

/**
 * The hub's SQLite file: an append log of raw Yjs updates per document, hub metadata and access
 * tokens. WAL with synchronous=FULL, so a committed append survives a power cut.
 */
export class HubStore {
  readonly path: string;
  /** Snapshots, audit trail and quarantine. */
  readonly compaction: Compaction;
  /** Access tokens and PINs. */
  readonly tokens: TokenTable;
  private readonly db: Database.Database;
  private readonly insertUpdate: Database.Statement<[string, Buffer, string, number]>;
  private readonly selectUpdates: Database.Statement<[string], { id: number; data: Buffer }>;
  private readonly appendMany: (updates: AppendedUpdate[]) => LogRow[];

  /** Opens (creating if needed) the database in `dataDir`. */
  static open(dataDir: string): HubStore {
    fs.mkdirSync(dataDir, { recursive: true });
    return new HubStore(path.join(dataDir, DATABASE_FILE));
  }

  constructor(file: string) {
    this.path = file;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
    this.compaction = new Compaction(this.db);
    this.tokens = new TokenTable(this.db);
    this.insertUpdate = this.db.prepare(
      'INSERT INTO updates (doc, data, origin, created_at) VALUES (?, ?, ?, ?)',
    );
    this.selectUpdates = this.db.prepare('SELECT id, data FROM updates WHERE doc = ? ORDER BY id');
    this.appendMany = this.db.transaction((updates: AppendedUpdate[]) => {
      const now = Date.now();
      return updates.map((u): LogRow => {
        const { lastInsertRowid } = this.insertUpdate.run(
          u.doc,
          Buffer.from(u.data.buffer, u.data.byteOffset, u.data.byteLength),
          u.origin,
          now,
        );
        return { id: Number(lastInsertRowid), data: u.data, origin: u.origin, createdAt: now };
      });
    });
  }

  /**
   * Appends updates in one transaction: all are durable when this returns, or none. Returns the
   * stored rows in the order given.
   */
  append(updates: AppendedUpdate[]): LogRow[] {
    return updates.length > 0 ? this.appendMany(updates) : [];
  }

  /** A document's updates in the order they were stored. */
  readUpdates(doc: string): StoredUpdate[] {
    return this.selectUpdates
      .all(doc)
      .map((row) => ({ id: row.id, data: new Uint8Array(row.data) }));
  }

  /** Every document with a snapshot or log rows. */
  listDocs(): string[] {
    return this.db
      .prepare<[], { doc: string }>(
        'SELECT doc FROM updates UNION SELECT doc FROM snapshots ORDER BY doc',
      )
      .all()
      .map((r) => r.doc);
  }

  countUpdates(doc?: string): number {
    const row =
      doc === undefined
        ? this.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM updates').get()
        : this.db
            .prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM updates WHERE doc = ?')
            .get(doc);
    return row?.n ?? 0;
  }

  getMeta(key: string): string | undefined {
    return this.db
      .prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?')
      .get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  addToken(record: NewToken): TokenRecord {
    return this.tokens.add(record);
  }

  /** The live (not revoked) record for a token, if any. */
  findToken(token: string): TokenRecord | undefined {
    return this.tokens.findLive(token);
  }

  listTokens(): TokenRecord[] {
    return this.tokens.listLive();
  }

  /** Runs SQLite's integrity check; returns the problems found (empty when healthy). */
  integrityProblems(): string[] {
    const rows = this.db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
