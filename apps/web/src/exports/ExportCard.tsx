import type { ExportKindInfo } from '@judgehub/model';
import { useExportJob, type ExportRun } from './useExportJob.js';

/** One export: what it holds, its button, its progress and where the file went. */
export function ExportCard({ token, info }: { token: string; info: ExportKindInfo }) {
  const [run, start] = useExportJob(token, info.kind);
  const busy = run.step === 'making';
  return (
    <section
      className="panel export-card"
      aria-labelledby={`export-${info.kind}`}
      data-testid={`export-${info.kind}`}
      data-step={run.step}
    >
      <div className="export-head">
        <h2 id={`export-${info.kind}`}>{info.label}</h2>
        <span className="export-format">.{info.extension}</span>
      </div>
      <p className="hint">{info.contains}</p>
      <button
        className="btn btn-primary export-button"
        type="button"
        onClick={start}
        disabled={busy}
      >
        {busy ? 'Preparing…' : run.step === 'idle' ? `Download ${info.label}` : 'Download again'}
      </button>
      <ExportStatus run={run} info={info} />
    </section>
  );
}

function ExportStatus({ run, info }: { run: ExportRun; info: ExportKindInfo }) {
  if (run.step === 'idle') return null;
  const job = run.job;
  const showProgress = info.long && job !== null && job.total > 0;
  return (
    <div className="export-status" aria-live="polite">
      {(showProgress || run.step === 'making') && (
        <div className="export-progress">
          <progress
            max={job?.total || 1}
            value={job?.total ? job.done : undefined}
            aria-label={`${info.label}: progress`}
          />
          <span className="export-progress-text" data-testid="export-progress-text">
            {job && job.total > 0
              ? `${job.done} of ${job.total}${info.unit ? ` ${info.unit}` : ''}`
              : 'Starting…'}
          </span>
        </div>
      )}
      {run.step === 'saved' && (
        <p className="notice export-saved" role="status">
          Saved at {formatTime(run.at)} to this browser’s downloads folder as
          <strong className="export-file" data-testid="export-filename">
            {run.filename}
          </strong>
          <span className="export-size">{formatSize(run.bytes)}</span>
        </p>
      )}
      {run.step !== 'failed' &&
        job?.notes.map((note) => (
          <p key={note} className="notice notice-warn">
            {note}
          </p>
        ))}
      {run.step === 'failed' && (
        <p className="notice notice-error" role="alert">
          {run.message} Press the button to try again.
        </p>
      )}
    </div>
  );
}

function formatTime(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
