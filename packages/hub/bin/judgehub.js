#!/usr/bin/env node
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    'judgehub: this installation is not built yet. Run `npm ci` (or `npm run build`) in the JudgeHub folder.\n',
  );
  process.exit(1);
}
// Before anything else grows the heap: keeps the hub's old generation close to its live size
// (src/heapGrowth.ts, docs/PERFORMANCE.md).
const { limitHeapGrowth } = await import(new URL('../dist/heapGrowth.js', import.meta.url).href);
limitHeapGrowth();
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
