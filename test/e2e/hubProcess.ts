import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../packages/hub/bin/judgehub.js', import.meta.url));

export interface HubProcess {
  port: number;
  baseUrl: string;
  /** The sign-in links the hub printed, by label ("Scoreboard", "J1 Amara Okafor", …). */
  links: Map<string, string>;
  output: () => string;
  stop: () => Promise<void>;
}

/** A free TCP port on loopback, so a restarted hub can come back on the same address. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-e2e-'));
}

/**
 * Runs `judgehub serve --demo` as a real process, as an organiser would, but not advertised:
 * mDNS would multicast on this machine's real network.
 */
export async function startHubProcess(dataDir: string, port: number): Promise<HubProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      BIN,
      'serve',
      '--demo',
      '--data',
      dataDir,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--no-mdns',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 15_000;
  while (!out.includes('Ctrl+C stops the hub')) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`hub did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  const links = new Map<string, string>();
  for (const match of out.matchAll(/^ {2}(.+?)\s{2,}(http:\/\/\S+)$/gm)) {
    const url = new URL(match[2]!);
    links.set(match[1]!.trim(), `${baseUrl}${url.pathname}${url.search}`);
  }
  return {
    port,
    baseUrl,
    links,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
