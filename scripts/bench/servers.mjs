// The three servers the benchmark compares, each run as its own process on 127.0.0.1:
// - judgehub: `judgehub serve --no-mdns` on a data folder made by `judgehub import`;
// - reference: peers/referenceServer.mjs, y-websocket's classic server behaviour, memory only;
// - hocuspocus: peers/hocuspocusServer.mjs, Hocuspocus 3 with its SQLite extension.
// Each is seeded with the same event and sheets before its clients connect.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { eventFile } from './benchEvent.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const JUDGEHUB_BIN = here('../../packages/hub/bin/judgehub.js');
const IN_PROCESS_HUB = here('./judgehubInProcess.mjs');
const REFERENCE = here('./peers/referenceServer.mjs');
const HOCUSPOCUS = here('./peers/hocuspocusServer.mjs');

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function folderBytes(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(p) : fs.statSync(p).size;
  }
  return total;
}

/**
 * How this checkout's `judgehub serve` can be kept off the network: `--no-mdns` when it has the
 * flag, no flag when serve does not advertise at all, and otherwise the hub started in-process by
 * a small script (startHub never advertises), so nothing ever multicasts from a benchmark.
 */
function judgehubLaunch() {
  const help = spawnSync(process.execPath, [JUDGEHUB_BIN, 'serve', '--help'], {
    encoding: 'utf8',
  }).stdout;
  if (help.includes('--no-mdns'))
    return { script: JUDGEHUB_BIN, serveArgs: ['serve', '--no-mdns'] };
  if (/mdns|bonjour|advertis/i.test(help)) return { script: IN_PROCESS_HUB, serveArgs: [] };
  return { script: JUDGEHUB_BIN, serveArgs: ['serve'] };
}

/** Server processes still running: killed if the benchmark itself dies. */
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A server process: start (timed until it accepts connections), stop, restart on its port. */
class ServerProcess {
  constructor(kind, dir, port) {
    this.kind = kind;
    this.dir = dir;
    this.port = port;
    this.child = null;
    this.cpuProfDir = null;
  }

  command() {
    throw new Error('abstract');
  }

  async start() {
    const { script, args } = this.command();
    const execArgv = this.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${this.cpuProfDir}`] : [];
    const log = fs.openSync(path.join(this.dir, `${this.kind}.log`), 'a');
    const spawnedAt = performance.now();
    this.child = spawn(process.execPath, [...execArgv, script, ...args], {
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    const child = this.child;
    running.add(child);
    this.exited = new Promise((resolve) => child.once('exit', resolve));
    child.once('exit', () => running.delete(child));
    const deadline = Date.now() + 60_000;
    while (!(await accepts(this.port))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        const tail = fs.readFileSync(path.join(this.dir, `${this.kind}.log`), 'utf8').slice(-2000);
        throw new Error(`${this.kind} did not start (exit ${child.exitCode}):\n${tail}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return { readyMs: performance.now() - spawnedAt, spawnedAt };
  }

  get pid() {
    return this.child?.pid ?? null;
  }

  async stop() {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    const killed = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await this.exited;
    clearTimeout(killed);
  }

  tokenFor() {
    return '';
  }

  /** What the server keeps on disk per score after compaction, in bytes; null if nothing. */
  async diskBytes() {
    return null;
  }

  /** The seeded server's files, to start fresh copies from (cold start). */
  copyTo(dir) {
    fs.cpSync(this.dir, dir, { recursive: true, filter: (p) => !p.endsWith('.log') });
  }
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

class JudgeHubServer extends ServerProcess {
  constructor(dir, port) {
    super('judgehub', dir, port);
    this.launch = judgehubLaunch();
    this.tokens = new Map();
  }

  static description() {
    const { script, serveArgs } = judgehubLaunch();
    return script === JUDGEHUB_BIN
      ? `judgehub ${serveArgs.join(' ')} (durable acks, SQLite WAL synchronous=FULL)`
      : 'startHub in a child process (serve would advertise over mDNS)';
  }

  get dataDir() {
    return path.join(this.dir, 'data');
  }

  /** `judgehub import` of the event file with every sheet: the hub's own way in. */
  async seed(bench) {
    const file = path.join(this.dir, 'event.json');
    fs.writeFileSync(file, JSON.stringify(eventFile(bench)));
    const run = spawnSync(
      process.execPath,
      [JUDGEHUB_BIN, 'import', file, '--data', this.dataDir],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`judgehub import failed:\n${run.stderr}${run.stdout}`);
    this.readTokens();
  }

  readTokens() {
    const db = new Database(path.join(this.dataDir, 'judgehub.sqlite'), { readonly: true });
    try {
      for (const row of db
        .prepare('SELECT token, role, judge_id FROM tokens WHERE revoked_at IS NULL')
        .all())
        this.tokens.set(row.role === 'judge' ? row.judge_id : row.role, row.token);
    } finally {
      db.close();
    }
  }

  tokenFor(device) {
    return this.tokens.get(device.role === 'judge' ? device.judgeId : 'scoreboard') ?? '';
  }

  command() {
    return {
      script: this.launch.script,
      args: [
        ...this.launch.serveArgs,
        '--data',
        this.dataDir,
        '--port',
        String(this.port),
        '--host',
        '127.0.0.1',
      ],
    };
  }

  /**
   * Compacts every document (as the hub does after 500 log rows) in a hub started in-process on
   * the stopped data folder, then measures the folder. The audit table keeps one summary row per
   * retired update: that history is part of what the hub keeps.
   */
  async diskBytes() {
    const { startHub, createMemoryLogger } = await import('@judgehub/hub');
    const hub = await startHub({
      dataDir: this.dataDir,
      port: 0,
      host: '127.0.0.1',
      webRoot: null,
      log: createMemoryLogger(),
    });
    for (const room of hub.registry.all()) hub.registry.compact(room);
    await hub.close();
    return folderBytes(this.dataDir);
  }
}

class ReferenceServer extends ServerProcess {
  constructor(dir, port) {
    super('reference', dir, port);
    this.seeds = null;
  }

  static description() {
    return 'y-protocols server as y-websocket bin/utils.js, in memory (no persistence, no acks)';
  }

  async seed(bench, seeds) {
    this.seeds = seeds;
  }

  command() {
    return { script: REFERENCE, args: ['--port', String(this.port)] };
  }

  /** It keeps nothing: after each start, a client uploads the seeded documents. */
  async upload() {
    if (!this.seeds) return;
    const docs = [...this.seeds];
    const worker = async () => {
      for (let d = docs.pop(); d; d = docs.pop()) await uploadDoc(this.port, d[0], d[1]);
    };
    await Promise.all(Array.from({ length: 16 }, worker));
  }
}

function uploadDoc(port, docName, update) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/sync/${docName}`, {
      perMessageDeflate: false,
    });
    ws.on('open', () => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, update);
      ws.send(encoding.toUint8Array(e));
    });
    ws.on('message', (data) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      // The echo of our update says it is in the server's document.
      if (decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 2) {
        ws.close();
        resolve();
      }
    });
    ws.on('error', reject);
  });
}

class HocuspocusServer extends ServerProcess {
  constructor(dir, port) {
    super('hocuspocus', dir, port);
  }

  static description() {
    const version = JSON.parse(
      fs.readFileSync(here('../../node_modules/@hocuspocus/server/package.json'), 'utf8'),
    ).version;
    return `@hocuspocus/server ${version} + extension-sqlite (sqlite3), defaults (store debounced 2 s)`;
  }

  get dbFile() {
    return path.join(this.dir, 'hocuspocus.sqlite');
  }

  /** Writes each document where the extension keeps it: one row per document, its whole state. */
  async seed(bench, seeds) {
    const db = new Database(this.dbFile);
    try {
      db.exec(
        'CREATE TABLE IF NOT EXISTS "documents" ("name" varchar(255) NOT NULL, "data" blob NOT NULL, UNIQUE(name))',
      );
      const insert = db.prepare('INSERT INTO "documents" ("name", "data") VALUES (?, ?)');
      db.transaction(() => {
        for (const [name, update] of seeds) insert.run(name, Buffer.from(update));
      })();
    } finally {
      db.close();
    }
  }

  command() {
    return { script: HOCUSPOCUS, args: ['--port', String(this.port), '--db', this.dbFile] };
  }

  async diskBytes() {
    return fs
      .readdirSync(this.dir)
      .filter((f) => f.startsWith('hocuspocus.sqlite'))
      .reduce((sum, f) => sum + fs.statSync(path.join(this.dir, f)).size, 0);
  }
}

export const SERVERS = {
  judgehub: JudgeHubServer,
  reference: ReferenceServer,
  hocuspocus: HocuspocusServer,
};

/** Whether a server kind can run on this machine; a reason when it cannot. */
export function unavailable(kind) {
  if (kind !== 'hocuspocus') return null;
  try {
    for (const p of ['@hocuspocus/server', '@hocuspocus/extension-sqlite', 'sqlite3'])
      fs.statSync(here(`../../node_modules/${p}/package.json`));
    const built = spawnSync(process.execPath, ['-e', "require('sqlite3')"], {
      cwd: here('../..'),
      encoding: 'utf8',
    });
    if (built.status !== 0)
      return `sqlite3 is installed but does not load: ${built.stderr.trim().split('\n').pop()}`;
    return null;
  } catch (error) {
    return `not installed (${error.message}); run npm ci`;
  }
}
