// Turns the results of one run into ratios, a target check and the Markdown that replaces the
// generated part of docs/PERFORMANCE.md.

const NAMES = { judgehub: 'JudgeHub', reference: 'reference', hocuspocus: 'Hocuspocus+SQLite' };

/** [label, path in a server's results, unit, 'higher' | 'lower' is better]. */
export const METRICS = [
  ['connect: all devices synced', 'population.connect.seconds', 's', 'lower'],
  ['steady: commits/s', 'population.steady.commitsPerSecond', '', 'higher'],
  ['steady: commit → other device p50', 'population.steady.otherDeviceMs.p50', 'ms', 'lower'],
  ['steady: commit → other device p99', 'population.steady.otherDeviceMs.p99', 'ms', 'lower'],
  ['steady: commit → ack p50', 'population.steady.ackMs.p50', 'ms', 'lower'],
  ['steady: commit → ack p99', 'population.steady.ackMs.p99', 'ms', 'lower'],
  ['steady: commit → scoreboard p50', 'population.steady.scoreboardMs.p50', 'ms', 'lower'],
  ['steady: commit → scoreboard p99', 'population.steady.scoreboardMs.p99', 'ms', 'lower'],
  ['steady: server CPU (cores)', 'population.steady.serverCpuCores', '', 'lower'],
  ['steady: server peak RSS', 'population.steady.serverPeakRssMB', 'MB', 'lower'],
  ['burst (10 s): commits/s', 'population.burst.commitsPerSecond', '', 'higher'],
  ['burst (10 s): commit → other device p99', 'population.burst.otherDeviceMs.p99', 'ms', 'lower'],
  ['burst (10 s): commit → ack p50', 'population.burst.ackMs.p50', 'ms', 'lower'],
  ['burst (10 s): commit → ack p99', 'population.burst.ackMs.p99', 'ms', 'lower'],
  ['burst (10 s): submit → scoreboard p99', 'population.burst.scoreboardMs.p99', 'ms', 'lower'],
  ['burst (10 s): server peak RSS', 'population.burst.serverPeakRssMB', 'MB', 'lower'],
  [
    'burst (all at once): ack throughput, commits/s',
    'population.burstAllAtOnce.commitsPerSecond',
    '',
    'higher',
  ],
  ['burst (all at once): commit → ack p50', 'population.burstAllAtOnce.ackMs.p50', 'ms', 'lower'],
  ['burst (all at once): commit → ack p99', 'population.burstAllAtOnce.ackMs.p99', 'ms', 'lower'],
  [
    'burst (all at once): commit → other device p99',
    'population.burstAllAtOnce.otherDeviceMs.p99',
    'ms',
    'lower',
  ],
  [
    'burst (all at once): server CPU (cores)',
    'population.burstAllAtOnce.serverCpuCores',
    '',
    'lower',
  ],
  ['storm: all synced after restart began', 'population.storm.allSyncedAfterStopMs', 'ms', 'lower'],
  ['storm: all synced after server ready', 'population.storm.allSyncedAfterReadyMs', 'ms', 'lower'],
  ['storm: server peak RSS', 'population.storm.serverPeakRssMB', 'MB', 'lower'],
  ['disk: bytes per score after compaction', 'disk.bytesPerScore', 'B', 'lower'],
  ['cold start: ready (median)', 'coldStart.readyMs.median', 'ms', 'lower'],
  [
    'cold start: first scoreboard synced (median)',
    'coldStart.firstScoreboardMs.median',
    'ms',
    'lower',
  ],
  ['cold start: server RSS', 'coldStart.serverRssMB', 'MB', 'lower'],
  ['catch-up: all acknowledged (median)', 'catchUp.ackMs.median', 'ms', 'lower'],
  ['catch-up: edits/s', 'catchUp.editsPerSecond', '', 'higher'],
  ['catch-up: server peak RSS', 'catchUp.serverPeakRssMB', 'MB', 'lower'],
];

const at = (object, path) =>
  path.split('.').reduce((o, key) => (o === null || o === undefined ? null : o[key]), object) ??
  null;

/** hub ÷ peer for every metric both have (above 1: the hub's number is larger). */
export function ratios(servers) {
  const hub = servers.judgehub;
  const out = {};
  for (const [label, path] of METRICS) {
    const row = {};
    for (const peer of ['reference', 'hocuspocus']) {
      const a = at(hub, path);
      const b = at(servers[peer], path);
      row[peer] =
        typeof a === 'number' && typeof b === 'number' && b !== 0 ? +(a / b).toFixed(2) : null;
    }
    out[label] = row;
  }
  return out;
}

/** The issue's targets, each with the measured value and whether it is met. */
export function targets(servers, sizes) {
  const hub = servers.judgehub;
  if (!hub?.population && !hub?.coldStart) return [];
  const list = [];
  const pop = hub.population;
  if (pop) {
    list.push({
      target: `${sizes.devices} devices connected and synced`,
      measured: `${pop.devices} devices, ${pop.connect.unsynced} unsynced`,
      met: pop.devices >= sizes.devices && pop.connect.unsynced === 0,
    });
    if (pop.steady) {
      const p99 = pop.steady.scoreboardMs?.p99 ?? null;
      list.push({
        target: `p99 commit → scoreboard ≤ 50 ms at ${sizes.rate} commits/s, durability on`,
        measured: p99 === null ? 'no scoreboard change seen' : `${p99} ms`,
        met: p99 !== null && p99 <= 50 && sizes.rate >= 200,
      });
    }
    const peak = Math.max(
      ...['steady', 'burst', 'burstAllAtOnce', 'storm'].map((w) => pop[w]?.serverPeakRssMB ?? 0),
    );
    list.push({ target: 'hub RSS ≤ 300 MB', measured: `${peak} MB peak`, met: peak <= 300 });
    const own = pop.burstAllAtOnce?.commitsPerSecond;
    const hp = servers.hocuspocus?.population?.burstAllAtOnce?.commitsPerSecond;
    const ref = servers.reference?.population?.burstAllAtOnce?.commitsPerSecond;
    if (own !== undefined) {
      if (hp !== undefined)
        list.push({
          target: 'durable-ack throughput ≥ Hocuspocus+SQLite',
          measured: `${own} vs ${hp} commits/s`,
          met: own >= hp,
        });
      if (ref !== undefined)
        list.push({
          target: 'durable-ack throughput ≥ 80 % of the reference',
          measured: `${own} vs ${ref} commits/s (${Math.round((own / ref) * 100)} %)`,
          met: own >= 0.8 * ref,
        });
    }
    if (pop.storm) {
      const ms = pop.storm.allSyncedAfterStopMs;
      list.push({
        target: `reconnect storm: all ${pop.devices} devices synced within 5 s of the restart`,
        measured: ms === null ? `${pop.storm.unsynced} never synced` : `${ms} ms`,
        met: ms !== null && ms <= 5000,
      });
    }
  }
  if (hub.coldStart) {
    const ms = hub.coldStart.firstScoreboardMs.median;
    list.push({
      target: 'large-event cold start ≤ 1 s (spawn → first scoreboard synced)',
      measured: `${ms} ms`,
      met: ms <= 1000,
    });
  }
  return list;
}

const LOAD_PATHS = [
  'population.steady',
  'population.burstAllAtOnce',
  'population.storm',
  'coldStart',
];

const ratio = (r) => (r === null || r === undefined ? '—' : `${r}×`);
const fmt = (v, unit) => (v === null || v === undefined ? '—' : `${v}${unit ? ` ${unit}` : ''}`);

export function markdown(run) {
  const kinds = Object.keys(run.servers);
  const lines = [
    '<!-- bench:start -->',
    `Measured ${run.date} on ${run.machine.cpu} (${run.machine.cores} cores, ${run.machine.memoryGiB} GiB), ${run.machine.os}, Node ${run.machine.node}; ` +
      Object.entries(run.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') +
      '.',
    '',
    `Load average (1 min) at the start ${run.loadAverage.start}, at the end ${run.loadAverage.end}` +
      (run.loadAverage.start > 1.5 || run.loadAverage.end > 1.5
        ? ': **the machine was shared with other work during this run**, so absolute figures are pessimistic; the ratios are fair only where the servers ran under similar load (below).'
        : '.'),
    '',
    'Load average while each server ran (steady / burst all at once / storm / cold start): ' +
      kinds
        .map(
          (k) =>
            `${NAMES[k]} ${LOAD_PATHS.map((p) => at(run.servers[k], `${p}.loadAverage`) ?? '—').join(' / ')}`,
        )
        .join('; ') +
      '.',
    '',
    `Sizes: ${run.sizes.devices} devices (${run.population?.judges ?? '?'} judges on two devices each, ${run.population?.scoreboards ?? '?'} scoreboards) in ${run.sizes.workers} worker processes; ` +
      `steady ${run.sizes.rate} commits/s for ${run.sizes.durationMs / 1000} s after ${run.sizes.warmupMs / 1000} s warm-up; ` +
      `burst ${run.sizes.burstJudges} judges; cold start and catch-up on ${run.sizes.coldTeams} teams × ${run.sizes.coldJudges} judges, ${run.sizes.coldRuns} and ${run.sizes.catchUpRuns} runs.`,
    '',
    '| figure | ' +
      kinds.map((k) => NAMES[k]).join(' | ') +
      ' | JudgeHub ÷ reference | JudgeHub ÷ Hocuspocus |',
    '|---|' + kinds.map(() => '---|').join('') + '---|---|',
  ];
  for (const [label, path, unit] of METRICS) {
    const values = kinds.map((k) => at(run.servers[k], path));
    if (values.every((v) => v === null)) continue;
    const r = run.ratios[label] ?? {};
    lines.push(
      `| ${label} | ${values.map((v) => fmt(v, unit)).join(' | ')} | ${ratio(r.reference)} | ${ratio(r.hocuspocus)} |`,
    );
  }
  if (Object.keys(run.unavailable).length > 0) {
    lines.push('');
    for (const [k, why] of Object.entries(run.unavailable))
      lines.push(`${NAMES[k]} did not run: ${why}.`);
  }
  if (run.targets.length > 0) {
    lines.push('', '| target | measured | |', '|---|---|---|');
    for (const t of run.targets)
      lines.push(`| ${t.target} | ${t.measured} | ${t.met ? 'met' : '**missed**'} |`);
  }
  lines.push('<!-- bench:end -->');
  return lines.join('\n');
}
