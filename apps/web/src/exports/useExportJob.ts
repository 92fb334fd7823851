import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportJobState, ExportKind } from '@judgehub/model';
import { downloadExport, fetchExportJob, startExportJob } from './exportsApi.js';

const POLL_MS = 250;

export type ExportRun =
  | { step: 'idle' }
  | { step: 'making'; job: ExportJobState | null }
  | { step: 'saved'; job: ExportJobState; filename: string; bytes: number; at: number }
  | { step: 'failed'; message: string; job: ExportJobState | null };

/**
 * One export button's life: ask the hub for the file, follow its progress (polling the job, so a
 * dropped request just misses one update), then download it.
 */
export function useExportJob(token: string, kind: ExportKind): [ExportRun, () => void] {
  const [run, setRun] = useState<ExportRun>({ step: 'idle' });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const start = useCallback(() => {
    setRun({ step: 'making', job: null });
    void (async () => {
      const started = await startExportJob(token, kind);
      if (!alive.current) return;
      if (!started.ok) return setRun({ step: 'failed', message: started.message, job: null });
      let job = started.value;
      setRun({ step: 'making', job });
      while (job.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (!alive.current) return;
        const polled = await fetchExportJob(token, job.id);
        if (!alive.current) return;
        if (!polled.ok) return setRun({ step: 'failed', message: polled.message, job });
        job = polled.value;
        setRun({ step: 'making', job });
      }
      if (job.state === 'failed')
        return setRun({ step: 'failed', message: job.error ?? 'The export failed.', job });
      const saved = await downloadExport(token, job);
      if (!alive.current) return;
      if (!saved.ok) return setRun({ step: 'failed', message: saved.message, job });
      setRun({ step: 'saved', job, ...saved.value, at: Date.now() });
    })();
  }, [token, kind]);

  return [run, start];
}
