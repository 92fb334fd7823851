import { spawn, type ChildProcess } from 'node:child_process';
import type { HubChange } from '@judgehub/discovery';
import { HUB_BIN } from './hubChild.js';

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * `judgehub discover --json --timeout 0` as a tablet would run it, inside a network namespace
 * the test made (`prefix`): browsing multicasts, which must never happen on the real network.
 * Reads its changes line by line; `next` hands them out in order.
 */
export class DiscoverProcess {
  readonly changes: HubChange[] = [];
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private cursor = 0;
  private stderr = '';

  constructor(prefix: string[]) {
    if (prefix.length === 0)
      throw new Error('judgehub discover runs only inside a network namespace (prefix)');
    const [command, ...args] = [
      ...prefix,
      process.execPath,
      HUB_BIN,
      'discover',
      '--json',
      '--timeout',
      '0',
    ];
    this.child = spawn(command!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(this.child);
    this.exited = new Promise((resolve) =>
      this.child.once('exit', () => {
        running.delete(this.child);
        resolve();
      }),
    );
    let pending = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (line.trim()) this.changes.push(JSON.parse(line) as HubChange);
    });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-8_000);
    });
  }

  /** The next change (after those already handed out) that matches, skipping the others. */
  async next(
    matches: (change: HubChange) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<HubChange> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.cursor < this.changes.length) {
        const change = this.changes[this.cursor++]!;
        if (matches(change)) return change;
      }
      if (Date.now() > deadline || this.child.exitCode !== null)
        throw new Error(
          `no ${what} within ${timeoutMs} ms; judgehub discover reported:\n` +
            `${this.changes.map((c) => JSON.stringify(c)).join('\n') || '(nothing)'}\n${this.stderr}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Ctrl+C as a person would; SIGKILL if it does not exit in time. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGINT');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(timer);
  }
}
