import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, SettingsStore, writeFileAtomic } from './settingsStore.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function settingsFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-settings-'));
  dirs.push(dir);
  return path.join(dir, 'settings.json');
}
const lastHub = {
  origin: 'http://192.168.1.20:7420',
  hubId: 'b2c1f0e4-5d6a-4f7e-9a1b-2c3d4e5f6a7b',
  eventName: 'Robotics Regional',
  page: '/judge' as const,
};

describe('settings store', () => {
  test('first start: no file, the defaults, nothing to report', () => {
    const store = SettingsStore.open(settingsFile());
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.get().mode).toBeNull();
    expect(store.problem).toBeNull();
  });

  test('what is saved is what the next start reads', () => {
    const file = settingsFile();
    const store = SettingsStore.open(file);
    expect(store.update({ mode: 'client', lastHub })).toEqual({ ok: true });

    const again = SettingsStore.open(file);
    expect(again.get()).toEqual({ ...DEFAULT_SETTINGS, mode: 'client', lastHub });
    expect(again.problem).toBeNull();
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ version: 1, mode: 'client' });
  });

  test('a write leaves no temporary file behind, and replaces the old file whole', () => {
    const file = settingsFile();
    const store = SettingsStore.open(file);
    store.update({ mode: 'hub' });
    store.update({ mode: 'client', hubPort: 8000 });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['settings.json']);
    expect(SettingsStore.open(file).get()).toMatchObject({ mode: 'client', hubPort: 8000 });
  });

  test('a temporary file left by a crash mid-write does not affect what is read', () => {
    const file = settingsFile();
    SettingsStore.open(file).update({ mode: 'hub' });
    fs.writeFileSync(`${file}.4242.abc.tmp`, '{"version":1,"mode":"cli');
    expect(SettingsStore.open(file).get().mode).toBe('hub');
  });

  test.each([
    ['not JSON', '{"version":1,"mode":"hub"', /not valid JSON/],
    ['an empty file (power cut on a filesystem without atomic rename)', '', /not valid JSON/],
    ['a JSON array', '[1,2]', /not a JSON object/],
    ['a file from a newer app', '{"version":2,"mode":"hub"}', /version is 2, expected 1/],
    [
      'a wrong value',
      JSON.stringify({
        version: 1,
        mode: 'admin',
        lastHub: null,
        hubPort: 7420,
        scoreboardDisplayId: null,
      }),
      /mode must be/,
    ],
    [
      'a hub origin that is not one',
      JSON.stringify({
        version: 1,
        mode: 'client',
        lastHub: { ...lastHub, origin: 'javascript:alert(1)' },
        hubPort: 7420,
        scoreboardDisplayId: null,
      }),
      /lastHub.origin must be an http\(s\) origin/,
    ],
    [
      'a remembered page with a token in it',
      JSON.stringify({
        version: 1,
        mode: 'client',
        lastHub: { ...lastHub, page: '/judge?token=abc' },
        hubPort: 7420,
        scoreboardDisplayId: null,
      }),
      /lastHub.page must be one of/,
    ],
  ])('%s: defaults are used and the bad file is kept aside', (_what, content, problem) => {
    const file = settingsFile();
    fs.writeFileSync(file, content);

    const store = SettingsStore.open(file);

    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.problem).toMatch(problem);
    expect(store.setAside).toMatch(/settings\.json\.unreadable-/);
    expect(fs.readFileSync(store.setAside!, 'utf8')).toBe(content);
    expect(fs.existsSync(file)).toBe(false);
    // Saving again works, and does not touch the kept file.
    store.update({ mode: 'hub' });
    expect(SettingsStore.open(file).get().mode).toBe('hub');
    expect(fs.readFileSync(store.setAside!, 'utf8')).toBe(content);
  });

  test('unknown fields from a later version are ignored, not taken for damage', () => {
    const file = settingsFile();
    fs.writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        mode: 'hub',
        lastHub: null,
        hubPort: 7420,
        scoreboardDisplayId: 5,
        theme: 'dark',
      }),
    );
    const store = SettingsStore.open(file);
    expect(store.problem).toBeNull();
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, mode: 'hub', scoreboardDisplayId: 5 });
  });

  test('a save that fails is reported, and the session keeps the new settings', () => {
    const file = settingsFile();
    const store = SettingsStore.open(file);
    // A directory where the file should be: the rename cannot replace it.
    fs.mkdirSync(file);
    const result = store.update({ mode: 'client' });
    expect(result).toMatchObject({ ok: false, problem: expect.stringContaining('could not save') });
    expect(store.get().mode).toBe('client');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['settings.json']);
  });

  test('a programming error (an invalid value) throws instead of being saved', () => {
    const store = SettingsStore.open(settingsFile());
    expect(() => store.update({ hubPort: 70000 })).toThrow('hubPort must be');
  });

  test('writeFileAtomic creates the folder it needs', () => {
    const file = path.join(path.dirname(settingsFile()), 'deeper', 'x.json');
    writeFileAtomic(file, 'hello');
    expect(fs.readFileSync(file, 'utf8')).toBe('hello');
  });
});
