import {
  INVOKE_CHANNELS,
  REQUEST_VALIDATORS,
  type InvokeContract,
  type InvokeName,
} from '../shared/contract.js';

/** What a handler needs of Electron's `IpcMainInvokeEvent`. */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/** The part of Electron's `ipcMain` used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Who sent a call: the web contents and the frame it came from. */
export interface SenderInfo {
  webContentsId: number;
  /** Null when the frame is already gone (navigated away or destroyed). */
  frameUrl: string | null;
  isMainFrame: boolean;
}

export type InvokeHandlers = {
  [K in InvokeName]: (
    request: InvokeContract[K]['request'],
  ) => Promise<InvokeContract[K]['response']> | InvokeContract[K]['response'];
};

export type IpcLog = (event: string, fields: Record<string, unknown>) => void;

/**
 * Registers one `ipcMain.handle` per contract entry. Every call is checked, in order: the sender
 * must be one of our windows showing our own page (`isTrusted`), and the payload must pass the
 * contract's validator; only then does the handler run. A refused call rejects in the window
 * with the reason and is logged. Returns a function that removes the handlers.
 */
export function bindInvokeHandlers(
  ipcMain: IpcMainLike,
  handlers: InvokeHandlers,
  isTrusted: (sender: SenderInfo) => boolean,
  log: IpcLog = () => undefined,
): () => void {
  const names = Object.keys(INVOKE_CHANNELS) as InvokeName[];
  for (const name of names) {
    const channel = INVOKE_CHANNELS[name];
    const validate = REQUEST_VALIDATORS[name] as (
      value: unknown,
    ) => ReturnType<(typeof REQUEST_VALIDATORS)[InvokeName]>;
    const handler = handlers[name] as (request: unknown) => unknown;
    ipcMain.handle(channel, async (event, ...args) => {
      const sender = senderInfo(event);
      if (!isTrusted(sender)) {
        log('ipc.refused', { channel, from: originOf(sender.frameUrl) });
        throw new Error(`${channel} refused: not sent by JudgeHub's own window`);
      }
      const parsed =
        args.length <= 1
          ? validate(args[0])
          : { ok: false as const, problem: 'too many arguments' };
      if (!parsed.ok) {
        log('ipc.invalid', { channel, problem: parsed.problem });
        throw new Error(`${channel} refused: ${parsed.problem}`);
      }
      return handler(parsed.value);
    });
  }
  return () => {
    for (const name of names) ipcMain.removeHandler(INVOKE_CHANNELS[name]);
  };
}

export function senderInfo(event: InvokeEventLike): SenderInfo {
  let frame: InvokeEventLike['senderFrame'];
  try {
    frame = event.senderFrame;
  } catch {
    // Electron throws when the frame was disposed meanwhile: nobody to trust.
    frame = null;
  }
  return {
    webContentsId: event.sender.id,
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && (frame.parent === null || frame.parent === undefined),
  };
}

/** For logs: where a call came from, without path or query (a page URL may hold a token). */
function originOf(url: string | null): string {
  if (url === null) return 'unknown';
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'unparseable';
  }
}
