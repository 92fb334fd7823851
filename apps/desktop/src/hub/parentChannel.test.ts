import { describe, expect, test } from 'vitest';
import { parentChannel, type ProcessLike } from './parentChannel.js';

describe('the hub process finds its parent', () => {
  test('in a utility process: Electron’s parentPort, messages as event.data', async () => {
    const posted: unknown[] = [];
    let onPortMessage: ((event: { data: unknown }) => void) | null = null;
    const proc: ProcessLike = {
      parentPort: {
        on: (_event, listener) => (onPortMessage = listener),
        postMessage: (message) => posted.push(message),
      },
      on: () => undefined,
      // Electron's utility process has no process.send; even if it had, parentPort wins.
      send: () => {
        throw new Error('not this one');
      },
    };
    const channel = parentChannel(proc)!;
    const received: unknown[] = [];
    channel.onMessage((m) => received.push(m));

    await channel.send({ type: 'stopped' });
    onPortMessage!({ data: { type: 'stop' } });

    expect(channel.kind).toBe('utility-process');
    expect(posted).toEqual([{ type: 'stopped' }]);
    expect(received).toEqual([{ type: 'stop' }]);
  });

  test('under child_process.fork: process.send, resolved once handed over', async () => {
    const sent: unknown[] = [];
    const listeners: Record<string, (m?: unknown) => void> = {};
    const proc: ProcessLike = {
      send: (message, _handle, _options, callback) => {
        sent.push(message);
        setTimeout(() => callback?.(null), 5);
        return true;
      },
      on: (event: string, listener: (m?: unknown) => void) => (listeners[event] = listener),
    };
    const channel = parentChannel(proc)!;
    const received: unknown[] = [];
    let disconnected = false;
    channel.onMessage((m) => received.push(m));
    channel.onDisconnect(() => (disconnected = true));

    await channel.send({ type: 'stopped' });
    listeners.message!({ type: 'links' });
    listeners.disconnect!();

    expect(channel.kind).toBe('fork');
    expect(sent).toEqual([{ type: 'stopped' }]);
    expect(received).toEqual([{ type: 'links' }]);
    expect(disconnected).toBe(true);
  });

  test('started any other way: no channel', () => {
    expect(parentChannel({ on: () => undefined })).toBeNull();
  });
});
