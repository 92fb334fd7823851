import path from 'node:path';
import { UI_HOST, UI_SCHEME } from './originPolicy.js';

/**
 * The start window's Content-Security-Policy: our own scripts and styles only, no network at all
 * (the window talks to the main process through the preload, never to a hub). The page's
 * index.html carries the same policy in a meta tag, so it holds wherever the page is loaded.
 */
export const UI_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface UiFile {
  path: string;
  contentType: string;
}

/**
 * Maps a `judgehub-app://ui/…` request to a file under `root` (the built renderer), or null:
 * another scheme or host, an undecodable path, anything that would leave `root`, or a kind of
 * file the page never loads.
 */
export function resolveUiFile(root: string, requestUrl: string): UiFile | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${UI_SCHEME}:` || url.host !== UI_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = path.posix.normalize(pathname === '/' ? '/index.html' : pathname).slice(1);
  if (relative === '' || relative.startsWith('..')) return null;
  const full = path.resolve(root, ...relative.split('/'));
  const inside = path.relative(root, full);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  const contentType = CONTENT_TYPES[path.extname(full).toLowerCase()];
  return contentType ? { path: full, contentType } : null;
}
