// Workloads (d) large-event cold start and (e) catch-up, each run several times on a fresh copy
// of the seeded server files (a server process of its own every run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESULTS_DOC, commitField, criterionField, sheetsDocName } from '@judgehub/model';
import { DocLink, now } from '../device/DocLink.mjs';
import { OwnReplica, SharedReplica } from '../device/replicas.mjs';
import { ProcessSampler, readProcess } from '../procStats.mjs';
import { freePort } from '../servers.mjs';
import { median, round } from '../stats.mjs';

function until(check, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const poll = () => {
      if (check()) resolve();
      else if (Date.now() > deadline)
        reject(new Error(`${what} did not happen in ${timeoutMs} ms`));
      else setTimeout(poll, 1);
    };
    poll();
  });
}

async function freshCopy(template, Kind, runDir) {
  template.copyTo(runDir);
  const server = new Kind(runDir, await freePort());
  server.seeds = template.seeds;
  if (server.readTokens) server.readTokens();
  return server;
}

const spread = (values) => ({
  median: round(median(values)),
  min: round(Math.min(...values)),
  max: round(Math.max(...values)),
  runs: values.length,
});

/**
 * (d) From spawning the server on the seeded files until it accepts connections (ready), and
 * until a scoreboard has synced the results document (first scoreboard).
 */
export async function coldStart({ kind, template, Kind, runs, workDir }) {
  const ready = [];
  const firstScoreboard = [];
  const rss = [];
  for (let r = 0; r < runs; r++) {
    const server = await freshCopy(template, Kind, path.join(workDir, `${kind}-cold-${r}`));
    const { readyMs, spawnedAt } = await server.start();
    const link = new DocLink({
      flavour: kind,
      port: server.port,
      docName: RESULTS_DOC,
      token: server.tokenFor({ role: 'scoreboard' }),
      replica: new SharedReplica(),
    });
    link.connect();
    await until(() => link.synced, 30_000, 'first scoreboard sync');
    ready.push(readyMs);
    firstScoreboard.push(link.syncedAt - (performance.timeOrigin + spawnedAt));
    link.stop();
    rss.push(readProcess(server.pid)?.rssBytes ?? 0);
    await server.stop();
    fs.rmSync(server.dir, { recursive: true, force: true });
  }
  return {
    readyMs: spread(ready),
    firstScoreboardMs: spread(firstScoreboard),
    serverRssMB: round(median(rss) / 1e6),
    loadAverage: round(os.loadavg()[0], 2),
  };
}

/** `edits` changes to a judge's sheets made offline on top of what the tablet last synced. */
function offlineEdits(replica, bench, judgeId, edits) {
  const assignments = bench.event.assignments.filter((a) => a.judgeId === judgeId);
  const criteria = new Map(bench.event.categories.map((c) => [c.id, c.criteria]));
  const slots = assignments.flatMap((a) => criteria.get(a.categoryId).map((c) => ({ a, c })));
  for (let i = 0; i < edits; i++) {
    const { a, c } = slots[i % slots.length];
    const shown = replica.currentValue(a.teamId, a.categoryId, criterionField(c.id));
    commitField(replica.doc, {
      teamId: a.teamId,
      categoryId: a.categoryId,
      field: criterionField(c.id),
      value: typeof shown === 'number' && shown < c.max ? shown + c.step : c.min,
      author: judgeId,
      device: 'catch-up-tablet',
    });
  }
}

/**
 * (e) A tablet synced the judge's sheet, then scored `edits` values offline; measured from
 * opening its connection until the server acknowledged every one of them.
 */
export async function catchUp({ kind, template, Kind, bench, edits, runs, workDir }) {
  const judgeId = bench.event.judges[0].id;
  const times = [];
  const cpu = [];
  let rss = 0;
  for (let r = 0; r < runs; r++) {
    const server = await freshCopy(template, Kind, path.join(workDir, `${kind}-catch-up-${r}`));
    await server.start();
    await server.upload?.();
    const replica = new OwnReplica('catch-up-tablet');
    const link = new DocLink({
      flavour: kind,
      port: server.port,
      docName: sheetsDocName(judgeId),
      token: server.tokenFor({ role: 'judge', judgeId }),
      replica,
    });
    link.connect();
    await until(() => link.synced, 30_000, 'first sync');
    link.stop();
    await until(() => link.ws === null, 5_000, 'close');
    offlineEdits(replica, bench, judgeId, edits);
    const sampler = new ProcessSampler(server.pid, 20);
    const mark = sampler.mark();
    const started = now();
    link.connect();
    await until(() => link.ackedClock >= replica.localClock(), 60_000, 'catch-up ack');
    times.push(now() - started);
    const usage = sampler.since(mark);
    sampler.stop();
    cpu.push(usage.cpuCores);
    rss = Math.max(rss, usage.peakRssBytes);
    link.stop();
    await server.stop();
    fs.rmSync(server.dir, { recursive: true, force: true });
  }
  return {
    edits,
    ackMs: spread(times),
    editsPerSecond: round(edits / (median(times) / 1000)),
    serverCpuCores: round(median(cpu), 2),
    serverPeakRssMB: round(rss / 1e6),
    loadAverage: round(os.loadavg()[0], 2),
  };
}
