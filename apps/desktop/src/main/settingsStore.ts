import fs from 'node:fs';
import path from 'node:path';
import type { AppMode } from '../shared/contract.js';
import { DEFAULT_HUB_PORT } from './hubAddress.js';
import { hubOriginOf } from './originPolicy.js';

/** The hub a judge's laptop joined last, to get back to it at the next start. */
export interface RememberedHub {
  /** `http://192.168.1.20:7420` */
  origin: string;
  /** The hub's stable id, when known: finds it again over mDNS if its address changed. */
  hubId: string | null;
  eventName: string;
  /** Where the judge was: `/judge` once signed in, else `/join`. A path only, never a token. */
  page: RememberedPage;
}

export type RememberedPage = '/judge' | '/join';
export const REMEMBERED_PAGES: readonly RememberedPage[] = ['/judge', '/join'];

export interface DesktopSettings {
  /** Null until chosen at the first start. */
  mode: AppMode | null;
  lastHub: RememberedHub | null;
  /** The hub's port in hub mode: fixed, so tablets' links keep working across restarts. */
  hubPort: number;
  /** The display the scoreboard was last put on. */
  scoreboardDisplayId: number | null;
}

export const DEFAULT_SETTINGS: DesktopSettings = Object.freeze({
  mode: null,
  lastHub: null,
  hubPort: DEFAULT_HUB_PORT,
  scoreboardDisplayId: null,
});

const FILE_VERSION = 1;
const HUB_ID = /^[A-Za-z0-9_-]{1,64}$/;

export type SettingsCheck =
  { ok: true; settings: DesktopSettings } | { ok: false; problem: string };

/**
 * Checks a parsed settings file field by field. Unknown fields are ignored (a later version may
 * add some); a known field with a wrong value makes the whole file suspect.
 */
export function validateSettings(value: unknown): SettingsCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, problem: 'not a JSON object' };
  const v = value as Record<string, unknown>;
  if (v.version !== FILE_VERSION)
    return {
      ok: false,
      problem: `version is ${JSON.stringify(v.version)}, expected ${FILE_VERSION}`,
    };
  if (v.mode !== null && v.mode !== 'hub' && v.mode !== 'client')
    return { ok: false, problem: 'mode must be "hub", "client" or null' };
  if (!Number.isInteger(v.hubPort) || (v.hubPort as number) < 1 || (v.hubPort as number) > 65535)
    return { ok: false, problem: 'hubPort must be a whole number from 1 to 65535' };
  if (
    v.scoreboardDisplayId !== null &&
    !(Number.isSafeInteger(v.scoreboardDisplayId) && (v.scoreboardDisplayId as number) >= 0)
  )
    return { ok: false, problem: 'scoreboardDisplayId must be a display id or null' };
  let lastHub: RememberedHub | null = null;
  if (v.lastHub !== null) {
    const hub = v.lastHub as Record<string, unknown> | undefined;
    if (typeof hub !== 'object' || hub === null)
      return { ok: false, problem: 'lastHub must be an object or null' };
    if (typeof hub.origin !== 'string' || hubOriginOf(hub.origin) !== hub.origin)
      return { ok: false, problem: 'lastHub.origin must be an http(s) origin' };
    if (hub.hubId !== null && !(typeof hub.hubId === 'string' && HUB_ID.test(hub.hubId)))
      return { ok: false, problem: 'lastHub.hubId must be a hub id or null' };
    if (typeof hub.eventName !== 'string' || hub.eventName.length > 500)
      return { ok: false, problem: 'lastHub.eventName must be text' };
    if (!REMEMBERED_PAGES.includes(hub.page as RememberedPage))
      return { ok: false, problem: `lastHub.page must be one of ${REMEMBERED_PAGES.join(', ')}` };
    lastHub = {
      origin: hub.origin,
      hubId: hub.hubId,
      eventName: hub.eventName,
      page: hub.page as RememberedPage,
    };
  }
  return {
    ok: true,
    settings: {
      mode: v.mode,
      lastHub,
      hubPort: v.hubPort as number,
      scoreboardDisplayId: v.scoreboardDisplayId as number | null,
    },
  };
}

export type SaveResult = { ok: true } | { ok: false; problem: string };

/**
 * The app's settings: one small JSON file in the user-data folder. Written atomically (a
 * temporary file, flushed, then renamed over the old one), so a crash or power cut mid-write
 * leaves either the old file or the new one. A file that cannot be read as settings is moved
 * aside (kept for a look, never deleted) and the defaults are used.
 */
export class SettingsStore {
  private constructor(
    readonly file: string,
    private current: DesktopSettings,
    /** What was wrong with the file at open, if anything. */
    readonly problem: string | null,
    /** Where the unusable file was moved, if it was. */
    readonly setAside: string | null,
  ) {}

  static open(file: string): SettingsStore {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return new SettingsStore(file, DEFAULT_SETTINGS, null, null);
      // Unreadable (permissions): use the defaults, leave the file alone.
      return new SettingsStore(file, DEFAULT_SETTINGS, `could not read ${file}: ${code}`, null);
    }
    let check: SettingsCheck;
    try {
      check = validateSettings(JSON.parse(text));
    } catch (error) {
      check = { ok: false, problem: `not valid JSON (${(error as Error).message})` };
    }
    if (check.ok) return new SettingsStore(file, check.settings, null, null);
    return new SettingsStore(file, DEFAULT_SETTINGS, check.problem, moveAside(file));
  }

  get(): DesktopSettings {
    return this.current;
  }

  /**
   * Changes settings in memory at once and saves them. A failed save (disk full, no permission)
   * is returned, not thrown: the app keeps working with the new settings for this session.
   */
  update(change: Partial<DesktopSettings>): SaveResult {
    const next: DesktopSettings = { ...this.current, ...change };
    const check = validateSettings({ version: FILE_VERSION, ...next });
    if (!check.ok) throw new Error(`invalid settings: ${check.problem}`);
    this.current = check.settings;
    try {
      writeFileAtomic(
        this.file,
        `${JSON.stringify({ version: FILE_VERSION, ...next }, null, 2)}\n`,
      );
      return { ok: true };
    } catch (error) {
      return { ok: false, problem: `could not save ${this.file}: ${(error as Error).message}` };
    }
  }
}

/** Writes `text` to `file` so that readers see the old content or the new, never a mix. */
export function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(path.dirname(file));
}

/** Makes the rename itself durable (POSIX); Windows cannot open a directory and needs no fsync. */
function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Best effort: the rename is already done; only its durability across a power cut is at stake.
  }
}

function moveAside(file: string): string | null {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (let n = 0; n < 100; n++) {
    const target = `${file}.unreadable-${stamp}${n === 0 ? '' : `-${n}`}`;
    if (fs.existsSync(target)) continue;
    try {
      fs.renameSync(file, target);
      return target;
    } catch {
      return null;
    }
  }
  return null;
}
