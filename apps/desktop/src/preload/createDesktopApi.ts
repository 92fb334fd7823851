import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type DesktopApi,
  type EventContract,
  type EventName,
  type InvokeContract,
  type InvokeName,
} from '../shared/contract.js';

/** The part of Electron's `ipcRenderer` the API uses (so it can be built and tested in Node). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * The `window.judgehub` object: one method per contract entry, each bound to its declared
 * channel. The IPC event object never reaches the page (it would hand it `sender`).
 */
export function createDesktopApi(ipc: IpcRendererLike): DesktopApi {
  const invoke = <K extends InvokeName>(name: K, request: InvokeContract[K]['request']) =>
    ipc.invoke(INVOKE_CHANNELS[name], request) as Promise<InvokeContract[K]['response']>;
  const subscribe = <K extends EventName>(
    name: K,
    listener: (payload: EventContract[K]) => void,
  ) => {
    const relay = (_event: unknown, payload: unknown) => listener(payload as EventContract[K]);
    ipc.on(EVENT_CHANNELS[name], relay);
    return () => {
      ipc.removeListener(EVENT_CHANNELS[name], relay);
    };
  };
  const api = {
    getState: () => invoke('getState', undefined),
    onState: (listener) => subscribe('state', listener),
    chooseMode: (mode) => invoke('chooseMode', mode),
    connectToHub: (request) => invoke('connectToHub', request),
    cancelReconnect: () => invoke('cancelReconnect', undefined),
    hubAction: (action) => invoke('hubAction', action),
  } satisfies DesktopApi;
  return Object.freeze(api);
}
