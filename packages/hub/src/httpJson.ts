import type { IncomingMessage, ServerResponse } from 'node:http';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    // Answers carry tokens and PINs: never kept by a browser or anything in between.
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** The token of a request: `Authorization: Bearer …`, else `?token=` (EventSource sets no headers). */
export function requestToken(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ')
    ? header.slice('Bearer '.length)
    : url.searchParams.get('token');
}

export type BodyResult = { ok: true; body: unknown } | { ok: false; status: number; error: string };

const MAX_BODY_BYTES = 4096;
const BODY_TIMEOUT_MS = 10_000;

/**
 * Reads a small JSON request body. Only `application/json` is accepted: a page on another site
 * cannot send that without a CORS preflight, which the hub never answers.
 */
export function readJsonBody(req: IncomingMessage): Promise<BodyResult> {
  return new Promise((resolve) => {
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
      req.resume();
      resolve({ ok: false, status: 415, error: 'Send the request as application/json.' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      finish({ ok: false, status: 408, error: 'The request body did not arrive in time.' });
      req.destroy();
    }, BODY_TIMEOUT_MS);
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) {
        finish({ ok: false, status: 413, error: 'The request body is too large.' });
        req.resume();
        return;
      }
      if (!done) chunks.push(chunk);
    });
    req.on('error', () => finish({ ok: false, status: 400, error: 'The request was cut off.' }));
    req.on('end', () => {
      try {
        finish({ ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        finish({ ok: false, status: 400, error: 'The request body is not valid JSON.' });
      }
    });
  });
}
