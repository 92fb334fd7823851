// Fallback for servers.mjs: runs the hub with startHub (which never advertises) when this
// checkout's `judgehub serve` would announce itself over mDNS and has no --no-mdns flag.
// Same arguments as serve: --data DIR --port N --host ADDR.
import { parseArgs } from 'node:util';
import { createLogger, startHub } from '@judgehub/hub';

const { values } = parseArgs({
  options: { data: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
});
const hub = await startHub({
  dataDir: values.data,
  port: Number(values.port),
  host: values.host,
  webRoot: null,
  log: createLogger(),
});
process.once('SIGTERM', () => void hub.close().then(() => process.exit(0)));
