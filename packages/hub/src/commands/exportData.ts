import fs from 'node:fs';
import path from 'node:path';
import { computeResults, eventFileSheets, serializeEventFile } from '@judgehub/model';
import { ExitCode, usageError, type CliCommand, type Io } from './command.js';
import { resultsCsv, resultsJson, sheetsCsv } from './exportTables.js';
import { readHubData, type HubData } from './hubData.js';
import { exportFromFolder } from '../exports/exportFromFolder.js';
import type { ExportKind } from '../exports/exportKinds.js';

type Format = 'json' | 'csv' | 'xlsx' | 'pdf';
type What = 'event' | 'results' | 'sheets' | 'audit' | 'feedback';

/** What each format can carry; the first is the default. */
const WHAT_BY_FORMAT: Record<Format, readonly What[]> = {
  json: ['event', 'results'],
  csv: ['results', 'sheets', 'audit'],
  xlsx: ['results'],
  pdf: ['results', 'feedback'],
};

/** Formats made by the organiser's exports (packages/hub/src/exports), shared with the hub's HTTP. */
const SHARED_KINDS: Partial<Record<`${Format}/${What}`, ExportKind>> = {
  'csv/results': 'results-csv',
  'csv/sheets': 'sheets-csv',
  'csv/audit': 'audit-csv',
  'xlsx/results': 'results-xlsx',
  'pdf/results': 'results-pdf',
  'pdf/feedback': 'feedback-pdf',
};

export const exportCommand: CliCommand = {
  name: 'export',
  summary:
    'Write the event with its sheets (JSON), results (CSV, XLSX, PDF), feedback or the audit log',
  help: `Usage: judgehub export [--data DIR] [--format json|csv|xlsx|pdf] [--what WHAT] [--out FILE]

Writes what the data folder holds, to FILE or to standard output. Safe while the hub runs.

  --format json --what event     (the default) the event file with every score sheet: a backup
                                 that \`judgehub import\` reads back (docs/EVENT_FILE.md)
  --format json --what results   the standings per category, as JSON
  --format csv  --what results   (the default for csv) one row per team per category
  --format csv  --what sheets    one row per assigned sheet per criterion, started or not
  --format csv  --what audit     every stored change: when, who, device, document, old → new
  --format xlsx --what results   (the default for xlsx) a workbook: summary, a sheet per
                                 category, every sheet's values
  --format pdf  --what results   (the default for pdf) the printable results report (A4)
  --format pdf  --what feedback  one section per team: scores per judge and comments (A4)

CSV files are for Excel and other spreadsheets: UTF-8 with a byte order mark, comma separated,
CRLF line ends; text that a spreadsheet would run as a formula starts with '. Columns are listed
in docs/EXPORTS.md.

Options:
  --data DIR     Data folder (default ./data)
  --format F     json (default), csv, xlsx or pdf (xlsx and pdf need --out)
  --what WHAT    event, results, sheets, audit or feedback (see above)
  --out FILE     Write to FILE (replaced if it exists) instead of standard output
`,
  options: ['data', 'format', 'what', 'out'],
  async run({ values, positionals }, io) {
    if (positionals.length > 0)
      return usageError(io, 'export', `unexpected "${positionals.join(' ')}"`);
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'csv' && format !== 'xlsx' && format !== 'pdf')
      return usageError(io, 'export', `--format must be json, csv, xlsx or pdf, got "${format}"`);
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
    const shared = SHARED_KINDS[`${format}/${what}`];
    if (shared) {
      if (values.out === undefined && (format === 'xlsx' || format === 'pdf'))
        return usageError(
          io,
          'export',
          `--format ${format} is not text: give a file with --out FILE`,
        );
      const built = await exportFromFolder(dataDir, shared);
      if (!built.ok) return fail(io, built.message);
      for (const note of built.file.notes) io.stderr(`judgehub export: note: ${note}\n`);
      if (values.out === undefined) {
        // Buffer keeps the byte order mark, which TextDecoder would drop.
        io.stdout(Buffer.from(built.file.bytes).toString('utf8'));
        return ExitCode.Ok;
      }
      const failed = writeAtomically(path.resolve(values.out), built.file.bytes);
      if (failed) return fail(io, failed);
      io.stderr(`Wrote ${what} (${format}) to ${path.resolve(values.out)}\n`);
      return ExitCode.Ok;
    }
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
function writeAtomically(file: string, text: string | Uint8Array): string | null {
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
