import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

/** The installed CLI; it runs the built packages (each package's dist/), so build first. */
export const HUB_BIN = fileURLToPath(
  new URL('../../packages/hub/bin/judgehub.js', import.meta.url),
);

export interface HubChildOptions {
  dataDir: string;
  /** A fixed port, so clients find a restarted hub where the old one was. */
  port: number;
  host: string;
  /** Runs the hub through this command, e.g. `['ip', 'netns', 'exec', ns]`. */
  prefix?: string[];
  /** Another build of the CLI to run (default: this installation's). */
  bin?: string;
  /**
   * Advertise over mDNS (default: `--no-mdns`). Only inside a network namespace the test made
   * (`prefix`): in the main namespace mDNS would multicast on this machine's real network.
   */
  mdns?: boolean;
  startTimeoutMs?: number;
}

export interface HubExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const OUTPUT_KEPT = 64 * 1024;

/** Hubs still running when the test process exits are killed, so none outlives a crashed run. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * `judgehub serve --demo` as a real process on a fixed data folder and port, that a test can
 * kill -9 and start again as often as it likes. Judge tokens are read from the sign-in links the
 * hub prints, exactly as an organiser would hand them out.
 */
export class HubChild {
  /** Judge id → token, from the links printed at the first start. */
  readonly judgeTokens = new Map<string, string>();
  /** `hubGeneration` of the current (or last) run, from its `hub.listening` log line. */
  generation = 0;
  starts = 0;
  private child: ChildProcess | null = null;
  private exited: Promise<HubExit> | null = null;
  private tail = '';

  constructor(readonly options: HubChildOptions) {}

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last 64 KiB of the hub's output, across restarts, for failure messages. */
  output(): string {
    return this.tail;
  }

  /** Starts the hub and resolves once it listens (and, the first time, printed its links). */
  async start(): Promise<void> {
    if (this.child) throw new Error('hub already running');
    const {
      dataDir,
      port,
      host,
      prefix = [],
      bin = HUB_BIN,
      startTimeoutMs = 15_000,
      mdns = false,
    } = this.options;
    if (mdns && prefix.length === 0)
      throw new Error('a hub may advertise over mDNS only inside a network namespace (prefix)');
    const args = ['serve', '--demo', '--data', dataDir, '--port', String(port), '--host', host];
    if (!mdns) args.push('--no-mdns');
    const [command, ...commandArgs] = [...prefix, process.execPath, bin, ...args];
    const child = spawn(command!, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    running.add(child);
    this.starts++;
    this.exited = new Promise<HubExit>((resolve) =>
      child.once('exit', (code, signal) => {
        running.delete(child);
        resolve({ code, signal });
      }),
    );

    let listening = false;
    let pending = '';
    const onLine = (line: string) => {
      this.keep(line + '\n');
      if (line.startsWith('{')) {
        try {
          const record = JSON.parse(line) as { event?: string; generation?: number };
          if (record.event === 'hub.listening') {
            listening = true;
            this.generation = record.generation ?? 0;
          }
        } catch {
          // Not a log line; the banner is plain text.
        }
        return;
      }
      const link = /^\s{2}(\S+)\s.*?(http:\/\/\S+)\s*$/.exec(line);
      if (link) {
        const url = new URL(link[2]!);
        const token = url.searchParams.get('token');
        if (url.pathname === '/judge' && token) this.judgeTokens.set(link[1]!, token);
      }
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) onLine(line);
    });
    child.stderr!.on('data', (chunk: Buffer) => this.keep(chunk.toString()));

    const deadline = Date.now() + startTimeoutMs;
    // Links are printed right after listening; a restart prints the same ones again.
    while (!listening || this.judgeTokens.size === 0) {
      if (!this.running) {
        const exit = await this.exited;
        this.child = null;
        throw new Error(
          `hub exited (${exit.signal ?? exit.code}) before listening on ${host}:${port}:\n${this.tail.slice(-4000)}`,
        );
      }
      if (Date.now() > deadline) {
        await this.kill9();
        throw new Error(
          `hub did not listen on ${host}:${port} within ${startTimeoutMs} ms:\n${this.tail.slice(-4000)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** SIGKILL: no shutdown handler runs, whatever was in memory is gone. */
  async kill9(): Promise<HubExit | null> {
    const child = this.child;
    if (!child) return null;
    if (this.running) child.kill('SIGKILL');
    const exit = await this.exited!;
    this.child = null;
    return exit;
  }

  /** SIGTERM (the hub finishes writing), SIGKILL if it has not exited after `timeoutMs`. */
  async stop(timeoutMs = 10_000): Promise<HubExit | null> {
    const child = this.child;
    if (!child) return null;
    if (this.running) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const exit = await this.exited!;
    clearTimeout(timer);
    this.child = null;
    return exit;
  }

  private keep(text: string): void {
    this.tail = (this.tail + text).slice(-OUTPUT_KEPT);
  }
}

/** A free TCP port on loopback, so a restarted hub can come back on the same address. */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
