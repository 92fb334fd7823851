// Starts `judgehub serve --demo` as its own process for a benchmark and reads its sign-in links.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../packages/hub/bin/judgehub.js', import.meta.url));

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

export async function startHub({
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-bench-')),
  port,
} = {}) {
  port ??= await freePort();
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--demo', '--data', dataDir, '--port', String(port), '--host', '127.0.0.1'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 20_000;
  while (!out.includes('Ctrl+C stops the hub')) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`hub did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const tokens = new Map();
  for (const m of out.matchAll(/^ {2}(\S+).*?\/(judge|scoreboard)\?token=(\S+)$/gm))
    tokens.set(m[1], decodeURIComponent(m[3]));
  const eventId = /"eventId":"([^"]+)"/.exec(out)?.[1] ?? 'demo-2026';
  return {
    port,
    dataDir,
    pid: child.pid,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    tokens,
    eventId,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
