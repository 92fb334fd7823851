import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from './HubStore.js';
import { SCHEMA_VERSION } from './schema.js';

export type BackupResult = { ok: true; bytes: number } | { ok: false; problem: string };

/**
 * Copies a data folder's database to `outFile` with SQLite's online backup, so it is consistent
 * even while a hub is writing. The copy is checked before this reports success.
 */
export async function backupDatabase(dataDir: string, outFile: string): Promise<BackupResult> {
  const source = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(source))
    return { ok: false, problem: `no JudgeHub database in ${dataDir} (expected ${DATABASE_FILE})` };
  if (fs.existsSync(outFile))
    return {
      ok: false,
      problem: `${outFile} already exists; choose a new file name so no backup is overwritten`,
    };
  const db = new Database(source, { fileMustExist: true });
  try {
    await db.backup(outFile);
  } catch (error) {
    fs.rmSync(outFile, { force: true });
    return { ok: false, problem: `the backup could not be written: ${(error as Error).message}` };
  } finally {
    db.close();
  }
  const problem = checkDatabaseFile(outFile);
  if (problem) {
    fs.rmSync(outFile, { force: true });
    return { ok: false, problem: `the copy failed its check (${problem}); nothing was kept` };
  }
  return { ok: true, bytes: fs.statSync(outFile).size };
}

export type RestoreResult = { ok: true; file: string } | { ok: false; problem: string };

/** Makes `dataDir` a data folder holding the backup, refusing to replace an existing database. */
export async function restoreDatabase(backupFile: string, dataDir: string): Promise<RestoreResult> {
  if (!fs.existsSync(backupFile)) return { ok: false, problem: `no file ${backupFile}` };
  const problem = checkDatabaseFile(backupFile);
  if (problem)
    return { ok: false, problem: `${backupFile} is not a usable JudgeHub backup: ${problem}` };
  const target = path.join(dataDir, DATABASE_FILE);
  if (fs.existsSync(target)) {
    return {
      ok: false,
      problem: `${dataDir} already holds a database; restore into an empty folder (nothing was changed)`,
    };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  return { ok: true, file: target };
}

/** Null when `file` is an intact JudgeHub database this version can open; else what is wrong. */
export function checkDatabaseFile(file: string): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) return 'it is not a JudgeHub database';
    if (version > SCHEMA_VERSION)
      return `it was written by a newer JudgeHub (schema ${version}); upgrade JudgeHub first`;
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    return problems.length > 0 ? `integrity check: ${problems.slice(0, 3).join('; ')}` : null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    db?.close();
  }
}
