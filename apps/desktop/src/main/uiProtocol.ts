import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { UI_SCHEME } from './originPolicy.js';
import { UI_CSP, resolveUiFile } from './uiFiles.js';

/** Must run before the app is ready: makes judgehub-app:// a standard, secure origin. */
export function registerUiScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: UI_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built start page from `root`, with its Content-Security-Policy on every answer. */
export function serveUiFiles(root: string): void {
  protocol.handle(UI_SCHEME, async (request) => {
    const file = resolveUiFile(root, request.url);
    const headers = {
      'content-security-policy': UI_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    };
    if (!file || request.method !== 'GET')
      return new Response('Not found', { status: 404, headers });
    try {
      const body = await fs.readFile(file.path);
      return new Response(body, { headers: { ...headers, 'content-type': file.contentType } });
    } catch {
      return new Response('Not found', { status: 404, headers });
    }
  });
}
