import type { ConnectionProblem } from '../shared/contract.js';

export type ProbeResult =
  | { ok: true; hubId: string | null }
  | { ok: false; reason: 'unreachable' | 'timeout' | 'not-a-hub'; detail: string };

export interface ProbeOptions {
  /** A hub on the same network answers in milliseconds; 4 s covers a congested venue Wi-Fi. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** /api/health is a few hundred bytes; a page that keeps sending is not a hub. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * Asks `origin` whether it is a JudgeHub hub (`GET /api/health` answering `status: ok`) before the
 * judge view is loaded from it, so a typo or a router's page gives a sentence, not a blank window.
 */
export async function probeHub(origin: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? 4_000;
  const doFetch = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await doFetch(`${origin}/api/health`, {
      signal,
      redirect: 'error',
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    if (signal.aborted)
      return { ok: false, reason: 'timeout', detail: `no answer in ${timeoutMs} ms` };
    return { ok: false, reason: 'unreachable', detail: causeOf(error) };
  }
  let body: unknown;
  try {
    const text = await readCapped(response, MAX_BODY_BYTES);
    body = text === null ? null : JSON.parse(text);
  } catch (error) {
    if (signal.aborted)
      return { ok: false, reason: 'timeout', detail: `no answer in ${timeoutMs} ms` };
    return { ok: false, reason: 'not-a-hub', detail: `answer is not JSON (${causeOf(error)})` };
  }
  const health = body as { status?: unknown; hubId?: unknown } | null;
  if (!response.ok || typeof health !== 'object' || health === null || health.status !== 'ok')
    return {
      ok: false,
      reason: 'not-a-hub',
      detail: `HTTP ${response.status}, not a hub's health answer`,
    };
  return { ok: true, hubId: typeof health.hubId === 'string' ? health.hubId : null };
}

/** The sentence a judge sees when joining `label` failed. */
export function probeProblem(
  result: Extract<ProbeResult, { ok: false }>,
  label: string,
): ConnectionProblem {
  if (result.reason === 'unreachable' && /CERT|certificate|SSL|TLS/i.test(result.detail))
    return {
      reason: 'unreachable',
      message: `${label} uses a certificate this laptop does not trust (${result.detail}). Ask the organiser, or join by its plain http address.`,
      address: label,
    };
  const message = {
    unreachable: `Nothing answers at ${label}. Check that this laptop is on the venue network and that the hub is running, then try again.`,
    timeout: `${label} did not answer in time. The network may be overloaded; try again, or move closer to the Wi-Fi access point.`,
    'not-a-hub': `${label} answered, but it is not a JudgeHub hub. Check the address shown on the organiser's screen.`,
  }[result.reason];
  return { reason: result.reason, message, address: label };
}

async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
