import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from './waitFor.js';

/** The installed `judgehub` command: needs a build (`npm run build`, or `npx tsc -b`). */
export const JUDGEHUB_BIN = fileURLToPath(
  new URL('../../packages/hub/bin/judgehub.js', import.meta.url),
);

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `judgehub …args` as an organiser would, to completion. */
export function runJudgehub(args: string[], timeoutMs = 15_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [JUDGEHUB_BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`judgehub ${args.join(' ')} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

export interface ServeProcess {
  child: ChildProcess;
  output(): string;
  /** Ctrl+C, as an organiser stops the hub; resolves when the process has exited. */
  stop(): Promise<void>;
}

/**
 * `judgehub serve` on a free loopback port; resolves once it has printed its banner. Never
 * advertised: mDNS would multicast on this machine's real network.
 */
export async function startServe(
  dataDir: string,
  extraArgs: readonly string[] = [],
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    [
      JUDGEHUB_BIN,
      'serve',
      '--data',
      dataDir,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--no-mdns',
      ...extraArgs,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(
    () => out.includes('JudgeHub hub running') || child.exitCode !== null,
    15_000,
    'the hub to start',
  );
  if (child.exitCode !== null) throw new Error(`judgehub serve exited:\n${out}`);
  return {
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}

/** Temp folders for one test file, removed by `cleanup()` (call it in afterAll/afterEach). */
export class TempFolders {
  private readonly dirs: string[] = [];

  /** A new empty folder. */
  make(prefix = 'judgehub-cli-'): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }

  /** A path inside a new temp folder where nothing exists yet. */
  missing(name = 'data'): string {
    return path.join(this.make(), name);
  }

  cleanup(): void {
    for (const dir of this.dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Every file under `dir` with a hash of its bytes, relative paths sorted; null when `dir` does not
 * exist. Two equal snapshots mean nothing was created, removed or changed.
 */
export function folderSnapshot(dir: string): Record<string, string> | null {
  if (!fs.existsSync(dir)) return null;
  const snapshot: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of fs
      .readdirSync(folder, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        snapshot[path.relative(dir, full)] = createHash('sha256')
          .update(fs.readFileSync(full))
          .digest('hex');
    }
  };
  walk(dir);
  return snapshot;
}

export const EVENT_FIXTURES = fileURLToPath(new URL('../fixtures/event-files/', import.meta.url));

/**
 * `judgehub import` of a good fixture event file into `dataDir` (missing or empty), as an organiser
 * restoring a backup would; throws with the command's stderr if it is refused.
 */
export async function importFixture(
  dataDir: string,
  name = 'full-with-sheets.json',
): Promise<void> {
  const result = await runJudgehub([
    'import',
    path.join(EVENT_FIXTURES, 'good', name),
    '--data',
    dataDir,
  ]);
  if (result.code !== 0) throw new Error(`judgehub import ${name} failed: ${result.stderr}`);
}
