// Workload (e): a tablet that scored 2,000 values offline reconnects. Measures the time from
// opening the connection until the hub has acknowledged every value as durable.
import * as Y from 'yjs';
import WebSocket from 'ws';
import { commitField, criterionField, demoEvent, sheetEntries } from '@judgehub/model';
import { DocSync } from '@judgehub/sync-client';
import { startHub } from './hubProcess.mjs';

class QuietWebSocket extends WebSocket {
  constructor(...args) {
    super(...args);
    this.on('error', () => {});
  }
}

const EDITS = 2000;
const RUNS = 7;

function offlineEdits(judgeId, count) {
  const event = demoEvent();
  const slots = event.assignments
    .filter((a) => a.judgeId === judgeId)
    .flatMap((a) =>
      event.categories.find((c) => c.id === a.categoryId).criteria.map((c) => ({ a, c })),
    );
  const doc = new Y.Doc();
  for (let i = 0; i < count; i++) {
    const { a, c } = slots[i % slots.length];
    const steps = Math.round((c.max - c.min) / c.step) + 1;
    commitField(doc, {
      teamId: a.teamId,
      categoryId: a.categoryId,
      field: criterionField(c.id),
      // Each pass over the slots picks another value, so every edit is a real change.
      value: c.min + ((Math.floor(i / slots.length) + 1) % steps) * c.step,
      author: judgeId,
      device: 'bench-tablet',
    });
  }
  return doc;
}

async function oneRun() {
  const hub = await startHub();
  try {
    const doc = offlineEdits('J1', EDITS);
    const entries = sheetEntries(doc);
    const started = performance.now();
    const sync = new DocSync({
      serverUrl: hub.syncUrl,
      docName: 'sheets/J1',
      token: hub.tokens.get('J1'),
      doc,
      WebSocketImpl: QuietWebSocket,
    });
    await new Promise((resolve, reject) => {
      const timeout = setTimeout(
        () => reject(new Error('catch-up did not finish in 30 s')),
        30_000,
      );
      const check = () => {
        if ([...entries.keys()].every((k) => sync.isMapEntryDurable(entries, k))) {
          clearTimeout(timeout);
          resolve();
        }
      };
      sync.subscribe(check);
    });
    const ms = performance.now() - started;
    sync.destroy();
    return { ms, entries: entries.size, bytes: Y.encodeStateAsUpdate(doc).byteLength };
  } finally {
    await hub.stop();
  }
}

export async function catchUp() {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await oneRun());
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  return {
    name: 'catch-up',
    description: `A tablet reconnects with ${EDITS} values scored offline: time from opening the connection until every value is acknowledged as durable (hub in its own process, SQLite synchronous=FULL).`,
    runs: RUNS,
    edits: runs[0].entries,
    updateBytes: runs[0].bytes,
    medianMs: times[Math.floor(times.length / 2)],
    minMs: times[0],
    maxMs: times[times.length - 1],
    targetMs: 300,
  };
}
