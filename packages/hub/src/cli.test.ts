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
    const { code, stderr } = await run('export', '--format', 'xml', '--data', '/nonexistent');
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be json, csv, xlsx or pdf, got "xml"');
  });

  // Only command lines refused before any socket opens: a unit test must never multicast.
  it('checks the mDNS options of serve and discover before touching the network', async () => {
    expect((await run('--help')).stdout).toMatch(/^ {2}discover +\S/m);
    expect((await run('serve', '--help')).stdout).toContain('--no-mdns');
    const both = await run('serve', '--no-mdns', '--mdns-interface', 'eth0');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--no-mdns and --mdns-interface contradict each other');
    for (const timeout of ['soon', '-1', '', '100000']) {
      const bad = await run('discover', `--timeout=${timeout}`);
      expect(bad.code, `--timeout "${timeout}"`).toBe(2);
      expect(bad.stderr).toContain(`--timeout must be a number of seconds from 0 to 86400`);
    }
    const missing = await run('discover', '--mdns-interface', 'no-such-interface0');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no network interface "no-such-interface0"');
  });
});
