import type { HubErrorCode } from './hubMessages.js';

/**
 * Turns an exception from starting the hub into a code and a sentence for the organiser. These
 * are the failures a venue laptop actually meets; anything else keeps its own message.
 */
export function classifyStartError(
  error: unknown,
  context: { port: number; dataDir: string },
): { code: HubErrorCode; message: string } {
  const e = error as NodeJS.ErrnoException;
  const text = error instanceof Error ? error.message : String(error);
  if (e?.code === 'EADDRINUSE')
    return {
      code: 'port-in-use',
      message: `Port ${context.port} is already in use on this laptop: is another JudgeHub hub (or \`judgehub serve\`) running? Close it and try again.`,
    };
  if (e?.code === 'EACCES' && /listen/i.test(text))
    return {
      code: 'start-failed',
      message: `This laptop does not allow listening on port ${context.port}.`,
    };
  if (
    e?.code === 'ERR_DLOPEN_FAILED' ||
    /NODE_MODULE_VERSION|was compiled against a different Node\.js version|better_sqlite3\.node/.test(
      text,
    )
  )
    return {
      code: 'native-module',
      message:
        'The SQLite driver (better-sqlite3) is not built for this version of Electron. ' +
        'Rebuild it with `npx electron-builder install-app-deps` (see README, Desktop app).',
    };
  if (/failed its integrity check/.test(text)) return { code: 'damaged-database', message: text };
  return { code: 'start-failed', message: `The hub could not start: ${text}` };
}
