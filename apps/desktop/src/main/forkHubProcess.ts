import { fork, type ChildProcess } from 'node:child_process';
import type { HubProcess, HubProcessExit, SpawnHubProcess } from './hubSupervisor.js';

export interface ForkOptions {
  /** What the hub writes to stdout and stderr: kept out of the way unless asked for. */
  output?: 'ignore' | 'inherit';
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs the hub entry with Node's `child_process.fork`: the same messages as Electron's
 * `utilityProcess`, over Node's IPC channel. Used by tests, and by anyone running the hub
 * process outside Electron.
 */
export function forkHubProcess(entry: string, options: ForkOptions = {}): SpawnHubProcess {
  return () => {
    const output = options.output ?? 'ignore';
    const child: ChildProcess = fork(entry, [], {
      stdio: ['ignore', output, output, 'ipc'],
      env: options.env ?? process.env,
    });
    let exited: HubProcessExit | null = null;
    const exitListeners: ((exit: HubProcessExit) => void)[] = [];
    const finish = (exit: HubProcessExit) => {
      if (exited) return;
      exited = exit;
      for (const listener of exitListeners) listener(exit);
    };
    child.once('exit', (code, signal) => finish({ code, signal }));
    // Could not be started at all (no such file, no permission): no `exit` follows. Later
    // errors (a send racing the exit) are followed by `exit` and need nothing more.
    child.on('error', () => {
      if (child.pid === undefined) finish({ code: null, signal: null });
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (request) => {
        if (child.connected) child.send(request);
      },
      kill: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => {
        if (exited) listener(exited);
        else exitListeners.push(listener);
      },
    } satisfies HubProcess;
  };
}
