import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parseCsvRecords } from '../helpers/csvRows.js';
import { freePort } from './hubProcess.js';

const BIN = fileURLToPath(new URL('../../packages/hub/bin/judgehub.js', import.meta.url));

export interface EmptyHub {
  baseUrl: string;
  /** The organiser's link, as the banner printed it (re-based on the loopback address). */
  organiserUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** The same path and query on this hub's loopback address (the hub may print another host). */
export function onHub(baseUrl: string, link: string): string {
  const url = new URL(link);
  return `${baseUrl}${url.pathname}${url.search}`;
}

/**
 * `judgehub serve` on an empty data folder: no --demo, not advertised (--no-mdns). The banner is
 * waited for up to `startTimeoutMs`.
 */
export async function startEmptyHub(
  dataDir: string,
  { startTimeoutMs = 45_000 } = {},
): Promise<EmptyHub> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [BIN, 'serve', '--data', dataDir, '--port', String(port), '--host', '127.0.0.1', '--no-mdns'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Generous by default: a busy 2-core machine may take a while to start Node and open the store.
  const deadline = Date.now() + startTimeoutMs;
  while (!out.includes('Ctrl+C stops the hub')) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`hub did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  const link = /Organiser:\s+(http\S+)/.exec(out)?.[1];
  if (!link) throw new Error(`no organiser link in the banner:\n${out}`);
  return {
    baseUrl,
    organiserUrl: onHub(baseUrl, link),
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs `judgehub <args>` against the data folder while the hub serves it (read only). */
export function cli(args: string[]): { stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`judgehub ${args.join(' ')} failed: ${run.stderr}`);
  return { stdout: run.stdout, stderr: run.stderr };
}

export interface StoredEvent {
  event: {
    settings: { id: string; name: string };
    categories: {
      id: string;
      name: string;
      criteria: { id: string; label: string; min: number; max: number; weight: number }[];
    }[];
    teams: { id: string; name: string; categoryIds: string[] }[];
    judges: { id: string; name: string; conflicts?: string[] }[];
    assignments: { judgeId: string; teamId: string; categoryId: string }[];
  };
  sheets?: { judgeId: string; teamId: string; categoryId: string }[];
}

/** The event as stored on the hub (`judgehub export`, the event file). */
export function storedEvent(dataDir: string): StoredEvent {
  return JSON.parse(cli(['export', '--data', dataDir]).stdout) as StoredEvent;
}

/** Every assigned sheet's values as stored on the hub (`judgehub export --what sheets`). */
export function storedSheets(dataDir: string): Record<string, string>[] {
  return parseCsvRecords(
    cli(['export', '--data', dataDir, '--format', 'csv', '--what', 'sheets']).stdout,
  );
}

/** The standings as the hub computes them (`judgehub export --format csv`). */
export function storedResults(dataDir: string): Record<string, string>[] {
  return parseCsvRecords(cli(['export', '--data', dataDir, '--format', 'csv']).stdout);
}

/** One stored value: judge, team, criterion (the sheets CSV's row). */
export function sheetRow(
  rows: Record<string, string>[],
  judgeId: string,
  teamId: string,
  criterionId: string,
): Record<string, string> {
  const row = rows.find(
    (r) =>
      r['Judge ID'] === judgeId && r['Team ID'] === teamId && r['Criterion ID'] === criterionId,
  );
  if (!row) throw new Error(`no stored row for ${judgeId} ${teamId} ${criterionId}`);
  return row;
}

/** A worksheet as records keyed by its header row (cell values as ExcelJS reads them). */
export function sheetRecords(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const records: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as unknown[];
    records.push(Object.fromEntries(header.map((h, i) => [h, values[i + 1] ?? null])));
  });
  return records;
}
