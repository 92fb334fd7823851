import fs from 'node:fs';
import path from 'node:path';
import { computeResults, eventFileSheets, serializeEventFile } from '@judgehub/model';
import { ExitCode, usageError, type CliCommand, type Io } from './command.js';
import { resultsCsv, resultsJson, sheetsCsv } from './exportTables.js';
import { readHubData, type HubData } from './hubData.js';

type Format = 'json' | 'csv';
type What = 'event' | 'results' | 'sheets';

/** What each format can carry; the first is the default. */
const WHAT_BY_FORMAT: Record<Format, readonly What[]> = {
  json: ['event', 'results'],
  csv: ['results', 'sheets'],
};

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Write the event with its sheets (JSON) or results and sheets (CSV)',
  help: `Usage: judgehub export [--data DIR] [--format json|csv] [--what WHAT] [--out FILE]

Writes what the data folder holds, to FILE or to standard output. Safe while the hub runs.

  --format json --what event     (the default) the event file with every score sheet: a backup
                                 that \`judgehub import\` reads back (docs/EVENT_FILE.md)
  --format json --what results   the standings per category, as JSON
  --format csv  --what results   (the default for csv) one row per team per category
  --format csv  --what sheets    one row per assigned sheet per criterion, started or not

CSV files are for Excel and other spreadsheets: UTF-8 with a byte order mark, comma separated,
CRLF line ends; text that a spreadsheet would run as a formula starts with '. Columns are listed
in docs/EXPORTS.md.

Options:
  --data DIR     Data folder (default ./data)
  --format F     json (default) or csv
  --what WHAT    event, results or sheets (see above)
  --out FILE     Write to FILE (replaced if it exists) instead of standard output
`,
  options: ['data', 'format', 'what', 'out'],
  async run({ values, positionals }, io) {
    if (positionals.length > 0)
      return usageError(io, 'export', `unexpected "${positionals.join(' ')}"`);
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'csv')
      return usageError(io, 'export', `--format must be json or csv, got "${format}"`);
    const allowed = WHAT_BY_FORMAT[format];
    const what = (values.what ?? allowed[0]!) as What;
    if (!allowed.includes(what))
      return usageError(
        io,
        'export',
        `--format ${format} exports ${allowed.join(' or ')}, not "${values.what}"` +
          (what === 'event' ? ' (the event file is --format json)' : '') +
          (what === 'sheets' && format === 'json'
            ? ' (the event file, --what event, carries the sheets)'
            : ''),
      );

    const dataDir = path.resolve(values.data ?? 'data');
    const read = readHubData(dataDir);
    if (!read.ok) return fail(io, read.message);
    const text = render(read.data, format, what, io);
    if (values.out === undefined) {
      io.stdout(text);
      return ExitCode.Ok;
    }
    const written = writeAtomically(path.resolve(values.out), text);
    if (written) return fail(io, written);
    io.stderr(
      `Wrote ${what} (${format}) of "${read.data.event.settings.name}" to ${path.resolve(values.out)}\n`,
    );
    return ExitCode.Ok;
  },
};

function render(data: HubData, format: Format, what: What, io: Io): string {
  if (format === 'json' && what === 'event') {
    const { sheets, notes } = eventFileSheets(data.event, data.sheetsByJudge);
    for (const note of notes) io.stderr(`judgehub export: note: ${note}\n`);
    return serializeEventFile(data.event, sheets);
  }
  if (what === 'sheets') return sheetsCsv(data.event, data.sheetsByJudge);
  const results = computeResults(data.event, data.sheetsByJudge);
  return format === 'json' ? resultsJson(data.event, results) : resultsCsv(data.event, results);
}

/** Writes beside the target, then renames: a failed export never leaves half a file. */
function writeAtomically(file: string, text: string): string | null {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, file);
    return null;
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const e = error as NodeJS.ErrnoException;
    return e.code === 'ENOENT'
      ? `cannot write ${file}: the folder ${path.dirname(file)} does not exist.`
      : `cannot write ${file}: ${e.message}`;
  }
}

function fail(io: Io, message: string): number {
  io.stderr(`judgehub export: ${message}\n`);
  return ExitCode.Failed;
}
