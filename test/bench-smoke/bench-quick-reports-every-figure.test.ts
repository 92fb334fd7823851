import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

// Checks that `npm run bench` runs end to end (every server, every workload) and reports every
// figure. Speed is never asserted here: the targets live in the benchmark's own report.
const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-bench-smoke-'));
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

type Json = Record<string, unknown>;
const at = (o: unknown, keys: string): unknown =>
  keys.split('.').reduce<unknown>((v, k) => (v as Json | null | undefined)?.[k], o);

function runQuickBench(out: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['scripts/bench/run.mjs', '--quick', '--out', out],
      { cwd: root, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
    );
  });
}

const EVERY_SERVER = [
  'population.connect.seconds',
  'population.steady.commitsPerSecond',
  'population.steady.ackMs.p50',
  'population.steady.ackMs.p99',
  'population.steady.otherDeviceMs.p50',
  'population.steady.otherDeviceMs.p99',
  'population.steady.serverCpuCores',
  'population.steady.serverPeakRssMB',
  'population.burst.commitsPerSecond',
  'population.burst.ackMs.p99',
  'population.burstAllAtOnce.commitsPerSecond',
  'population.burstAllAtOnce.ackMs.p99',
  'population.storm.allSyncedAfterStopMs',
  'population.storm.allSyncedAfterReadyMs',
  'coldStart.readyMs.median',
  'coldStart.firstScoreboardMs.median',
  'catchUp.ackMs.median',
  'catchUp.editsPerSecond',
  'catchUp.serverPeakRssMB',
];

test(
  'the quick benchmark measures every server on every workload',
  { timeout: 300_000 },
  async () => {
    expect(
      fs.existsSync(path.join(root, 'packages/hub/dist/cli.js')),
      'build first (npm run build)',
    ).toBe(true);
    const out = path.join(outDir, 'quick.json');
    await runQuickBench(out);
    const run = JSON.parse(fs.readFileSync(out, 'utf8')) as Json;

    expect(run.machine).toMatchObject({ cores: expect.any(Number), node: process.version });
    expect(at(run, 'loadAverage.start')).toEqual(expect.any(Number));
    // Hocuspocus may be missing where its sqlite3 could not be built; then the run says why.
    const unavailable = run.unavailable as Record<string, string>;
    const measured = ['judgehub', 'reference', 'hocuspocus'].filter((k) => !unavailable[k]);
    expect(measured).toContain('judgehub');
    expect(measured).toContain('reference');
    for (const kind of measured) {
      const server = at(run, `servers.${kind}`);
      for (const figure of EVERY_SERVER)
        expect(at(server, figure), `${kind} ${figure}`).toEqual(expect.any(Number));
      expect(at(server, 'population.storm.unsynced'), kind).toBe(0);
    }
    // Only the hub derives results, so only its scoreboards see commits.
    expect(at(run, 'servers.judgehub.population.steady.scoreboardMs.p99')).toEqual(
      expect.any(Number),
    );
    expect(at(run, 'servers.judgehub.disk.bytesPerScore')).toBeGreaterThan(0);
    expect(at(run, 'servers.reference.disk.bytesPerScore')).toBeNull();
    expect(at(run, 'ratios.steady: commits/s.reference')).toEqual(expect.any(Number));
    expect((run.targets as unknown[]).length).toBeGreaterThanOrEqual(6);
  },
);
