import { utilityProcess } from 'electron';
import type { HubProcess, HubProcessExit, SpawnHubProcess } from './hubSupervisor.js';

/**
 * Runs the hub entry in an Electron utility process: a Node process of Electron's own, so
 * better-sqlite3 (rebuilt for Electron) and every socket stay out of the main process.
 */
export function utilityHubProcess(entry: string, showOutput: boolean): SpawnHubProcess {
  return () => {
    const child = utilityProcess.fork(entry, [], {
      serviceName: 'JudgeHub hub',
      stdio: showOutput ? ['ignore', 'inherit', 'inherit'] : 'ignore',
    });
    let exited: HubProcessExit | null = null;
    const exitListeners: ((exit: HubProcessExit) => void)[] = [];
    child.once('exit', (code) => {
      exited = { code, signal: null };
      for (const listener of exitListeners) listener(exited);
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (request) => child.postMessage(request),
      kill: () => {
        // utilityProcess.kill() asks politely (SIGTERM); a hub that hangs needs SIGKILL.
        if (child.pid === undefined) return;
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          child.kill();
        }
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => {
        if (exited) listener(exited);
        else exitListeners.push(listener);
      },
    } satisfies HubProcess;
  };
}
