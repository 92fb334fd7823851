import type { ExportJobState, ExportKind, ExportOverview } from '@judgehub/model';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; message: string };

const UNREACHABLE = 'Cannot reach the hub. Is it still running on this laptop?';

async function call<T>(token: string, path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  try {
    const res = await fetch(path, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as T & { error?: string };
    if (!res.ok) return { ok: false, message: body.error ?? `The hub answered ${res.status}.` };
    return { ok: true, value: body };
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
}

/** What can be exported, and how many sheets are submitted yet. */
export function fetchExportOverview(token: string): Promise<ApiResult<ExportOverview>> {
  return call(token, '/api/exports');
}

/** Asks the hub to make an export; it answers with the job to follow. */
export function startExportJob(
  token: string,
  kind: ExportKind,
): Promise<ApiResult<ExportJobState>> {
  return call(token, '/api/exports/jobs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind }),
  });
}

export function fetchExportJob(token: string, id: string): Promise<ApiResult<ExportJobState>> {
  return call(token, `/api/exports/jobs/${encodeURIComponent(id)}`);
}

/**
 * Fetches a finished export (the token goes in a header, never in an address the browser keeps)
 * and hands it to the browser as a download under the hub's file name.
 */
export async function downloadExport(
  token: string,
  job: ExportJobState,
): Promise<ApiResult<{ filename: string; bytes: number }>> {
  let blob: Blob;
  try {
    const res = await fetch(`/api/exports/jobs/${encodeURIComponent(job.id)}/file`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      return { ok: false, message: body.error ?? `The hub answered ${res.status}.` };
    }
    blob = await res.blob();
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
  const filename = job.filename ?? `${job.kind}`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; free the memory after that.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true, value: { filename, bytes: blob.size } };
}
