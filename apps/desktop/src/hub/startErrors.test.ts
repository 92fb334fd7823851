import { describe, expect, test } from 'vitest';
import { classifyStartError } from './startErrors.js';

const context = { port: 7420, dataDir: '/data' };
const errno = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('why the hub could not start, in words an organiser can act on', () => {
  test('port in use', () => {
    expect(
      classifyStartError(
        errno('EADDRINUSE', 'listen EADDRINUSE: address already in use 0.0.0.0:7420'),
        context,
      ),
    ).toEqual({
      code: 'port-in-use',
      message:
        'Port 7420 is already in use on this laptop: is another JudgeHub hub (or `judgehub serve`) running? Close it and try again.',
    });
  });

  test('better-sqlite3 built for Node instead of Electron', () => {
    const abi = new Error(
      "The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 140.",
    );
    expect(classifyStartError(abi, context)).toMatchObject({
      code: 'native-module',
      message: expect.stringContaining('npx electron-builder install-app-deps'),
    });
  });

  test('a damaged database keeps the hub’s own message', () => {
    const damaged = new Error(
      'The database in /data failed its integrity check: row 3 missing. Restore it from a backup.',
    );
    expect(classifyStartError(damaged, context)).toEqual({
      code: 'damaged-database',
      message: damaged.message,
    });
  });

  test('anything else: its own message, said to be a start failure', () => {
    expect(classifyStartError(errno('ENOSPC', 'no space left on device'), context)).toEqual({
      code: 'start-failed',
      message: 'The hub could not start: no space left on device',
    });
    expect(classifyStartError('weird', context).message).toBe('The hub could not start: weird');
  });
});
