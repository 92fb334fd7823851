// The Hocuspocus peer: @hocuspocus/server 3.4 with @hocuspocus/extension-sqlite, configured as its
// docs show and otherwise left at its defaults (store debounced 2 s, at most 10 s; a document is
// stored and unloaded when its last connection closes). 3.4 is the newest line that supports
// Node 20: 4.x declares node >= 22.
//
// Usage: node hocuspocusServer.mjs --port N --db FILE   (listens on 127.0.0.1)
import { parseArgs } from 'node:util';
import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';

const { values } = parseArgs({ options: { port: { type: 'string' }, db: { type: 'string' } } });

const sqlite = new SQLite({ database: values.db });
const server = new Server({
  port: Number(values.port),
  address: '127.0.0.1',
  quiet: true,
  // We stop it ourselves, so the SQLite file is closed (its queued writes finished) before exit.
  stopOnSignals: false,
  extensions: [sqlite],
});
await server.listen();
process.stdout.write(`${JSON.stringify({ ready: true, port: server.address.port })}\n`);

process.once('SIGTERM', async () => {
  await server.destroy();
  // The extension's store does not wait for its INSERT; closing the database does.
  await new Promise((resolve) => (sqlite.db ? sqlite.db.close(() => resolve()) : resolve()));
  process.exit(0);
});
