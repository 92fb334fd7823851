import type Database from 'better-sqlite3';

/**
 * Schema migrations, applied in order and tracked in `PRAGMA user_version`. Never edit a
 * released step: add a new one.
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE updates (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     doc TEXT NOT NULL,
     data BLOB NOT NULL,
     origin TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX updates_by_doc ON updates (doc, id);
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE tokens (
     token TEXT PRIMARY KEY,
     role TEXT NOT NULL,
     judge_id TEXT,
     label TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     revoked_at INTEGER
   );`,
  // 2: compaction and recovery. A snapshot replaces the log rows it covers; each retired row
  // leaves an audit row (who, when, what changed); rows that fail to load are set aside.
  `CREATE TABLE snapshots (
     doc TEXT PRIMARY KEY,
     data BLOB NOT NULL,
     up_to_id INTEGER NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY,
     doc TEXT NOT NULL,
     origin TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     bytes INTEGER NOT NULL,
     changes TEXT NOT NULL
   );
   CREATE INDEX audit_by_doc ON audit (doc, id);
   CREATE TABLE quarantine (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     doc TEXT NOT NULL,
     update_id INTEGER,
     data BLOB NOT NULL,
     origin TEXT,
     created_at INTEGER,
     error TEXT NOT NULL,
     quarantined_at INTEGER NOT NULL
   );`,
  // 3: pairing by PIN. A judge's (or scoreboard's) 6-digit PIN sits beside its token; revoking
  // the token retires the PIN with it. Live PINs are unique (a PIN names exactly one judge);
  // a retired PIN may come back later on another token. Tokens issued before this step get a PIN
  // when the hub starts.
  `ALTER TABLE tokens ADD COLUMN pin TEXT;
   CREATE UNIQUE INDEX tokens_live_pin ON tokens (pin)
     WHERE revoked_at IS NULL AND pin IS NOT NULL;
   CREATE INDEX tokens_by_judge ON tokens (role, judge_id);`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings `db` up to `target` (tests pass an older one to make a data folder of that age). */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `This data folder was written by a newer JudgeHub (schema ${current}, this version knows ${SCHEMA_VERSION}). Upgrade JudgeHub to open it.`,
    );
  }
  for (let v = current; v < target; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
