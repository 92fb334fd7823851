// A worker process simulating many devices (forked by workerPool.mjs). Judges' devices open their
// judge's sheet and the event; scoreboards open the results. The parent sends commands (connect,
// steady, burst, storm, close) and gets back raw timings; all statistics are computed there.
import {
  EVENT_DOC,
  RESULTS_DOC,
  criterionField,
  commitField,
  sheetsDocName,
} from '@judgehub/model';
import { DocLink, now } from './device/DocLink.mjs';
import { OwnReplica, SharedReplica, scoreChanges } from './device/replicas.mjs';

const HEARTBEAT_MS = 5_000;
/** Sockets opened at once while connecting, so the server's accept queue is not flooded. */
const CONNECTING_AT_ONCE = 32;

let setup = null;
const devices = [];
const links = [];
/** What the running phase records; null between phases. */
let rec = null;

function init(args) {
  setup = args;
  const slotIndex = new Map(args.slots.map((s, i) => [`${s.teamId}|${s.categoryId}`, i]));
  const shared = {
    event: new SharedReplica(),
    results: new SharedReplica(scoreChanges((t, c) => slotIndex.get(`${t}|${c}`))),
  };
  for (const spec of args.devices) {
    const device = { ...spec, links: [], replica: null };
    const link = (docName, replica, extra = {}) => {
      const l = new DocLink({
        flavour: args.flavour,
        port: args.port,
        docName,
        token: spec.token,
        replica,
        reconnect: true,
        onSynced: onLinkSynced,
        ...extra,
      });
      device.links.push(l);
      links.push(l);
      return l;
    };
    if (spec.role === 'judge') {
      device.replica = new OwnReplica(spec.name);
      device.replica.onOtherEntry = (entry, at) => {
        if (rec?.measuring && entry.at >= rec.from && entry.at < rec.to)
          rec.otherMs.push(at - entry.at);
      };
      link(sheetsDocName(spec.judgeId), device.replica, { onAck });
      link(EVENT_DOC, shared.event);
    } else {
      link(RESULTS_DOC, shared.results, {
        onApplied: (result, at) => {
          if (!rec?.measuring || !result.change || result.change.length === 0) return;
          let seen = rec.scoreboard.get(result.key);
          if (!seen)
            rec.scoreboard.set(result.key, (seen = { slots: result.change, arrivals: [] }));
          seen.arrivals.push(at);
        },
      });
    }
    devices.push(device);
  }
  if (FLAVOUR_HEARTBEATS.has(args.flavour)) {
    setInterval(() => {
      for (const l of links) l.heartbeat();
    }, HEARTBEAT_MS).unref();
  }
  return { devices: devices.length, links: links.length };
}
const FLAVOUR_HEARTBEATS = new Set(['judgehub']);

function onAck(entry, at) {
  if (!rec || !entry.tag) return;
  rec.ackMs.push(at - entry.sentAt);
  rec.acked++;
  if (at > rec.lastAckAt) rec.lastAckAt = at;
}

let syncWaiters = [];
function onLinkSynced(link) {
  if (rec?.storm && link.syncedAt > rec.storm.since)
    rec.storm.lastSyncedAt = Math.max(rec.storm.lastSyncedAt, link.syncedAt);
  const waiting = syncWaiters;
  syncWaiters = [];
  for (const w of waiting) w();
}

const allSynced = () => links.every((l) => l.synced);

async function waitUntil(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => {
      syncWaiters.push(resolve);
      setTimeout(resolve, 50);
    });
  }
  return true;
}

async function connect({ timeoutMs }) {
  const started = now();
  let next = 0;
  const connecting = () => links.filter((l) => l.ws !== null && !l.synced).length;
  while (next < links.length) {
    while (next < links.length && connecting() < CONNECTING_AT_ONCE) links[next++].connect();
    await new Promise((resolve) => {
      syncWaiters.push(resolve);
      setTimeout(resolve, 20);
    });
    if (now() - started > timeoutMs) break;
  }
  const ok = await waitUntil(allSynced, Math.max(0, timeoutMs - (now() - started)));
  return { ms: now() - started, ok, unsynced: links.filter((l) => !l.synced).length };
}

function newRecord(from, to) {
  return {
    measuring: true,
    from,
    to,
    commits: [],
    ackMs: [],
    otherMs: [],
    scoreboard: new Map(),
    committed: 0,
    acked: 0,
    firstSentAt: Infinity,
    lastAckAt: 0,
    skipped: 0,
  };
}

function recordReply(r) {
  return {
    commits: r.commits,
    ackMs: r.ackMs,
    otherMs: r.otherMs,
    scoreboard: [...r.scoreboard.values()],
    committed: r.committed,
    acked: r.acked,
    firstSentAt: r.firstSentAt,
    lastAckAt: r.lastAckAt,
    skipped: r.skipped,
  };
}

const judgeDevices = () => {
  const byJudge = new Map();
  for (const d of devices) {
    if (d.role !== 'judge') continue;
    if (!byJudge.has(d.judgeId)) byJudge.set(d.judgeId, []);
    byJudge.get(d.judgeId).push(d);
  }
  return byJudge;
};

/** Commits one value; `slot` (or null) says which scoreboard score it should move. */
function commitValue(device, { teamId, categoryId, criterion, value }, slot, measured) {
  const at = now();
  device.replica.nextTag = measured ? { slot } : null;
  const entry = commitField(device.replica.doc, {
    teamId,
    categoryId,
    field: criterion === null ? 'status' : criterionField(criterion.id),
    value,
    author: device.judgeId,
    device: device.name,
    at,
  });
  device.replica.nextTag = null;
  if (!entry || !measured) return;
  rec.committed++;
  if (at < rec.firstSentAt) rec.firstSentAt = at;
  if (slot !== null) rec.commits.push([slot, at]);
}

/** A value of the criterion other than the one shown now, so every commit changes the score. */
function changedValue(device, teamId, categoryId, criterion) {
  const current = device.replica.currentValue(teamId, categoryId, criterionField(criterion.id));
  const up = typeof current === 'number' ? current + criterion.step : criterion.min;
  return up <= criterion.max ? up : criterion.min;
}

/**
 * Steady judging: commit k is due at startAt + k/rate. It revises one submitted sheet's value,
 * walking the slots round-robin so each score slot changes at most once per pass (a pass takes
 * slots/rate seconds): a scoreboard's change of that score can then be matched to its commit.
 */
async function steady({ startAt, rate, warmupMs, durationMs, graceMs }) {
  const byJudge = judgeDevices();
  const { slots, categories } = setup;
  const criteriaOf = new Map(categories.map((c) => [c.id, c.criteria]));
  const from = startAt + warmupMs;
  const to = from + durationMs;
  rec = newRecord(from, to);
  rec.measuring = false;
  const end = Math.ceil(((to - startAt) * rate) / 1000);
  let k = 0;
  await new Promise((resolve) => {
    const tick = () => {
      const t = now();
      if (t >= from) rec.measuring = true;
      while (k < end && startAt + (k * 1000) / rate <= t) {
        const slotIndex = k % slots.length;
        const pass = Math.floor(k / slots.length);
        const slot = slots[slotIndex];
        const due = startAt + (k * 1000) / rate;
        k++;
        if (slot.judges.length === 0) continue;
        const judgeDevicesOfSlot = byJudge.get(slot.judges[pass % slot.judges.length]);
        if (!judgeDevicesOfSlot) continue;
        const device = judgeDevicesOfSlot[(pass + slotIndex) % judgeDevicesOfSlot.length];
        const criteria = criteriaOf.get(slot.categoryId);
        const criterion = criteria[(pass * 3 + slotIndex) % criteria.length];
        const measured = due >= from && due < to;
        const value = changedValue(device, slot.teamId, slot.categoryId, criterion);
        if (!device.links[0].open) {
          if (measured) rec.skipped++;
          continue;
        }
        commitValue(
          device,
          { teamId: slot.teamId, categoryId: slot.categoryId, criterion, value },
          slotIndex,
          measured,
        );
      }
      if (k >= end) resolve();
      else setTimeout(tick, Math.max(0, Math.min(5, startAt + (k * 1000) / rate - now())));
    };
    setTimeout(tick, Math.max(0, startAt - now()));
  });
  rec.measuring = true;
  await waitUntil(() => rec.acked >= rec.committed, graceMs);
  // Late scoreboard arrivals still count until the grace period ends.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, to + graceMs - now())));
  const reply = recordReply(rec);
  rec = null;
  return reply;
}

/**
 * Burst: each judge listed fills in one blank sheet (every criterion) and submits it, all in one
 * go as a tablet does when the judge taps Submit; judges start at seeded random moments within
 * `windowMs` (0: all at once). The submit is what moves the scoreboard.
 */
async function burst({ startAt, windowMs, judges, draftIndex, timeoutMs, seed }) {
  const byJudge = judgeDevices();
  const criteriaOf = new Map(setup.categories.map((c) => [c.id, c.criteria]));
  const slotIndex = new Map(setup.slots.map((s, i) => [`${s.teamId}|${s.categoryId}`, i]));
  rec = newRecord(startAt - 1, Infinity);
  let random = seed >>> 0;
  const nextRandom = () => {
    random = (Math.imul(random, 1664525) + 1013904223) >>> 0;
    return random / 2 ** 32;
  };
  const mine = judges.filter((j) => byJudge.has(j));
  // Offsets are drawn for every judge in the list, so each worker sees the same schedule.
  const offsets = new Map(judges.map((j) => [j, nextRandom() * windowMs]));
  await Promise.all(
    mine.map(
      (judgeId) =>
        new Promise((resolve) => {
          setTimeout(
            () => {
              const device = byJudge.get(judgeId)[0];
              const sheet = setup.drafts[judgeId][draftIndex];
              const criteria = criteriaOf.get(sheet.categoryId);
              for (const criterion of criteria)
                commitValue(
                  device,
                  {
                    ...sheet,
                    criterion,
                    value: changedValue(device, sheet.teamId, sheet.categoryId, criterion),
                  },
                  null,
                  true,
                );
              commitValue(
                device,
                { ...sheet, criterion: null, value: 'submitted' },
                slotIndex.get(`${sheet.teamId}|${sheet.categoryId}`),
                true,
              );
              resolve();
            },
            Math.max(0, startAt + offsets.get(judgeId) - now()),
          );
        }),
    ),
  );
  await waitUntil(() => rec.acked >= rec.committed, timeoutMs);
  // Give the scoreboards' last results a moment beyond the last ack.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const reply = recordReply(rec);
  rec = null;
  return reply;
}

function armStorm() {
  rec = { storm: { since: now(), lastSyncedAt: 0 } };
  return { armedAt: rec.storm.since };
}

async function waitStorm({ timeoutMs }) {
  const since = rec.storm.since;
  const ok = await waitUntil(() => links.every((l) => l.synced && l.syncedAt > since), timeoutMs);
  const reply = {
    ok,
    lastSyncedAt: rec.storm.lastSyncedAt,
    unsynced: links.filter((l) => !(l.synced && l.syncedAt > since)).length,
  };
  rec = null;
  return reply;
}

function close() {
  for (const l of links) l.stop();
  return { closed: links.length };
}

const COMMANDS = { init, connect, steady, burst, armStorm, waitStorm, close };

process.on('message', async ({ id, cmd, args }) => {
  try {
    const result = await COMMANDS[cmd](args);
    process.send({ id, result });
  } catch (error) {
    process.send({ id, error: String(error?.stack ?? error) });
  }
});
process.on('disconnect', () => process.exit(0));
