import type { ExportJobState, ExportKind, ExportOverview } from '@judgehub/model';

import { callHub, UNREACHABLE, type ApiResult } from '../shared/hubApi.js';

export type { ApiResult };

/** What can be exported, and how many sheets are submitted yet. */
export function fetchExportOverview(token: string): Promise<ApiResult<ExportOverview>> {
  return callHub(token, '/api/exports');
}

/** Asks the hub to make an export; it answers with the job to follow. */
export function startExportJob(
  token: string,
  kind: ExportKind,
): Promise<ApiResult<ExportJobState>> {
  return callHub(token, '/api/exports/jobs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind }),
  });
}

export function fetchExportJob(token: string, id: string): Promise<ApiResult<ExportJobState>> {
  return callHub(token, `/api/exports/jobs/${encodeURIComponent(id)}`);
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
