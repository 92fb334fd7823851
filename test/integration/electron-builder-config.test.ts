import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

// The desktop app's packaging settings, checked without packaging (that needs the internet):
// electron-builder's own schema, and every file the app loads present after `npm run build`.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = path.join(ROOT, 'scripts', 'check-electron-builder.mjs');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-eb-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

function check(configFile?: string): { status: number | null; problems: string[] } {
  const args = [SCRIPT, '--json', ...(configFile ? ['--config', configFile] : [])];
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  return {
    status: run.status,
    problems: (JSON.parse(run.stdout) as { problems: string[] }).problems,
  };
}

function variant(name: string, edit: (yaml: string) => string): string {
  const file = path.join(temp, name);
  fs.writeFileSync(file, edit(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')));
  return file;
}

describe('electron-builder.yml', () => {
  test('is valid against electron-builder’s schema and names only files that exist', () => {
    expect(check()).toEqual({ status: 0, problems: [] });
  });

  test('a misspelt option is caught by the schema', () => {
    const result = check(variant('typo.yml', (y) => y.replace('asarUnpack:', 'asarUnpak:')));
    expect(result.status).toBe(1);
    expect(result.problems).toContain('schema: configuration has an unknown property "asarUnpak"');
    expect(result.problems).toContain(
      'asarUnpack: node_modules/better-sqlite3/build/Release/better_sqlite3.node stays inside the asar, where it cannot be loaded',
    );
  });

  test('leaving out a file the app loads, or a target the issue asks for, is caught', () => {
    const result = check(
      variant('missing.yml', (y) => y.replace('  - dist/hub/**\n', '').replace('    - deb\n', '')),
    );
    expect(result.status).toBe(1);
    expect(result.problems).toEqual([
      'files: dist/hub/hubEntry.cjs is not packed, but the app loads it',
      'linux.target: deb is missing',
    ]);
  });

  test('a resource that does not exist is caught', () => {
    const result = check(
      variant('resource.yml', (y) => y.replace('from: apps/web/dist', 'from: apps/web/build')),
    );
    expect(result.problems).toEqual([
      'extraResources: apps/web/build does not exist or is empty: run `npm run build` first',
      'extraResources: apps/web/build/index.html does not exist: the hub would serve no UI',
    ]);
  });
});
