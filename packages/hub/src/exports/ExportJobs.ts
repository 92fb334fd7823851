import { randomBytes } from 'node:crypto';
import type { ExportJobState, ExportKind } from '@judgehub/model';
import { buildExport, KIND_INFO, type ExportFile, type ExportSource } from './exportKinds.js';

interface Job extends ExportJobState {
  file: ExportFile | null;
  finishedAt: number | null;
}

/** Finished files are kept this long for the page to fetch (again, if a download failed). */
const KEEP_MS = 15 * 60_000;
/** Exports built at once: each holds a copy of the documents and its file in memory. */
const MAX_RUNNING = 3;
const MAX_KEPT = 20;

/**
 * Export jobs of one hub, in memory: started from a snapshot of the documents, built with a turn
 * for the hub's sockets between units, and kept for a while once done.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, Job>();

  start(
    kind: ExportKind,
    source: ExportSource,
  ): { ok: true; job: ExportJobState } | { ok: false; error: string } {
    this.prune(Date.now());
    const running = [...this.jobs.values()].filter((j) => j.state === 'running').length;
    if (running >= MAX_RUNNING)
      return {
        ok: false,
        error: `${running} exports are being made already: wait for one to finish.`,
      };
    const job: Job = {
      id: randomBytes(12).toString('base64url'),
      kind,
      state: 'running',
      done: 0,
      total: 0,
      filename: null,
      bytes: null,
      notes: [],
      error: null,
      file: null,
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    buildExport(kind, source, async (done, total) => {
      job.done = done;
      job.total = total;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }).then(
      (file) => {
        job.file = file;
        job.filename = file.filename;
        job.bytes = file.bytes.byteLength;
        job.notes = file.notes;
        if (job.total === 0) job.total = job.done = 1;
        job.done = job.total;
        job.state = 'done';
        job.finishedAt = Date.now();
      },
      (error: unknown) => {
        job.state = 'failed';
        job.error = `The ${KIND_INFO[kind].label} could not be made: ${(error as Error).message ?? String(error)}`;
        job.finishedAt = Date.now();
      },
    );
    return { ok: true, job: publicState(job) };
  }

  state(id: string): ExportJobState | null {
    const job = this.jobs.get(id);
    return job ? publicState(job) : null;
  }

  file(id: string): ExportFile | null {
    return this.jobs.get(id)?.file ?? null;
  }

  private prune(now: number): void {
    for (const [id, job] of this.jobs)
      if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) this.jobs.delete(id);
    const finished = [...this.jobs.values()].filter((j) => j.finishedAt !== null);
    for (const job of finished.slice(0, Math.max(0, finished.length - MAX_KEPT)))
      this.jobs.delete(job.id);
  }
}

function publicState(job: Job): ExportJobState {
  const { file: _file, finishedAt: _finishedAt, ...state } = job;
  return { ...state, notes: [...state.notes] };
}
