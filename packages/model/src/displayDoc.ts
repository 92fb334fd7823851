import * as Y from 'yjs';
import type { CategoryResult, EventResults, TeamStanding } from './ranking.js';
import { revealSteps } from './revealSteps.js';

/**
 * Layout of the `display` document: what every scoreboard screen shows, chosen by the organiser
 * (or head judge) and followed live by each screen. One root map `display`, one key per setting,
 * each a plain JSON value, so two controllers changing different settings never clash and a
 * screen that connects later shows exactly what the others show. Readers check every value: a
 * buggy or old controller must not be able to blank the projector, so anything malformed reads as
 * its default.
 */

/**
 * - `welcome`: event name, logo, clock and the judges' join QR code, before results matter;
 * - `overview`: every category side by side;
 * - `category`: one category, full screen;
 * - `rotate`: one category at a time, the next every `rotateSeconds`;
 * - `spotlight`: one team and its place in every category;
 * - `reveal`: the awards ceremony, places from last to first.
 */
export type DisplayMode = 'welcome' | 'overview' | 'category' | 'rotate' | 'spotlight' | 'reveal';
export const DISPLAY_MODES: readonly DisplayMode[] = [
  'welcome',
  'overview',
  'category',
  'rotate',
  'spotlight',
  'reveal',
];
export type DisplayTheme = 'dark' | 'light';
/** A list longer than the screen turns a page at a time, or moves up a row at a time. */
export type ListMode = 'paginate' | 'scroll';

/** A category's standings as a scoreboard shows them: the result without the methods compared. */
export type BoardCategory = Omit<CategoryResult, 'methods' | 'topNChangesWithMethod'>;

/** Standings copied at one moment, so every screen shows the same numbers while scoring goes on. */
export interface StandingsSnapshot {
  /** Hub time (ms since epoch) when the copy was taken. */
  takenAt: number;
  categories: BoardCategory[];
}

export interface RevealState {
  categoryId: string;
  /** Only places 1…places are revealed; null reveals every ranked team. */
  places: number | null;
  /** Hub time the reveal started. */
  startedAt: number;
  /** The category's standings when the reveal started: the ceremony never moves under us. */
  category: BoardCategory;
  /** How many reveal steps are on screen; 0 is the title card. */
  shown: number;
}

export interface DisplaySettings {
  mode: DisplayMode;
  /** The category of `category` mode (and where `rotate` starts); null: the first one. */
  categoryId: string | null;
  /** Seconds per category when rotating, and per page of a long list. */
  rotateSeconds: number;
  /**
   * Hub time when the current rotation or page cycle began. Every screen derives what it shows
   * from this and the hub's clock, never from when it itself started, so screens stay in step.
   */
  cycleStartedAt: number;
  listMode: ListMode;
  spotlightTeamId: string | null;
  theme: DisplayTheme;
  /** Show the judges' join QR code (never during the reveal or a spotlight). */
  showQr: boolean;
  /** An image URL or a data URL; see checkLogo. */
  logo: string | null;
  /** While set, screens show these standings instead of the live ones. */
  frozen: StandingsSnapshot | null;
  reveal: RevealState | null;
}

export const ROTATE_SECONDS_MIN = 5;
export const ROTATE_SECONDS_MAX = 300;
/** Largest logo accepted: the whole document reaches every screen, so it stays small. */
export const LOGO_MAX_BYTES = 256 * 1024;

export const DEFAULT_DISPLAY: DisplaySettings = {
  mode: 'overview',
  categoryId: null,
  rotateSeconds: 15,
  cycleStartedAt: 0,
  listMode: 'paginate',
  spotlightTeamId: null,
  theme: 'dark',
  showQr: true,
  logo: null,
  frozen: null,
  reveal: null,
};

export function displayMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('display');
}

export function readDisplay(doc: Y.Doc): DisplaySettings {
  const map = displayMap(doc);
  const d = DEFAULT_DISPLAY;
  const mode = map.get('mode');
  const rotateSeconds = map.get('rotateSeconds');
  const logo = map.get('logo');
  const frozen = map.get('frozen');
  return {
    mode: isMode(mode) ? mode : d.mode,
    categoryId: idOrNull(map.get('categoryId')),
    rotateSeconds:
      checkRotateSeconds(rotateSeconds) === null ? (rotateSeconds as number) : d.rotateSeconds,
    cycleStartedAt: finiteOr(map.get('cycleStartedAt'), d.cycleStartedAt),
    listMode: map.get('listMode') === 'scroll' ? 'scroll' : 'paginate',
    spotlightTeamId: idOrNull(map.get('spotlightTeamId')),
    theme: map.get('theme') === 'light' ? 'light' : 'dark',
    showQr: typeof map.get('showQr') === 'boolean' ? (map.get('showQr') as boolean) : d.showQr,
    logo: typeof logo === 'string' && checkLogo(logo) === null ? logo : null,
    frozen: isSnapshot(frozen) ? frozen : null,
    reveal: readReveal(map),
  };
}

/** Keeps only what a scoreboard shows of the results (the methods compared are left out). */
export function boardCategory(result: BoardCategory): BoardCategory {
  return {
    categoryId: result.categoryId,
    categoryName: result.categoryName,
    order: result.order,
    maxScore: result.maxScore,
    standings: result.standings,
    sheetsSubmitted: result.sheetsSubmitted,
    sheetsAssigned: result.sheetsAssigned,
    rules: result.rules,
  };
}

// ── Writers: each is one transaction, and writes only what changes ─────────────────────────────

export function setDisplayMode(doc: Y.Doc, mode: DisplayMode, hubNow: number): void {
  doc.transact(() => {
    put(doc, 'mode', mode);
    // Rotation and pages start from the beginning on every screen at once.
    put(doc, 'cycleStartedAt', hubNow);
  });
}

/** Shows one category full screen. */
export function showCategory(doc: Y.Doc, categoryId: string, hubNow: number): void {
  doc.transact(() => {
    put(doc, 'categoryId', categoryId);
    setDisplayMode(doc, 'category', hubNow);
  });
}

/** Rotation goes on from `categoryId` now, on every screen. */
export function rotateFrom(doc: Y.Doc, categoryId: string, hubNow: number): void {
  doc.transact(() => {
    put(doc, 'categoryId', categoryId);
    setDisplayMode(doc, 'rotate', hubNow);
  });
}

/** null when `seconds` is a valid rotation interval, otherwise what is wrong with it. */
export function checkRotateSeconds(seconds: unknown): string | null {
  if (typeof seconds !== 'number' || !Number.isInteger(seconds))
    return 'must be a whole number of seconds';
  if (seconds < ROTATE_SECONDS_MIN || seconds > ROTATE_SECONDS_MAX)
    return `must be from ${ROTATE_SECONDS_MIN} to ${ROTATE_SECONDS_MAX} seconds`;
  return null;
}

export function setRotateSeconds(doc: Y.Doc, seconds: number, hubNow: number): string | null {
  const problem = checkRotateSeconds(seconds);
  if (problem) return `Rotation interval ${problem}.`;
  doc.transact(() => {
    put(doc, 'rotateSeconds', seconds);
    put(doc, 'cycleStartedAt', hubNow);
  });
  return null;
}

export function setListMode(doc: Y.Doc, listMode: ListMode, hubNow: number): void {
  doc.transact(() => {
    put(doc, 'listMode', listMode);
    put(doc, 'cycleStartedAt', hubNow);
  });
}

/** Puts one team on every screen. */
export function spotlightTeam(doc: Y.Doc, teamId: string, hubNow: number): void {
  doc.transact(() => {
    put(doc, 'spotlightTeamId', teamId);
    setDisplayMode(doc, 'spotlight', hubNow);
  });
}

export function setTheme(doc: Y.Doc, theme: DisplayTheme): void {
  put(doc, 'theme', theme);
}

export function setShowQr(doc: Y.Doc, showQr: boolean): void {
  put(doc, 'showQr', showQr);
}

/**
 * null when `logo` can be shown on the scoreboard, otherwise why not: an `http(s)` image address,
 * or a `data:` URL of a PNG, JPEG, GIF, WebP or SVG image of at most LOGO_MAX_BYTES.
 */
export function checkLogo(logo: string): string | null {
  if (/^https?:\/\/\S+$/i.test(logo))
    return logo.length <= 2048 ? null : 'The logo address is too long.';
  const data = /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,([A-Za-z0-9+/]*={0,2})$/.exec(
    logo,
  );
  if (!data) return 'The logo must be a PNG, JPEG, GIF, WebP or SVG image.';
  const base64 = data[2]!;
  return logoSizeProblem(
    Math.floor((base64.length * 3) / 4) - (base64.match(/=+$/)?.[0].length ?? 0),
  );
}

/** null when an image file of `bytes` may be the logo; otherwise what to do about it. */
export function logoSizeProblem(bytes: number): string | null {
  if (bytes <= LOGO_MAX_BYTES) return null;
  return `The logo is ${Math.ceil(bytes / 1024)} KB; the largest the scoreboard takes is ${LOGO_MAX_BYTES / 1024} KB. Save it smaller (e.g. 600 pixels wide) and try again.`;
}

/** Sets or clears the logo; returns why a logo was refused, or null when it was set. */
export function setLogo(doc: Y.Doc, logo: string | null): string | null {
  if (logo !== null) {
    const problem = checkLogo(logo);
    if (problem) return problem;
  }
  put(doc, 'logo', logo);
  return null;
}

/** Every screen keeps showing these results, whatever is scored next, until unfrozen. */
export function freezeStandings(doc: Y.Doc, results: EventResults, hubNow: number): void {
  const snapshot: StandingsSnapshot = {
    takenAt: hubNow,
    categories: results.categories.map(boardCategory),
  };
  put(doc, 'frozen', snapshot);
}

export function unfreezeStandings(doc: Y.Doc): void {
  put(doc, 'frozen', null);
}

/**
 * Starts the awards reveal of one category from `category` (take it from the frozen standings
 * when frozen, so the ceremony matches what the screens showed). Nothing is revealed yet.
 */
export function startReveal(
  doc: Y.Doc,
  category: BoardCategory,
  places: number | null,
  hubNow: number,
): void {
  const reveal: Omit<RevealState, 'shown'> = {
    categoryId: category.categoryId,
    places: places !== null && Number.isInteger(places) && places >= 1 ? places : null,
    startedAt: hubNow,
    category: boardCategory(category),
  };
  doc.transact(() => {
    put(doc, 'reveal', reveal);
    put(doc, 'revealShown', 0);
    put(doc, 'categoryId', category.categoryId);
    setDisplayMode(doc, 'reveal', hubNow);
  });
}

/**
 * Shows `shown` reveal steps (clamped to what the reveal has). An absolute number, not "one
 * more", so two controllers pressing *Next* for the same place reveal it once.
 */
export function setRevealShown(doc: Y.Doc, shown: number): number {
  const reveal = readDisplay(doc).reveal;
  if (!reveal) return 0;
  const total = revealSteps(reveal.category.standings, reveal.places).length;
  const clamped = Math.max(0, Math.min(total, Math.floor(shown)));
  put(doc, 'revealShown', clamped);
  return clamped;
}

/** Ends the ceremony: the screens show the revealed category's full standings. */
export function endReveal(doc: Y.Doc, hubNow: number): void {
  const reveal = readDisplay(doc).reveal;
  doc.transact(() => {
    put(doc, 'reveal', null);
    put(doc, 'revealShown', 0);
    if (reveal) showCategory(doc, reveal.categoryId, hubNow);
    else setDisplayMode(doc, 'overview', hubNow);
  });
}

// ── Reading helpers ─────────────────────────────────────────────────────────────────────────────

function put(doc: Y.Doc, key: string, value: unknown): void {
  const map = displayMap(doc);
  if (JSON.stringify(map.get(key) ?? null) === JSON.stringify(value)) return;
  map.set(key, value);
}

function readReveal(map: Y.Map<unknown>): RevealState | null {
  const reveal = map.get('reveal');
  if (!isObject(reveal)) return null;
  const { categoryId, places, startedAt, category } = reveal;
  if (typeof categoryId !== 'string' || !isBoardCategory(category)) return null;
  const shown = map.get('revealShown');
  return {
    categoryId,
    places: typeof places === 'number' && Number.isInteger(places) && places >= 1 ? places : null,
    startedAt: finiteOr(startedAt, 0),
    category,
    shown: typeof shown === 'number' && Number.isInteger(shown) && shown >= 0 ? shown : 0,
  };
}

function isMode(value: unknown): value is DisplayMode {
  return DISPLAY_MODES.includes(value as DisplayMode);
}

function idOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= 64 ? value : null;
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSnapshot(value: unknown): value is StandingsSnapshot {
  return (
    isObject(value) &&
    typeof value['takenAt'] === 'number' &&
    Array.isArray(value['categories']) &&
    value['categories'].every(isBoardCategory)
  );
}

const isNumberOrNull = (x: unknown) => x === null || (typeof x === 'number' && Number.isFinite(x));

function isStanding(value: unknown): value is TeamStanding {
  return (
    isObject(value) &&
    typeof value['teamId'] === 'string' &&
    typeof value['teamName'] === 'string' &&
    isNumberOrNull(value['rank']) &&
    isNumberOrNull(value['score']) &&
    typeof value['judgesCounted'] === 'number' &&
    typeof value['judgesAssigned'] === 'number' &&
    typeof value['provisional'] === 'boolean' &&
    typeof value['complete'] === 'boolean'
  );
}

/** Enough of a CategoryResult for a scoreboard to draw it without failing. */
export function isBoardCategory(value: unknown): value is BoardCategory {
  return (
    isObject(value) &&
    typeof value['categoryId'] === 'string' &&
    typeof value['categoryName'] === 'string' &&
    typeof value['order'] === 'number' &&
    typeof value['maxScore'] === 'number' &&
    typeof value['sheetsSubmitted'] === 'number' &&
    typeof value['sheetsAssigned'] === 'number' &&
    isObject(value['rules']) &&
    typeof value['rules']['decimals'] === 'number' &&
    Array.isArray(value['standings']) &&
    value['standings'].every(isStanding)
  );
}
