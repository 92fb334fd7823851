import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EVENT_FIXTURES,
  TempFolders,
  runJudgehub,
  startServe,
  type ServeProcess,
} from '../helpers/cliProcess.js';

/**
 * A running hub keeps its documents in memory, so an import behind its back would be invisible
 * to it: `judgehub import` refuses a folder a hub is serving, and a second hub refuses it too.
 * Once the hub has stopped, the same import goes through.
 */
describe('one process writes a data folder at a time', () => {
  const temp = new TempFolders();
  const hubs: ServeProcess[] = [];
  afterEach(async () => {
    await Promise.all(hubs.splice(0).map((hub) => hub.stop()));
    temp.cleanup();
  });

  it('refuses to import while a hub serves the folder, then imports once it stopped', async () => {
    const dataDir = temp.missing();
    const hub = await startServe(dataDir);
    hubs.push(hub);
    const file = path.join(EVENT_FIXTURES, 'good', 'minimal.json');

    const refused = await runJudgehub(['import', file, '--data', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`is in use by \`judgehub serve\` (process ${hub.child.pid}`);
    expect(refused.stderr).toContain('nothing was imported');

    const second = await runJudgehub([
      'serve',
      '--data',
      dataDir,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--no-mdns',
    ]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('One hub per data folder');

    await hub.stop();
    expect(fs.readdirSync(dataDir)).not.toContain('judgehub.lock');
    const imported = await runJudgehub(['import', file, '--data', dataDir]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect((await runJudgehub(['results', '--data', dataDir])).stdout).toContain('Club Night');
  });

  it('lets export and results read while the hub runs', async () => {
    const dataDir = temp.missing();
    const file = path.join(EVENT_FIXTURES, 'good', 'full-with-sheets.json');
    expect((await runJudgehub(['import', file, '--data', dataDir])).code).toBe(0);
    hubs.push(await startServe(dataDir));
    const exported = await runJudgehub(['export', '--data', dataDir]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
    expect((await runJudgehub(['results', '--data', dataDir])).code).toBe(0);
  });
});
