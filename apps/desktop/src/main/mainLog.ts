import fs from 'node:fs';
import path from 'node:path';
import type { MainLog } from './windows.js';

/**
 * The main process's log: one JSON line per event, appended to `file` (and echoed to the
 * terminal when run from the repository). Callers pass origins, never page URLs: those can
 * carry sign-in tokens.
 */
export function createMainLog(file: string, echo: boolean): MainLog {
  let stream: fs.WriteStream | null = null;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    stream = fs.createWriteStream(file, { flags: 'a' });
    stream.on('error', () => (stream = null));
  } catch {
    stream = null;
  }
  return (event, fields = {}) => {
    const line = `${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`;
    stream?.write(line);
    if (echo) process.stdout.write(line);
  };
}
