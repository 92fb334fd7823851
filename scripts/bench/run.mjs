// `npm run bench`: JudgeHub's hub against its peers on the same workloads in the same run (issue 9).
// Each server runs on loopback in its own process; devices are simulated in worker processes.
// Writes the figures to docs/PERFORMANCE.md (between the generated markers) and JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readOptions } from './options.mjs';
import { benchEvent, scoreSlots, seedDocuments } from './benchEvent.mjs';
import { SERVERS, freePort, unavailable } from './servers.mjs';
import { runPopulation } from './workloads/population.mjs';
import { catchUp, coldStart } from './workloads/startAndCatchUp.mjs';
import { markdown, ratios, targets } from './report.mjs';
import { round } from './stats.mjs';

const root = new URL('../../', import.meta.url);
const log = (line) => process.stdout.write(`${line}\n`);

const opts = readOptions(process.argv.slice(2));
if (opts.help) {
  process.stdout.write(opts.help);
  process.exit(0);
}
const { sizes } = opts;

const pkg = (name) =>
  JSON.parse(fs.readFileSync(new URL(`node_modules/${name}/package.json`, root), 'utf8')).version;
const version = (name) => {
  try {
    return pkg(name);
  } catch {
    return 'not installed';
  }
};

function populationBench() {
  const scoreboards = Math.max(1, Math.round(sizes.devices * sizes.scoreboardShare));
  const judges = Math.max(sizes.judgesPerSheet, Math.floor((sizes.devices - scoreboards) / 2));
  const made = benchEvent({
    id: 'bench-steady',
    teams: sizes.teams,
    categories: sizes.categories,
    criteria: sizes.criteria,
    judges,
    judgesPerSheet: sizes.judgesPerSheet,
    draftJudges: Math.min(sizes.burstJudges, judges),
  });
  // Whatever the judges' two devices each leave of the total are scoreboards.
  return { ...made, slots: scoreSlots(made), scoreboards: sizes.devices - 2 * judges };
}

function largeBench() {
  return benchEvent({
    id: 'bench-large',
    teams: sizes.coldTeams,
    categories: sizes.categories,
    criteria: sizes.criteria,
    judges: sizes.coldJudges,
    judgesPerSheet: sizes.judgesPerSheet,
  });
}

const run = {
  date: new Date().toISOString(),
  quick: opts.quick,
  machine: {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  },
  versions: {
    yjs: version('yjs'),
    ws: version('ws'),
    'better-sqlite3': version('better-sqlite3'),
    '@hocuspocus/server': version('@hocuspocus/server'),
    sqlite3: version('sqlite3'),
  },
  sizes,
  loadAverage: { start: round(os.loadavg()[0], 2), end: null },
  servers: {},
  descriptions: {},
  unavailable: {},
};

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-bench-'));
const population = ['steady', 'burst', 'storm'].some((w) => opts.workloads.includes(w));
const startAndCatchUp = ['cold-start', 'catch-up'].some((w) => opts.workloads.includes(w));
const pop = population ? populationBench() : null;
const popSeeds = pop ? seedDocuments(pop) : null;
const large = startAndCatchUp ? largeBench() : null;
const largeSeeds = large ? seedDocuments(large) : null;
if (pop) {
  run.population = {
    judges: pop.event.judges.length,
    scoreboards: pop.scoreboards,
    sheets: pop.sheets.length,
  };
}

try {
  for (const kind of opts.servers) {
    const why = unavailable(kind);
    if (why) {
      run.unavailable[kind] = why;
      log(`${kind}: skipped, ${why}`);
      continue;
    }
    const Kind = SERVERS[kind];
    run.descriptions[kind] = Kind.description();
    const result = { loadAverageAtStart: round(os.loadavg()[0], 2) };
    run.servers[kind] = result;
    log(`${kind}: ${run.descriptions[kind]} (load ${result.loadAverageAtStart})`);

    if (pop) {
      const dir = path.join(workDir, `${kind}-population`);
      fs.mkdirSync(dir);
      const server = new Kind(dir, await freePort());
      if (kind === 'judgehub' && opts.cpuProfDir) {
        server.cpuProfDir = path.resolve(opts.cpuProfDir);
        fs.mkdirSync(server.cpuProfDir, { recursive: true });
      }
      await server.seed(pop, popSeeds);
      await server.start();
      await server.upload?.();
      try {
        result.population = await runPopulation({
          kind,
          server,
          bench: pop,
          sizes,
          workloads: opts.workloads,
          log,
        });
      } finally {
        await server.stop();
      }
      const bytes = await server.diskBytes();
      const burstSheets = opts.workloads.includes('burst') ? 2 * pop.drafts.size : 0;
      const scores = (pop.sheets.length + burstSheets) * sizes.criteria;
      result.disk = {
        bytes,
        scores,
        bytesPerScore: bytes === null ? null : Math.round(bytes / scores),
      };
      log(`  disk: ${JSON.stringify(result.disk)}`);
    }

    if (large) {
      const template = new Kind(path.join(workDir, `${kind}-large`), 0);
      fs.mkdirSync(template.dir);
      await template.seed(large, largeSeeds);
      const common = { kind, template, Kind, workDir };
      if (opts.workloads.includes('cold-start')) {
        result.coldStart = await coldStart({ ...common, runs: sizes.coldRuns });
        log(`  cold start: ${JSON.stringify(result.coldStart)}`);
      }
      if (opts.workloads.includes('catch-up')) {
        result.catchUp = await catchUp({
          ...common,
          bench: large,
          edits: sizes.catchUpEdits,
          runs: sizes.catchUpRuns,
        });
        log(`  catch-up: ${JSON.stringify(result.catchUp)}`);
      }
    }
  }
} finally {
  // JUDGEHUB_BENCH_KEEP=1 keeps the servers' files for a look afterwards.
  if (process.env.JUDGEHUB_BENCH_KEEP === '1') log(`files kept in ${workDir}`);
  else fs.rmSync(workDir, { recursive: true, force: true });
}

run.loadAverage.end = round(os.loadavg()[0], 2);
run.ratios = run.servers.judgehub ? ratios(run.servers) : {};
run.targets = run.servers.judgehub ? targets(run.servers, sizes) : [];
for (const t of run.targets)
  log(`target: ${t.target}: ${t.measured} — ${t.met ? 'met' : 'MISSED'}`);

if (opts.out) {
  const file = path.resolve(fileURLToPath(root), opts.out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(run, null, 2) + '\n');
  log(`results written to ${path.relative(process.cwd(), file)}`);
}
if (opts.writeDocs) {
  const docFile = fileURLToPath(new URL('docs/PERFORMANCE.md', root));
  const doc = fs.readFileSync(docFile, 'utf8');
  fs.writeFileSync(
    docFile,
    doc.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, markdown(run)),
  );
  log('figures written to docs/PERFORMANCE.md');
}
