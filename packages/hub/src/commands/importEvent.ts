import fs from 'node:fs';
import path from 'node:path';
import {
  EVENT_DOC,
  commitFileSheet,
  hasEvent,
  parseEventFile,
  readSettings,
  sheetsDocName,
  type EventFile,
} from '@judgehub/model';
import { HUB_ORIGIN } from '../DocRegistry.js';
import { setUpEvent } from '../eventSetup.js';
import { ExitCode, shellPath, usageError, type CliCommand, type Io } from './command.js';
import { acquireLock, describeHolder } from './hubLock.js';
import { openHubFolder } from './hubData.js';

/** Larger than any real event file (thousands of teams with every sheet is a few MB). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Bring an event file (docs/EVENT_FILE.md) into a new data folder',
  help: `Usage: judgehub import EVENT.json [--data DIR]

Checks the event file, then sets the event up in the data folder: the event, its categories,
rubrics, teams, judges and assignments, every score sheet in the file, and a sign-in link for
each judge, the organiser, the head judge and the scoreboard.

Nothing is written unless the whole file is valid: every problem is listed with where it is in
the file (e.g. \`event.teams[3].id: duplicate "T04"\`). The data folder must not have an event
yet, and no hub may be serving it.

Options:
  --data DIR   Data folder (default ./data); created if missing
`,
  options: ['data'],
  async run({ values, positionals }, io) {
    if (positionals.length !== 1)
      return usageError(
        io,
        'import',
        positionals.length ? 'give one event file' : 'which event file? Give its path',
      );
    const filePath = positionals[0]!;
    const dataDir = path.resolve(values.data ?? 'data');

    const text = readEventFileText(filePath);
    if (!text.ok) return fail(io, text.message);
    const parsed = parseEventFile(text.text);
    if (!parsed.ok) {
      const count = parsed.problems.length;
      io.stderr(
        `judgehub import: ${filePath} has ${count} problem${count === 1 ? '' : 's'}; nothing was imported.\n` +
          parsed.problems.map((p) => `  ${p}\n`).join(''),
      );
      return ExitCode.Failed;
    }

    // Only now, with a valid file, is the data folder touched.
    const stat = fs.statSync(dataDir, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory()) return fail(io, `${dataDir} is a file, not a data folder.`);
    fs.mkdirSync(dataDir, { recursive: true });
    const lock = acquireLock(dataDir, 'import');
    if (!lock.ok)
      return fail(
        io,
        `${dataDir} is in use by ${describeHolder(lock.holder)}. Stop it before importing; nothing was imported.`,
      );
    try {
      return importInto(dataDir, parsed.file, io);
    } finally {
      lock.release();
    }
  },
};

function importInto(dataDir: string, file: EventFile, io: Io): number {
  const opened = openHubFolder(dataDir);
  if (!opened.ok) return fail(io, opened.message);
  const { store, registry } = opened;
  try {
    const eventDoc = registry.get(EVENT_DOC).doc;
    if (hasEvent(eventDoc)) {
      const existing = readSettings(eventDoc);
      return fail(
        io,
        `${dataDir} already has the event "${existing.name}" (${existing.id}); nothing was imported. ` +
          'Import into a new, empty data folder (--data DIR), or keep scoring in this one.',
      );
    }
    const setUp = setUpEvent({ registry, store }, file.event);
    if (!setUp.ok)
      return fail(io, `the event could not be set up:\n  ${setUp.problems.join('\n  ')}`);
    if (registry.pendingCount() > 0) return fail(io, `could not write the event to ${dataDir}.`);
    // The event is on disk first, so a failure below leaves a usable event without sheets.
    for (const sheet of file.sheets)
      commitFileSheet(registry.get(sheetsDocName(sheet.judgeId)).doc, sheet, 'import', HUB_ORIGIN);
    if (!registry.flush())
      return fail(
        io,
        `the event was imported but its score sheets could not be written to ${dataDir}.`,
      );
    io.stdout(summary(dataDir, file));
    return ExitCode.Ok;
  } finally {
    registry.close();
    store.close();
  }
}

function summary(dataDir: string, file: EventFile): string {
  const { event, sheets } = file;
  const submitted = sheets.filter((s) => s.status !== 'draft').length;
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  return [
    `Imported "${event.settings.name}" (${event.settings.id}) into ${dataDir}:`,
    `  ${count(event.categories.length, 'category', 'categories')}, ${count(event.teams.length, 'team')}, ` +
      `${count(event.judges.length, 'judge')}, ${count(event.assignments.length, 'assignment')}`,
    `  ${count(sheets.length, 'score sheet')} (${submitted} submitted)`,
    '',
    `Start the hub with:  judgehub serve --data ${shellPath(dataDir)}`,
    '',
  ].join('\n');
}

type FileText = { ok: true; text: string } | { ok: false; message: string };

/** The file as text, or why it cannot be read: missing, too large, not UTF-8. */
function readEventFileText(filePath: string): FileText {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(filePath);
    if (stat.isDirectory())
      return { ok: false, message: `${filePath} is a folder, not an event file.` };
    if (stat.size > MAX_FILE_BYTES)
      return {
        ok: false,
        message: `${filePath} is ${stat.size} bytes; an event file is at most ${MAX_FILE_BYTES}.`,
      };
    bytes = fs.readFileSync(filePath);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return {
      ok: false,
      message:
        e.code === 'ENOENT' ? `no file at ${filePath}.` : `cannot read ${filePath}: ${e.message}`,
    };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return {
      ok: false,
      message: `${filePath} is saved as UTF-16; save it as UTF-8 and import again.`,
    };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      message: `${filePath} is not UTF-8 text; save it as UTF-8 and import again.`,
    };
  }
}

function fail(io: Io, message: string): number {
  io.stderr(`judgehub import: ${message}\n`);
  return ExitCode.Failed;
}
