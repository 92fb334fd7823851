import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A lock file in the data folder saying which process is writing to it: `judgehub serve` holds it
 * while the hub runs, `judgehub import` while it imports. A hub keeps its documents in memory, so
 * anything written to its SQLite file behind its back would be invisible to it (and a second hub
 * on the same folder would split the event in two). Reading (export, results) needs no lock.
 *
 * A lock left behind by a process that died is stale and taken over; on another machine (a data
 * folder on a network share) a lock cannot be checked, so it is respected.
 */
export const LOCK_FILE = 'judgehub.lock';

export interface LockHolder {
  pid: number;
  hostname: string;
  /** What holds it: `serve`, `import`. */
  command: string;
  /** When it was taken, ISO 8601. */
  since: string;
}

export type LockResult = { ok: true; release: () => void } | { ok: false; holder: LockHolder };

/** Takes the data folder's lock (the folder must exist), or says who holds it. */
export function acquireLock(dataDir: string, command: string): LockResult {
  const file = path.join(dataDir, LOCK_FILE);
  const mine: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    command,
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${JSON.stringify(mine)}\n`, { flag: 'wx' });
      return { ok: true, release: () => release(file, mine) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder && isAlive(holder)) return { ok: false, holder };
    // Stale (its process is gone) or unreadable (a crash mid-write): take it over.
    fs.rmSync(file, { force: true });
  }
  throw new Error(`could not take the lock ${file}: it keeps reappearing`);
}

/** Who holds the lock now, if anyone alive does. */
export function currentHolder(dataDir: string): LockHolder | null {
  const holder = readHolder(path.join(dataDir, LOCK_FILE));
  return holder && isAlive(holder) ? holder : null;
}

export function describeHolder(holder: LockHolder): string {
  const where = holder.hostname === os.hostname() ? '' : ` on ${holder.hostname}`;
  return `\`judgehub ${holder.command}\` (process ${holder.pid}${where}, since ${holder.since})`;
}

function release(file: string, mine: LockHolder): void {
  const holder = readHolder(file);
  // Only remove our own lock: never one a later process took over.
  if (holder && holder.pid === mine.pid && holder.since === mine.since)
    fs.rmSync(file, { force: true });
}

function readHolder(file: string): LockHolder | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (
      typeof value.pid === 'number' &&
      typeof value.hostname === 'string' &&
      typeof value.command === 'string' &&
      typeof value.since === 'string'
    )
      return {
        pid: value.pid,
        hostname: value.hostname,
        command: value.command,
        since: value.since,
      };
  } catch {
    // An unreadable lock is treated like a stale one.
  }
  return null;
}

function isAlive(holder: LockHolder): boolean {
  if (holder.hostname !== os.hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
