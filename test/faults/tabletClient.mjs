// Judges' devices in a process of their own (e.g. inside a network namespace), driven by a test
// over stdin/stdout, one JSON object per line. Uses the built packages (run `npm run build`).
//
//   → {"id":1,"cmd":"open","serverUrl":"ws://10.200.7.1:7420/sync","devices":[{judgeId,device,token,slots}],
//      "minBackoffMs"?,"maxBackoffMs"?}
//   → {"id":2,"cmd":"score","on":true,"seed":7,"minMs":100,"maxMs":300}   commit random valid values
//   → {"id":3,"cmd":"report"}   every device: connection, replica (base64 update), commits, unsaved ids
//   → {"id":4,"cmd":"close"}    destroy the devices and exit
//   ← {"id":N,"ok":true,...} or {"id":N,"ok":false,"error":"…"}
import readline from 'node:readline';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { commitField, criterionField, sheetEntries, sheetsDocName } from '@judgehub/model';
import { DocSync } from '@judgehub/sync-client';

/** `ws` as a browser WebSocket: a refused connection fires error then close, never throws. */
class BrowserLikeWebSocket extends WebSocket {
  constructor(...args) {
    super(...args);
    this.on('error', () => {});
  }
}

/** mulberry32, as test/helpers/seededRandom.ts. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const devices = [];
const timers = new Set();

/** Backoff bounds are DocSync's own defaults unless the test sets them. */
function open({ serverUrl, devices: plans, minBackoffMs, maxBackoffMs }) {
  for (const plan of plans) {
    const doc = new Y.Doc();
    const sync = new DocSync({
      serverUrl,
      docName: sheetsDocName(plan.judgeId),
      token: plan.token,
      doc,
      WebSocketImpl: BrowserLikeWebSocket,
      minBackoffMs,
      maxBackoffMs,
    });
    devices.push({ ...plan, doc, sync, committed: [] });
  }
  return {};
}

function commitRandom(device, random) {
  const pick = (items) => items[Math.floor(random() * items.length)];
  const slot = pick(device.slots);
  const entry = commitField(device.doc, {
    teamId: slot.teamId,
    categoryId: slot.categoryId,
    field: criterionField(slot.criterionId),
    value: pick(slot.values),
    author: device.judgeId,
    device: device.device,
  });
  if (entry) device.committed.push({ id: entry.id, at: entry.at });
}

function score({ on, seed = 1, minMs = 100, maxMs = 300 }) {
  for (const timer of timers) clearTimeout(timer);
  timers.clear();
  if (!on) return {};
  devices.forEach((device, i) => {
    const random = seeded(seed + i);
    const next = () => {
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          commitRandom(device, random);
          next();
        },
        minMs + Math.floor(random() * (maxMs - minMs)),
      );
      timers.add(timer);
    };
    next();
  });
  return {};
}

function report() {
  return {
    devices: devices.map((d) => {
      const entries = sheetEntries(d.doc);
      return {
        judgeId: d.judgeId,
        device: d.device,
        state: d.sync.status.state,
        synced: d.sync.status.synced,
        lastSyncAt: d.sync.status.lastSyncAt,
        update: Buffer.from(Y.encodeStateAsUpdate(d.doc)).toString('base64'),
        committed: d.committed,
        notDurable: [...entries.keys()].filter((id) => !d.sync.isMapEntryDurable(entries, id)),
      };
    }),
  };
}

function close() {
  score({ on: false });
  for (const device of devices) device.sync.destroy();
  setTimeout(() => process.exit(0), 50);
  return {};
}

const commands = { open, score, report, close };
const reply = (message) => process.stdout.write(JSON.stringify(message) + '\n');

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    reply({ id: null, ok: false, error: `not JSON: ${line.slice(0, 80)}` });
    return;
  }
  const command = commands[request.cmd];
  if (!command) {
    reply({ id: request.id, ok: false, error: `unknown command ${request.cmd}` });
    return;
  }
  try {
    reply({ id: request.id, ok: true, ...command(request) });
  } catch (error) {
    reply({ id: request.id, ok: false, error: String(error?.stack ?? error) });
  }
});
// The test going away (stdin closed) ends this process too.
process.stdin.on('end', () => close());
reply({ id: 0, ok: true, ready: true });
