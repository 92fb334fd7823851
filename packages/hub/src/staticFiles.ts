import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built web UI from `root`. Unknown paths without a file extension get index.html
 * (the UI routes on the client). Paths are resolved inside `root` only.
 */
export function serveStatic(
  root: string | null,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): void {
  if (!root || !fs.existsSync(path.join(root, 'index.html'))) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(
      'The JudgeHub web UI is not built. Run `npm run build` in the JudgeHub folder, then restart the hub.\n',
    );
    return;
  }
  const resolved = path.resolve(root, '.' + path.posix.normalize(pathname));
  const inside = resolved === root || resolved.startsWith(root + path.sep);
  let file = inside ? resolved : path.join(root, 'index.html');
  let stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    if (path.extname(pathname)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
      return;
    }
    file = path.join(root, 'index.html');
    stat = fs.statSync(file);
  }
  const hashedAsset = file.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': stat.size,
    'cache-control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(file).pipe(res);
}
