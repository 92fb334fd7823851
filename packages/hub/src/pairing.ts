import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  EVENT_DOC,
  isDeviceId,
  isPin,
  readEvent,
  type PairFailure,
  type PairSuccess,
} from '@judgehub/model';
import type { AccessContext } from './accessApi.js';
import { auditOrigin } from './access.js';
import { formatWait } from './PinAttempts.js';
import { readJsonBody, sendJson } from './httpJson.js';
import { hasPin } from './tokens.js';

/**
 * `POST /api/pair {pin, deviceId}`: a judge (or scoreboard) PIN exchanged for its link's token,
 * for a tablet that cannot scan the QR code. Wrong PINs are counted per device and address and
 * lock the device out for a while (PinAttempts). Neither the PIN nor the token is ever logged.
 */
export function handlePair(ctx: AccessContext, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'POST') {
    sendJson(res, 405, refusal('bad-request', 'Send the PIN with POST.'), { allow: 'POST' });
    return;
  }
  const address = req.socket.remoteAddress ?? 'unknown';
  void (async () => {
    const read = await readJsonBody(req);
    if (!read.ok) return sendJson(res, read.status, refusal('bad-request', read.error));
    const body = (typeof read.body === 'object' && read.body !== null ? read.body : {}) as Record<
      string,
      unknown
    >;
    const { pin, deviceId } = body;
    if (!isDeviceId(deviceId))
      return sendJson(
        res,
        400,
        refusal('bad-request', 'This app did not say which device it is. Reload the page.'),
      );
    if (!isPin(pin))
      return sendJson(res, 400, refusal('bad-request', 'A PIN is 6 digits. Type all six.'));

    const allowed = ctx.pinAttempts.check(deviceId, address);
    if (!allowed.allowed) return locked(res, allowed.retryAfterMs);

    const record = ctx.store.tokens.findByPin(pin);
    if (!record || !hasPin(record.role)) {
      const verdict = ctx.pinAttempts.failed(deviceId, address);
      ctx.log.warn('pair.refused', {
        address,
        device: deviceId,
        ...(verdict.locked ? { lockedForSeconds: Math.ceil(verdict.retryAfterMs / 1000) } : {}),
      });
      if (verdict.locked) return locked(res, verdict.retryAfterMs);
      const tries = verdict.triesLeft === 1 ? '1 try' : `${verdict.triesLeft} tries`;
      return sendJson(res, 401, {
        ...refusal(
          'wrong-pin',
          `That PIN is not right. Check the 6 digits with the organiser (${tries} left on this device).`,
        ),
        triesLeft: verdict.triesLeft,
      });
    }

    ctx.pinAttempts.succeeded(deviceId, address);
    const judge = record.judgeId
      ? readEvent(ctx.registry.get(EVENT_DOC).doc).judges.find((j) => j.id === record.judgeId)
      : undefined;
    ctx.log.info('pair.succeeded', {
      who: auditOrigin({ role: record.role, judgeId: record.judgeId, label: record.label }),
      address,
      device: deviceId,
    });
    const success: PairSuccess = {
      token: record.token,
      role: record.role === 'judge' ? 'judge' : 'scoreboard',
      judgeId: record.judgeId,
      name: judge?.name ?? record.label,
    };
    sendJson(res, 200, success);
  })().catch((error: unknown) => {
    // A bug costs this request, never the hub.
    ctx.log.error('pair.failed', { address, error: String(error) });
    if (!res.headersSent) sendJson(res, 500, refusal('bad-request', 'The hub failed; try again.'));
  });
}

function locked(res: ServerResponse, retryAfterMs: number): void {
  const seconds = Math.ceil(retryAfterMs / 1000);
  sendJson(
    res,
    429,
    {
      ...refusal(
        'locked',
        `Too many wrong PINs on this device. Try again in ${formatWait(retryAfterMs)}, or ask the organiser to let you scan your QR code.`,
      ),
      retryAfterSeconds: seconds,
    },
    { 'retry-after': String(seconds) },
  );
}

function refusal(code: PairFailure['code'], error: string): PairFailure {
  return { error, code };
}
