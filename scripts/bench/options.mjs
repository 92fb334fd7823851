// Command-line options of `npm run bench` and the sizes of every workload. `--quick` shrinks each
// workload to a few seconds so CI (test/bench-smoke) can check that the harness runs end to end.
import { parseArgs } from 'node:util';

export const SERVER_KINDS = ['judgehub', 'reference', 'hocuspocus'];
export const WORKLOADS = ['steady', 'burst', 'storm', 'cold-start', 'catch-up'];

/** The sizes (issue 9), for a 2-core machine. */
const FULL = {
  devices: 1000,
  /** Share of the devices that are scoreboards (the rest are judges' devices, two per judge). */
  scoreboardShare: 0.05,
  workers: 2,
  teams: 150,
  categories: 3,
  criteria: 10,
  judgesPerSheet: 5,
  rate: 200,
  warmupMs: 5_000,
  durationMs: 30_000,
  burstJudges: 150,
  burstWindowMs: 10_000,
  stormTimeoutMs: 60_000,
  coldTeams: 150,
  coldJudges: 100,
  coldRuns: 5,
  catchUpEdits: 2_000,
  catchUpRuns: 5,
};

const QUICK = {
  ...FULL,
  devices: 24,
  teams: 8,
  categories: 2,
  criteria: 3,
  judgesPerSheet: 2,
  rate: 20,
  warmupMs: 300,
  durationMs: 1_500,
  burstJudges: 4,
  burstWindowMs: 500,
  stormTimeoutMs: 20_000,
  coldTeams: 8,
  coldJudges: 6,
  coldRuns: 1,
  catchUpEdits: 50,
  catchUpRuns: 1,
};

const HELP = `Usage: node scripts/bench/run.mjs [options]   (npm run bench -- [options])

Starts each server on loopback in its own process, drives it with simulated devices in worker
processes, and writes the figures to docs/PERFORMANCE.md and docs/bench/latest.json.

Options:
  --quick              tiny sizes, a few seconds (the smoke test); writes no docs unless --out
  --servers LIST       ${SERVER_KINDS.join(',')} (default: all)
  --workloads LIST     ${WORKLOADS.join(',')} (default: all)
  --devices N          devices connected in steady, burst and storm (default ${FULL.devices})
  --rate N             commits per second in steady judging (default ${FULL.rate})
  --duration MS        measured part of steady judging (default ${FULL.durationMs})
  --workers N          device worker processes (default ${FULL.workers})
  --out FILE           JSON results (default docs/bench/latest.json; --quick: none)
  --no-docs            do not rewrite docs/PERFORMANCE.md
  --cpu-prof DIR       run the JudgeHub hub with --cpu-prof, profiles written to DIR
`;

export function readOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      servers: { type: 'string' },
      workloads: { type: 'string' },
      devices: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      workers: { type: 'string' },
      out: { type: 'string' },
      'no-docs': { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return { help: HELP };
  const sizes = { ...(values.quick ? QUICK : FULL) };
  const whole = (name, text) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`--${name} must be a positive whole number`);
    return n;
  };
  if (values.devices) sizes.devices = whole('devices', values.devices);
  if (values.rate) sizes.rate = whole('rate', values.rate);
  if (values.duration) sizes.durationMs = whole('duration', values.duration);
  if (values.workers) sizes.workers = whole('workers', values.workers);
  const list = (text, known, what) => {
    if (!text) return [...known];
    const picked = text.split(',').map((s) => s.trim());
    for (const p of picked) if (!known.includes(p)) throw new Error(`unknown ${what} "${p}"`);
    return picked;
  };
  return {
    quick: values.quick,
    sizes,
    servers: list(values.servers, SERVER_KINDS, 'server'),
    workloads: list(values.workloads, WORKLOADS, 'workload'),
    out: values.out ?? (values.quick ? null : 'docs/bench/latest.json'),
    writeDocs: !values.quick && !values['no-docs'],
    cpuProfDir: values['cpu-prof'] ?? null,
  };
}
