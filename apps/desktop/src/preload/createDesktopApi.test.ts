import { describe, expect, test } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type DesktopState } from '../shared/contract.js';
import { createDesktopApi, type IpcRendererLike } from './createDesktopApi.js';

/** A stand-in for Electron's ipcRenderer that records what the API does with it. */
function recordingIpc() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      invoked.push([channel, ...args]);
      return `answer to ${channel}`;
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'secret' }, payload);
  };
  return { ipc, invoked, listeners, emit };
}

describe('the preload API object', () => {
  test('each method calls its declared channel with exactly its payload', async () => {
    const { ipc, invoked } = recordingIpc();
    const api = createDesktopApi(ipc);

    expect(await api.getState()).toBe(`answer to ${INVOKE_CHANNELS.getState}`);
    await api.chooseMode('hub');
    await api.connectToHub({ kind: 'address', address: '10.0.0.2' });
    await api.cancelReconnect();
    await api.hubAction('open-organiser');

    expect(invoked).toEqual([
      [INVOKE_CHANNELS.getState, undefined],
      [INVOKE_CHANNELS.chooseMode, 'hub'],
      [INVOKE_CHANNELS.connectToHub, { kind: 'address', address: '10.0.0.2' }],
      [INVOKE_CHANNELS.cancelReconnect, undefined],
      [INVOKE_CHANNELS.hubAction, 'open-organiser'],
    ]);
  });

  test('state pushes reach the page without the IPC event, and unsubscribing stops them', () => {
    const { ipc, emit, listeners } = recordingIpc();
    const api = createDesktopApi(ipc);
    const seen: unknown[][] = [];
    const unsubscribe = api.onState((...args) => seen.push(args));
    const state = { screen: 'join' } as DesktopState;

    emit(EVENT_CHANNELS.state, state);
    unsubscribe();
    emit(EVENT_CHANNELS.state, state);

    expect(seen).toEqual([[state]]);
    expect(listeners.get(EVENT_CHANNELS.state)?.size).toBe(0);
  });

  test('the object is frozen and has only the contract methods', () => {
    const api = createDesktopApi(recordingIpc().ipc);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([
      'cancelReconnect',
      'chooseMode',
      'connectToHub',
      'getState',
      'hubAction',
      'onState',
    ]);
  });
});
