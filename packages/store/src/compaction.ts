import type Database from 'better-sqlite3';

export interface LogRow {
  id: number;
  data: Uint8Array;
  origin: string;
  createdAt: number;
}

export interface Snapshot {
  data: Uint8Array;
  /** The last log row id folded into this snapshot. */
  upToId: number;
}

export interface AuditEntry {
  id: number;
  origin: string;
  createdAt: number;
  bytes: number;
  /** What the update changed, as summarised by the caller (JSON text). */
  changes: string;
  /** Still a log row (not yet compacted) or retired into the audit table. */
  source: 'log' | 'audit';
}

interface RawLogRow {
  id: number;
  data: Buffer;
  origin: string;
  created_at: number;
}

export const toBuffer = (data: Uint8Array): Buffer =>
  Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/**
 * Snapshots, audit and quarantine over the update log. Compaction folds the log rows of a document
 * into one snapshot and keeps, for each retired row, who sent it, when, and what it changed.
 */
export class Compaction {
  constructor(private readonly db: Database.Database) {}

  private readonly statements = new Map<string, Database.Statement>();

  /** Each query is prepared once: loading an event reads two per document, a storm more. */
  private prepared<P extends unknown[] = unknown[], R = unknown>(
    sql: string,
  ): Database.Statement<P, R> {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement as unknown as Database.Statement<P, R>;
  }

  snapshot(doc: string): Snapshot | null {
    const row = this.prepared<[string], { data: Buffer; up_to_id: number }>(
      'SELECT data, up_to_id FROM snapshots WHERE doc = ?',
    ).get(doc);
    return row ? { data: new Uint8Array(row.data), upToId: row.up_to_id } : null;
  }

  /** The log rows of a document not folded into its snapshot, in order. */
  tail(doc: string): LogRow[] {
    return this.prepared<[string], RawLogRow>(
      'SELECT id, data, origin, created_at FROM updates WHERE doc = ? ORDER BY id',
    )
      .all(doc)
      .map(toLogRow);
  }

  /**
   * In one transaction: stores `snapshot` as the document's state covering every log row it has
   * now (the caller's in-memory document must equal what is on disk), moves those rows to the
   * audit table (summarised by `summarise`), and deletes them. Returns how many rows it retired.
   */
  compact(doc: string, snapshot: Uint8Array, summarise: (data: Uint8Array) => string): number {
    return this.db.transaction(() => {
      const upToId =
        this.prepared<[string], { id: number | null }>(
          'SELECT MAX(id) AS id FROM updates WHERE doc = ?',
        ).get(doc)?.id ?? null;
      if (upToId === null) return 0;
      const rows = this.prepared<[string, number], RawLogRow>(
        'SELECT id, data, origin, created_at FROM updates WHERE doc = ? AND id <= ? ORDER BY id',
      ).all(doc, upToId);
      const audit = this.prepared(
        'INSERT INTO audit (id, doc, origin, created_at, bytes, changes) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const row of rows)
        audit.run(
          row.id,
          doc,
          row.origin,
          row.created_at,
          row.data.byteLength,
          summarise(new Uint8Array(row.data)),
        );
      this.prepared('DELETE FROM updates WHERE doc = ? AND id <= ?').run(doc, upToId);
      this.prepared(
        `INSERT INTO snapshots (doc, data, up_to_id, created_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(doc) DO UPDATE SET data = excluded.data, up_to_id = excluded.up_to_id, created_at = excluded.created_at`,
      ).run(doc, toBuffer(snapshot), upToId, Date.now());
      return rows.length;
    })();
  }

  /** Moves a log row that cannot be loaded out of the log, keeping its bytes and the reason. */
  quarantineRow(doc: string, row: LogRow, error: string): void {
    this.db.transaction(() => {
      this.prepared(
        'INSERT INTO quarantine (doc, update_id, data, origin, created_at, error, quarantined_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(doc, row.id, toBuffer(row.data), row.origin, row.createdAt, error, Date.now());
      this.prepared('DELETE FROM updates WHERE id = ?').run(row.id);
    })();
  }

  /** Moves a snapshot that cannot be loaded aside; the document then loads from its log tail only. */
  quarantineSnapshot(doc: string, error: string): void {
    this.db.transaction(() => {
      this.prepared(
        `INSERT INTO quarantine (doc, update_id, data, origin, created_at, error, quarantined_at)
           SELECT doc, NULL, data, 'snapshot', created_at, ?, ? FROM snapshots WHERE doc = ?`,
      ).run(error, Date.now(), doc);
      this.prepared('DELETE FROM snapshots WHERE doc = ?').run(doc);
    })();
  }

  quarantined(): { doc: string; updateId: number | null; error: string; quarantinedAt: number }[] {
    return this.prepared<
      [],
      { doc: string; update_id: number | null; error: string; quarantined_at: number }
    >('SELECT doc, update_id, error, quarantined_at FROM quarantine ORDER BY id')
      .all()
      .map((r) => ({
        doc: r.doc,
        updateId: r.update_id,
        error: r.error,
        quarantinedAt: r.quarantined_at,
      }));
  }

  /** Who changed a document, when and what: retired rows from the audit table, then live log rows. */
  history(doc: string, summarise: (data: Uint8Array) => string): AuditEntry[] {
    const retired = this.prepared<
      [string],
      { id: number; origin: string; created_at: number; bytes: number; changes: string }
    >('SELECT id, origin, created_at, bytes, changes FROM audit WHERE doc = ? ORDER BY id')
      .all(doc)
      .map((r): AuditEntry => ({
        id: r.id,
        origin: r.origin,
        createdAt: r.created_at,
        bytes: r.bytes,
        changes: r.changes,
        source: 'audit',
      }));
    const live = this.tail(doc).map((r): AuditEntry => ({
      id: r.id,
      origin: r.origin,
      createdAt: r.createdAt,
      bytes: r.data.byteLength,
      changes: summarise(r.data),
      source: 'log',
    }));
    return [...retired, ...live];
  }
}

function toLogRow(row: RawLogRow): LogRow {
  return {
    id: row.id,
    data: new Uint8Array(row.data),
    origin: row.origin,
    createdAt: row.created_at,
  };
}
