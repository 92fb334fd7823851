import { describe, expect, it } from 'vitest';
import { main } from './cli.js';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  });
  return { code, stdout, stderr };
}

describe('judgehub command line', () => {
  it('lists every command in --help', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    for (const name of ['serve', 'import', 'export', 'results', 'backup', 'restore'])
      expect(stdout).toMatch(new RegExp(`^ {2}${name} +\\S`, 'm'));
  });

  it('shows a command’s own help with `judgehub CMD --help` or `judgehub help CMD`', async () => {
    const a = await run('import', '--help');
    const b = await run('help', 'import');
    expect(a.stdout).toMatch(/^Usage: judgehub import EVENT\.json/);
    expect(b.stdout).toBe(a.stdout);
  });

  it('refuses an option the command does not take, with exit code 2', async () => {
    const { code, stderr } = await run('results', '--port', '80');
    expect(code).toBe(2);
    expect(stderr).toContain('--port is not an option of results');
  });

  it('refuses a missing event file argument and an unknown command, with exit code 2', async () => {
    expect((await run('import')).stderr).toContain('which event file?');
    expect((await run('import')).code).toBe(2);
    const unknown = await run('publish');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "publish"');
  });

  it('checks --format before reading any data folder', async () => {
    const { code, stderr } = await run('export', '--format', 'xlsx', '--data', '/nonexistent');
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be json or csv, got "xlsx"');
  });
});
