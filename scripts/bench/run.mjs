// `npm run bench`: runs each benchmark, writes bench-results/latest.json and the figures into
// docs/PERFORMANCE.md (between the generated markers), with the machine and the date.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { catchUp } from './catchUp.mjs';

const root = new URL('../../', import.meta.url);
const pkg = (name) =>
  JSON.parse(fs.readFileSync(new URL(`node_modules/${name}/package.json`, root), 'utf8')).version;

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
};
const versions = { yjs: pkg('yjs'), ws: pkg('ws'), 'better-sqlite3': pkg('better-sqlite3') };
const date = new Date().toISOString().slice(0, 10);

const results = [];
for (const bench of [catchUp]) {
  process.stdout.write(`running ${bench.name}…\n`);
  const result = await bench();
  results.push(result);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

fs.mkdirSync(new URL('bench-results/', root), { recursive: true });
fs.writeFileSync(
  new URL('bench-results/latest.json', root),
  JSON.stringify({ date, machine, versions, results }, null, 2) + '\n',
);

const rows = results.map(
  (r) =>
    `| ${r.name} | ${r.description} | ${r.medianMs.toFixed(0)} ms (min ${r.minMs.toFixed(0)}, max ${r.maxMs.toFixed(0)}, ${r.runs} runs) | ${r.targetMs} ms | ${r.medianMs <= r.targetMs ? 'met' : 'NOT met'} |`,
);
const section = [
  '<!-- bench:start -->',
  `Measured ${date} on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB), ${machine.os}, Node ${machine.node}; yjs ${versions.yjs}, ws ${versions.ws}, better-sqlite3 ${versions['better-sqlite3']}.`,
  '',
  '| workload | what is measured | median | target | |',
  '|---|---|---|---|---|',
  ...rows,
  '<!-- bench:end -->',
].join('\n');
const docFile = fileURLToPath(new URL('docs/PERFORMANCE.md', root));
const doc = fs.readFileSync(docFile, 'utf8');
fs.writeFileSync(docFile, doc.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, section));
process.stdout.write(`written to docs/PERFORMANCE.md and bench-results/latest.json\n`);
