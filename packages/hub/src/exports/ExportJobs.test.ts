import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { demoEvent, readLocks } from '@judgehub/model';
import { HubStore } from '@judgehub/store';
import { ExportJobs } from './ExportJobs.js';
import type { ExportSource } from './exportKinds.js';

describe('ExportJobs', () => {
  const dirs: string[] = [];
  const stores: HubStore[] = [];
  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  function source(): ExportSource {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-jobs-'));
    dirs.push(dir);
    const store = HubStore.open(dir);
    stores.push(store);
    return {
      snapshot: {
        event: demoEvent(),
        sheetsByJudge: new Map(),
        rawSheetsByJudge: new Map(),
        locks: readLocks(new Y.Doc()),
        takenAt: Date.UTC(2026, 11, 6, 15, 0),
      },
      store,
    };
  }

  // Until the job ends, however long the machine takes (a count of event-loop turns was a timed
  // assertion in disguise: a PDF job needs real time for its font files). A job that never ends
  // fails on the test's own timeout.
  async function finished(jobs: ExportJobs, id: string) {
    for (;;) {
      const state = jobs.state(id);
      if (state?.state !== 'running') return state;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('runs a job to its total, keeps the file, and refuses a fourth job at once', async () => {
    const jobs = new ExportJobs();
    const from = source();
    const started = [1, 2, 3].map(() => jobs.start('feedback-pdf', from));
    const ids = started.map((s) => (s.ok ? s.job.id : ''));
    expect(started.every((s) => s.ok && s.job.state === 'running')).toBe(true);
    expect(new Set(ids).size).toBe(3);
    const fourth = jobs.start('results-csv', from);
    expect(fourth).toEqual({
      ok: false,
      error: '3 exports are being made already: wait for one to finish.',
    });
    const done = await finished(jobs, ids[0]!);
    expect(done).toMatchObject({ state: 'done', done: 14, total: 14, error: null });
    expect(done?.filename).toBe(`${demoEvent().settings.id}-feedback-2026-12-06.pdf`);
    const file = jobs.file(ids[0]!)!;
    expect(Buffer.from(file.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    expect(done?.bytes).toBe(file.bytes.byteLength);
    for (const id of ids.slice(1)) await finished(jobs, id);
    expect(jobs.start('results-csv', from).ok).toBe(true);
    expect(jobs.state('no-such-job')).toBeNull();
    expect(jobs.file('no-such-job')).toBeNull();
  });

  it('a job that fails says which export and why', async () => {
    const jobs = new ExportJobs();
    const from = source();
    from.store.close(); // the hub's database is gone while the audit log is read
    const started = jobs.start('audit-csv', from);
    if (!started.ok) throw new Error(started.error);
    const state = await finished(jobs, started.job.id);
    expect(state?.state).toBe('failed');
    expect(state?.error).toMatch(/^The Audit log \(CSV\) could not be made: .+/);
    expect(jobs.file(started.job.id)).toBeNull();
  });
});
