// Workloads (a) steady judging, (b) burst and (c) reconnect storm, run one after another against
// one server with the whole population of devices connected: judges on two devices each (a
// tablet and a second device with the same sheet open, like a phone or the head judge's screen),
// each device holding its judge's sheet and the event; scoreboards holding the results.
import os from 'node:os';
import { ProcessSampler } from '../procStats.mjs';
import { latencySummary, round, scoreboardLatencies } from '../stats.mjs';
import { WorkerPool } from '../workerPool.mjs';
import { now } from '../device/DocLink.mjs';

const GRACE_MS = 3_000;

function deviceSpecs(server, bench) {
  const { scoreboards } = bench;
  const specs = [];
  for (const judge of bench.event.judges)
    for (const pair of ['a', 'b'])
      specs.push({ name: `${judge.id}#${pair}`, role: 'judge', judgeId: judge.id });
  for (let s = 1; s <= scoreboards; s++) specs.push({ name: `S${s}`, role: 'scoreboard' });
  for (const spec of specs) spec.token = server.tokenFor(spec);
  return { specs, scoreboards };
}

/** Judge devices go to worker (judge index mod workers), so a judge's two devices share one. */
function workerOf(spec, index, workers) {
  if (spec.role === 'judge') return Number(spec.judgeId.slice(1)) % workers;
  return index % workers;
}

function merge(replies) {
  return {
    commits: replies.flatMap((r) => r.commits),
    ackMs: replies.flatMap((r) => r.ackMs),
    otherMs: replies.flatMap((r) => r.otherMs),
    scoreboard: replies.flatMap((r) => r.scoreboard),
    committed: replies.reduce((n, r) => n + r.committed, 0),
    acked: replies.reduce((n, r) => n + r.acked, 0),
    skipped: replies.reduce((n, r) => n + r.skipped, 0),
    firstSentAt: Math.min(...replies.map((r) => r.firstSentAt)),
    lastAckAt: Math.max(...replies.map((r) => r.lastAckAt)),
  };
}

function figures(merged, usage, seconds) {
  const board = scoreboardLatencies(merged.commits, merged.scoreboard);
  return {
    commitsPerSecond: round(merged.acked / seconds),
    committed: merged.committed,
    acked: merged.acked,
    skippedOffline: merged.skipped,
    ackMs: latencySummary(merged.ackMs),
    otherDeviceMs: latencySummary(merged.otherMs),
    scoreboardMs: board.matchedCommits > 0 ? latencySummary(board.samples) : null,
    scoreboardCommitsSeen: `${board.matchedCommits}/${board.commits}`,
    serverCpuCores: round(usage.cpuCores, 2),
    serverPeakRssMB: round(usage.peakRssBytes / 1e6),
    loadAverage: round(os.loadavg()[0], 2),
  };
}

export async function runPopulation({ kind, server, bench, sizes, workloads, log }) {
  const { specs, scoreboards } = deviceSpecs(server, bench);
  const workers = new WorkerPool(sizes.workers);
  const sampler = new ProcessSampler(server.pid);
  const out = { devices: specs.length, judges: bench.event.judges.length, scoreboards };
  try {
    const byWorker = Array.from({ length: sizes.workers }, () => []);
    specs.forEach((spec, i) => byWorker[workerOf(spec, i, sizes.workers)].push(spec));
    const categories = bench.event.categories.map((c) => ({ id: c.id, criteria: c.criteria }));
    const drafts = Object.fromEntries(bench.drafts);
    await workers.all('init', (w) => ({
      flavour: kind,
      port: server.port,
      devices: byWorker[w],
      slots: bench.slots,
      categories,
      drafts,
    }));
    let mark = sampler.mark();
    const connected = await workers.all('connect', { timeoutMs: 300_000 });
    const connectUsage = sampler.since(mark);
    out.connect = {
      seconds: round(Math.max(...connected.map((c) => c.ms)) / 1000, 2),
      unsynced: connected.reduce((n, c) => n + c.unsynced, 0),
      serverPeakRssMB: round(connectUsage.peakRssBytes / 1e6),
    };
    log(`  ${specs.length} devices connected in ${out.connect.seconds} s`);
    if (out.connect.unsynced > 0) throw new Error(`${out.connect.unsynced} links never synced`);

    if (workloads.includes('steady')) {
      const startAt = now() + 500;
      mark = sampler.mark();
      const replies = await workers.all('steady', {
        startAt,
        rate: sizes.rate,
        warmupMs: sizes.warmupMs,
        durationMs: sizes.durationMs,
        graceMs: GRACE_MS,
      });
      const usage = sampler.since(mark);
      out.steady = {
        offeredPerSecond: sizes.rate,
        seconds: sizes.durationMs / 1000,
        ...figures(merge(replies), usage, sizes.durationMs / 1000),
      };
      log(`  steady: ${JSON.stringify(out.steady)}`);
    }

    if (workloads.includes('burst')) {
      const judges = [...bench.drafts.keys()];
      for (const [name, windowMs, draftIndex] of [
        ['burst', sizes.burstWindowMs, 0],
        ['burstAllAtOnce', 0, 1],
      ]) {
        mark = sampler.mark();
        const replies = await workers.all('burst', {
          startAt: now() + 300,
          windowMs,
          judges,
          draftIndex,
          timeoutMs: 60_000,
          seed: 7,
        });
        const usage = sampler.since(mark);
        const merged = merge(replies);
        const seconds = (merged.lastAckAt - merged.firstSentAt) / 1000;
        out[name] = {
          judges: judges.length,
          windowSeconds: windowMs / 1000,
          seconds: round(seconds, 2),
          ...figures(merged, usage, seconds),
        };
        log(`  ${name}: ${JSON.stringify(out[name])}`);
      }
    }

    if (workloads.includes('storm')) {
      await workers.all('armStorm', {});
      const stopAt = now();
      await server.stop();
      sampler.stop();
      const { readyMs } = await server.start();
      const readyAt = now();
      const restarted = new ProcessSampler(server.pid);
      const rmark = restarted.mark();
      const replies = await workers.all('waitStorm', { timeoutMs: sizes.stormTimeoutMs });
      const usage = restarted.since(rmark);
      restarted.stop();
      const lastSyncedAt = Math.max(...replies.map((r) => r.lastSyncedAt));
      const unsynced = replies.reduce((n, r) => n + r.unsynced, 0);
      out.storm = {
        devices: specs.length,
        restartReadyMs: round(readyMs),
        allSyncedAfterReadyMs: unsynced === 0 ? round(lastSyncedAt - readyAt) : null,
        allSyncedAfterStopMs: unsynced === 0 ? round(lastSyncedAt - stopAt) : null,
        unsynced,
        serverCpuCores: round(usage.cpuCores, 2),
        serverPeakRssMB: round(usage.peakRssBytes / 1e6),
        loadAverage: round(os.loadavg()[0], 2),
      };
      log(`  storm: ${JSON.stringify(out.storm)}`);
    }
  } finally {
    sampler.stop();
    await workers.close();
  }
  return out;
}
