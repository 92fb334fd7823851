import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HubStore } from '@judgehub/store';
import { startHub } from './Hub.js';
import { hubIdOf } from './hubId.js';
import { createMemoryLogger } from './logger.js';

describe('the hub id of a data folder', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-hubid-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  // Loopback only, and startHub never advertises: nothing leaves this machine.
  const start = (dataDir: string) =>
    startHub({ dataDir, port: 0, host: '127.0.0.1', webRoot: null, log: createMemoryLogger() });

  it('is made at the first start, kept across restarts, and shown in /api/health', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const health = (await (await fetch(`${first.url}/api/health`)).json()) as { hubId?: string };
    await first.close();
    expect(health.hubId).toBe(first.hubId);
    expect(first.hubId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const again = await start(dataDir);
    await again.close();
    expect(again.hubId).toBe(first.hubId);

    const other = await start(tempDir());
    await other.close();
    expect(other.hubId).not.toBe(first.hubId);
  });

  it('replaces a stored value that is not a usable id', () => {
    const store = HubStore.open(tempDir());
    try {
      store.setMeta('hubId', 'bad id\n');
      const id = hubIdOf(store);
      expect(id).not.toBe('bad id\n');
      expect(hubIdOf(store)).toBe(id);
    } finally {
      store.close();
    }
  });
});
