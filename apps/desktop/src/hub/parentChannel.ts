import type { HubMessage } from './hubMessages.js';

/** How the hub process talks to the app's main process, whichever way it was started. */
export interface ParentChannel {
  readonly kind: 'utility-process' | 'fork';
  /** Resolves once the message is handed to the parent's pipe (safe to exit after). */
  send(message: HubMessage): Promise<void>;
  onMessage(listener: (message: unknown) => void): void;
  /** The parent went away (fork; a utility process is ended by Electron with its parent). */
  onDisconnect(listener: () => void): void;
}

/** Electron's `process.parentPort` in a utility process. */
interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

/** The parts of `process` used here, so tests can hand in a stand-in. */
export interface ProcessLike {
  parentPort?: ParentPortLike;
  send?: (
    message: unknown,
    sendHandle?: undefined,
    options?: undefined,
    callback?: (error: Error | null) => void,
  ) => boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
}

/**
 * `process.parentPort` when run by Electron's `utilityProcess.fork` (the app), else the IPC
 * channel of Node's `child_process.fork` (tests); null when started any other way. The same
 * message objects travel both ways.
 */
export function parentChannel(proc: ProcessLike): ParentChannel | null {
  const port = proc.parentPort;
  if (port) {
    return {
      kind: 'utility-process',
      send: (message) => {
        port.postMessage(message);
        // postMessage only queues; give the message a moment to leave before a process.exit().
        return new Promise((resolve) => setTimeout(resolve, 50));
      },
      onMessage: (listener) => port.on('message', (event) => listener(event.data)),
      onDisconnect: () => undefined,
    };
  }
  const send = proc.send?.bind(proc);
  if (!send) return null;
  return {
    kind: 'fork',
    send: (message) =>
      new Promise<void>((resolve) => {
        // A parent that is already gone cannot be told; the caller exits either way.
        send(message, undefined, undefined, () => resolve());
      }),
    onMessage: (listener) => proc.on('message', listener),
    onDisconnect: (listener) => proc.on('disconnect', listener),
  };
}
