import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, currentHolder, LOCK_FILE } from './hubLock.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-lock-'));
  dirs.push(dir);
  return dir;
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('data folder lock', () => {
  it('lets one holder in at a time and says who holds it', () => {
    const dir = dataDir();
    const first = acquireLock(dir, 'serve');
    expect(first.ok).toBe(true);
    const second = acquireLock(dir, 'import');
    expect(second).toMatchObject({ ok: false, holder: { pid: process.pid, command: 'serve' } });
    expect(currentHolder(dir)).toMatchObject({ pid: process.pid, command: 'serve' });
    if (first.ok) first.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    expect(currentHolder(dir)).toBeNull();
    expect(acquireLock(dir, 'import').ok).toBe(true);
  });

  it('takes over a lock whose process has died', () => {
    const dir = dataDir();
    const stale = { pid: deadPid(), hostname: os.hostname(), command: 'serve', since: 'earlier' };
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(stale));
    expect(currentHolder(dir)).toBeNull();
    const lock = acquireLock(dir, 'import');
    expect(lock.ok).toBe(true);
    expect(currentHolder(dir)).toMatchObject({ pid: process.pid, command: 'import' });
  });

  it('takes over an unreadable lock, as a crash mid-write leaves one', () => {
    const dir = dataDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE), '{"pid": 12');
    expect(acquireLock(dir, 'serve').ok).toBe(true);
  });

  it('respects a lock held on another machine, which it cannot check', () => {
    const dir = dataDir();
    const remote = {
      pid: deadPid(),
      hostname: `not-${os.hostname()}`,
      command: 'serve',
      since: 'now',
    };
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(remote));
    expect(acquireLock(dir, 'import')).toMatchObject({ ok: false, holder: remote });
  });

  it('never removes a lock another process has taken over since', () => {
    const dir = dataDir();
    const lock = acquireLock(dir, 'serve');
    const other = { pid: process.pid, hostname: os.hostname(), command: 'import', since: 'later' };
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(other));
    if (lock.ok) lock.release();
    expect(currentHolder(dir)).toMatchObject({ command: 'import' });
  });
});
