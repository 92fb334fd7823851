import { describe, expect, test } from 'vitest';
import { INVOKE_CHANNELS } from '../shared/contract.js';
import {
  bindInvokeHandlers,
  type InvokeEventLike,
  type InvokeHandlers,
  type IpcMainLike,
} from './ipcBinding.js';
import { isTrustedSender, UI_ENTRY } from './originPolicy.js';

const START_WINDOW = 7;

function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  const call = (
    channel: string,
    from: { id: number; url: string | null; sub?: boolean },
    ...args: unknown[]
  ) =>
    Promise.resolve().then(() =>
      handlers.get(channel)!(
        {
          sender: { id: from.id },
          senderFrame: from.url === null ? null : { url: from.url, parent: from.sub ? {} : null },
        },
        ...args,
      ),
    );
  return { ipcMain, handlers, call };
}

function setUp() {
  const fake = fakeIpcMain();
  const received: unknown[] = [];
  const logged: [string, Record<string, unknown>][] = [];
  const handlers: InvokeHandlers = {
    getState: () => ({ screen: 'join' }) as never,
    chooseMode: (mode) => {
      received.push(mode);
      return undefined;
    },
    connectToHub: async (request) => {
      received.push(request);
      return { ok: true, address: 'x' };
    },
    cancelReconnect: () => undefined,
    hubAction: async () => ({ ok: true }),
  };
  const remove = bindInvokeHandlers(
    fake.ipcMain,
    handlers,
    (sender) => isTrustedSender(sender, new Set([START_WINDOW])),
    (event, fields) => logged.push([event, fields]),
  );
  return { ...fake, received, logged, remove };
}

const ours = { id: START_WINDOW, url: UI_ENTRY };

describe('IPC handlers', () => {
  test('one handler per declared channel, all removable', () => {
    const { handlers, remove } = setUp();
    expect([...handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    remove();
    expect(handlers.size).toBe(0);
  });

  test('our own window gets its answer', async () => {
    const { call, received } = setUp();
    await expect(call(INVOKE_CHANNELS.chooseMode, ours, 'client')).resolves.toBeUndefined();
    await expect(call(INVOKE_CHANNELS.connectToHub, ours, { kind: 'last' })).resolves.toEqual({
      ok: true,
      address: 'x',
    });
    expect(received).toEqual(['client', { kind: 'last' }]);
  });

  test('a hub page, another window, a subframe or a vanished frame is refused and logged', async () => {
    const { call, received, logged } = setUp();
    const strangers = [
      // The judge view window, showing a hub's page (it has no preload, but still: never).
      { id: 12, url: 'http://192.168.1.20:7420/judge?token=secret' },
      // Our window id, but a hub page loaded in it.
      { id: START_WINDOW, url: 'http://192.168.1.20:7420/' },
      // Our page, in another web contents.
      { id: 99, url: UI_ENTRY },
      // Our page in a subframe of our window.
      { id: START_WINDOW, url: UI_ENTRY, sub: true },
      { id: START_WINDOW, url: null },
    ];
    for (const from of strangers)
      await expect(call(INVOKE_CHANNELS.chooseMode, from, 'hub')).rejects.toThrow(
        "judgehub:choose-mode refused: not sent by JudgeHub's own window",
      );
    expect(received).toEqual([]);
    expect(logged.map(([event]) => event)).toEqual(Array(strangers.length).fill('ipc.refused'));
    // Logs say where a call came from, never the page's path or token.
    expect(JSON.stringify(logged)).not.toContain('secret');
    expect(logged[0]![1]).toEqual({
      channel: 'judgehub:choose-mode',
      from: 'http://192.168.1.20:7420',
    });
  });

  test('a payload that fails the contract never reaches the handler', async () => {
    const { call, received, logged } = setUp();
    await expect(call(INVOKE_CHANNELS.chooseMode, ours, 'admin')).rejects.toThrow(
      'judgehub:choose-mode refused: mode must be one of hub, client',
    );
    await expect(call(INVOKE_CHANNELS.chooseMode, ours, 'hub', 'extra')).rejects.toThrow(
      'too many arguments',
    );
    expect(received).toEqual([]);
    expect(logged.map(([event]) => event)).toEqual(['ipc.invalid', 'ipc.invalid']);
  });
});
