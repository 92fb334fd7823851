import type { PairFailure, PairSuccess } from '@judgehub/model';
import { deviceId } from '../shared/session.js';

export type PairResult =
  | { ok: true; pairing: PairSuccess }
  | { ok: false; message: string; retryAfterSeconds: number | null };

/** Exchanges a PIN for this judge's (or the scoreboard's) token at the hub that served the page. */
export async function pairWithPin(pin: string): Promise<PairResult> {
  let res: Response;
  try {
    res = await fetch('/api/pair', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pin, deviceId: deviceId() }),
    });
  } catch {
    return {
      ok: false,
      message:
        'Cannot reach the hub. Check that this tablet is on the venue Wi-Fi, then try again.',
      retryAfterSeconds: null,
    };
  }
  let body: Partial<PairSuccess & PairFailure> = {};
  try {
    body = (await res.json()) as Partial<PairSuccess & PairFailure>;
  } catch {
    // Not our hub, or it failed mid-answer: the status line is all there is.
  }
  if (res.ok && typeof body.token === 'string' && body.role)
    return { ok: true, pairing: body as PairSuccess };
  return {
    ok: false,
    message: body.error ?? `The hub answered ${res.status}. Try again, or ask the organiser.`,
    retryAfterSeconds: body.retryAfterSeconds ?? null,
  };
}
