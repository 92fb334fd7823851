import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import type { ScoreSlot } from './scoreSlots.js';

const CLIENT = fileURLToPath(new URL('../faults/tabletClient.mjs', import.meta.url));

export interface DevicePlan {
  judgeId: string;
  device: string;
  token: string;
  slots: ScoreSlot[];
}

/** One device as its process reports it. */
export interface DeviceReport {
  judgeId: string;
  device: string;
  state: string;
  synced: boolean;
  lastSyncAt: number | null;
  /** The device's replica of its judge's sheet. */
  doc: Y.Doc;
  /** Entries this device committed, with the device's commit time. */
  committed: { id: string; at: number }[];
  /** Entries in the replica the hub has not confirmed as on its disk. */
  notDurable: string[];
}

interface RawDeviceReport extends Omit<DeviceReport, 'doc'> {
  update: string;
}

interface Reply {
  id: number | null;
  ok: boolean;
  error?: string;
  ready?: boolean;
  devices?: RawDeviceReport[];
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Judges' devices in a separate Node process (test/faults/tabletClient.mjs), optionally inside a
 * network namespace, driven with one JSON command per line on stdin.
 */
export class TabletProcess {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  private nextId = 1;
  private stderr = '';
  private exited = false;
  private readonly ready: Promise<void>;
  private readonly exit: Promise<void>;

  constructor(
    readonly name: string,
    prefix: string[] = [],
  ) {
    const [command, ...args] = [...prefix, process.execPath, CLIENT];
    this.child = spawn(command!, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    running.add(this.child);
    // Writing to a process that died is reported by `request`, not as an unhandled error.
    this.child.stdin!.on('error', () => {});
    let pending = '';
    let markReady: () => void = () => {};
    this.ready = new Promise((resolve) => (markReady = resolve));
    this.child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const reply = JSON.parse(line) as Reply;
        if (reply.ready) markReady();
        if (reply.id !== null) this.waiting.get(reply.id)?.(reply);
      }
    });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-8_000);
    });
    this.exit = new Promise((resolve) =>
      this.child.once('exit', () => {
        this.exited = true;
        running.delete(this.child);
        markReady();
        for (const answer of this.waiting.values())
          answer({ id: null, ok: false, error: `${this.name} exited:\n${this.stderr}` });
        resolve();
      }),
    );
  }

  /** Opens a DocSync per device; reconnect backoff is DocSync's default unless given. */
  async open(
    serverUrl: string,
    devices: DevicePlan[],
    backoff: { minBackoffMs?: number; maxBackoffMs?: number } = {},
  ): Promise<void> {
    await this.request({ cmd: 'open', serverUrl, devices, ...backoff });
  }

  /** Starts (or stops) committing random valid values on every device of this process. */
  async score(on: boolean, seed = 1, minMs = 100, maxMs = 300): Promise<void> {
    await this.request({ cmd: 'score', on, seed, minMs, maxMs });
  }

  async report(): Promise<DeviceReport[]> {
    const reply = await this.request({ cmd: 'report' });
    return (reply.devices ?? []).map(({ update, ...device }) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Buffer.from(update, 'base64'));
      return { ...device, doc };
    });
  }

  /** Destroys the devices and ends the process (SIGKILL if it does not end by itself). */
  async close(): Promise<void> {
    if (this.exited) return;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3_000);
    try {
      await this.request({ cmd: 'close' }, 3_000);
    } catch {
      this.child.kill('SIGKILL');
    }
    await this.exit;
    clearTimeout(timer);
  }

  private async request(command: Record<string, unknown>, timeoutMs = 10_000): Promise<Reply> {
    await this.ready;
    if (this.exited) throw new Error(`${this.name} has exited:\n${this.stderr}`);
    const id = this.nextId++;
    const reply = await new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${this.name}: no reply to ${String(command.cmd)} in ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, (r) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(r);
      });
      this.child.stdin!.write(JSON.stringify({ id, ...command }) + '\n');
    });
    if (!reply.ok) throw new Error(`${this.name}: ${String(command.cmd)} failed: ${reply.error}`);
    return reply;
  }
}
