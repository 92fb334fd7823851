import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { ServerResponse } from 'node:http';
import { EVENT_DOC, readSettings } from '@judgehub/model';
import type { HubStore } from '@judgehub/store';
import type { DeviceTracker } from './DeviceTracker.js';
import type { DocRegistry } from './DocRegistry.js';
import { sendJson } from './httpJson.js';

/** What `GET /health` needs of the running hub. */
export interface HealthContext {
  store: HubStore;
  registry: DocRegistry;
  devices: DeviceTracker;
  startedAt: number;
  /** Open sync connections, all roles. */
  connections: () => number;
}

/** `GET /health` (docs/PROTOCOL.md, HTTP). Open to anyone: counts and sizes, never a secret. */
export interface HubHealth {
  status: 'ok';
  hubVersion: string;
  eventId: string | null;
  uptimeSeconds: number;
  memory: { rssBytes: number; heapUsedBytes: number; heapTotalBytes: number };
  connections: { total: number; byRole: Record<string, number> };
  documentsLoaded: number;
  /** Changes received but not yet committed to SQLite. */
  pendingUpdates: number;
  database: { fileBytes: number; walBytes: number; totalBytes: number };
}

const HUB_VERSION: string = (() => {
  try {
    // dist/healthApi.js and src/healthApi.ts both sit one folder below the package.json.
    const pkg = createRequire(import.meta.url)('../package.json') as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
})();

const fileSize = (file: string): number => fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;

export function hubHealth(ctx: HealthContext): HubHealth {
  const memory = process.memoryUsage();
  const byRole: Record<string, number> = {};
  // Each device lists the documents it has open now: one socket each.
  for (const device of ctx.devices.snapshot().devices)
    if (device.docs.length > 0)
      byRole[device.role] = (byRole[device.role] ?? 0) + device.docs.length;
  const fileBytes = fileSize(ctx.store.path);
  const walBytes = fileSize(`${ctx.store.path}-wal`);
  const eventId = readSettings(ctx.registry.get(EVENT_DOC).doc).id;
  return {
    status: 'ok',
    hubVersion: HUB_VERSION,
    eventId: eventId || null,
    uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000),
    memory: {
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      heapTotalBytes: memory.heapTotal,
    },
    connections: { total: ctx.connections(), byRole },
    documentsLoaded: ctx.registry.all().length,
    pendingUpdates: ctx.registry.pendingCount(),
    database: { fileBytes, walBytes, totalBytes: fileBytes + walBytes },
  };
}

export function sendHealth(ctx: HealthContext, res: ServerResponse): void {
  sendJson(res, 200, hubHealth(ctx));
}
