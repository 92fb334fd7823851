import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoEvent } from './demoEvent.js';
import {
  DEFAULT_DISPLAY,
  LOGO_MAX_BYTES,
  checkLogo,
  displayMap,
  endReveal,
  freezeStandings,
  readDisplay,
  rotateFrom,
  setDisplayMode,
  setListMode,
  setLogo,
  setRevealShown,
  setRotateSeconds,
  setShowQr,
  setTheme,
  showCategory,
  spotlightTeam,
  startReveal,
  unfreezeStandings,
} from './displayDoc.js';
import { computeResults, type EventResults } from './ranking.js';
import { commitField, criterionField, readSheets } from './sheetDoc.js';

/**
 * Demo results where J1 has submitted a Robot Design sheet for each of `teams` with every
 * criterion at `value` (5 at most on the 1–5 one). J1 judges T01, T03 and T05 there.
 */
function demoResults(teams: [teamId: string, value: number][]): EventResults {
  const event = demoEvent();
  const design = event.categories.find((c) => c.id === 'robot-design')!;
  const doc = new Y.Doc();
  let at = 1_000;
  for (const [teamId, value] of teams) {
    const base = { teamId, categoryId: design.id, author: 'J1', device: 'tablet-1' };
    for (const criterion of design.criteria) {
      const v = Math.min(value, criterion.max);
      commitField(doc, { ...base, field: criterionField(criterion.id), value: v, at: at++ });
    }
    commitField(doc, { ...base, field: 'status', value: 'submitted', at: at++ });
  }
  return computeResults(event, new Map([['J1', readSheets(doc)]]));
}

/** A second replica that receives everything the first has, as a later screen would. */
function replicaOf(doc: Y.Doc): Y.Doc {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return other;
}

function countUpdates(doc: Y.Doc): () => number {
  let updates = 0;
  doc.on('update', () => updates++);
  return () => updates;
}

const pngDataUrl = (bytes: number) =>
  `data:image/png;base64,${Buffer.alloc(bytes, 7).toString('base64')}`;

describe('display document', () => {
  it('reads as the defaults while empty: every category side by side, dark, QR on', () => {
    expect(readDisplay(new Y.Doc())).toEqual(DEFAULT_DISPLAY);
    expect(DEFAULT_DISPLAY).toMatchObject({ mode: 'overview', theme: 'dark', showQr: true });
  });

  it('shows one category, restarting the shared cycle at the hub time given', () => {
    const doc = new Y.Doc();
    showCategory(doc, 'innovation-project', 5_000);
    expect(readDisplay(doc)).toMatchObject({
      mode: 'category',
      categoryId: 'innovation-project',
      cycleStartedAt: 5_000,
    });
    setDisplayMode(doc, 'rotate', 9_000);
    expect(readDisplay(doc)).toMatchObject({
      mode: 'rotate',
      categoryId: 'innovation-project',
      cycleStartedAt: 9_000,
    });
    rotateFrom(doc, 'robot-design', 12_000);
    expect(readDisplay(doc)).toMatchObject({
      mode: 'rotate',
      categoryId: 'robot-design',
      cycleStartedAt: 12_000,
    });
  });

  it('takes a rotation interval of 5 to 300 whole seconds and refuses anything else', () => {
    const doc = new Y.Doc();
    expect(setRotateSeconds(doc, 30, 1_000)).toBeNull();
    expect(readDisplay(doc)).toMatchObject({ rotateSeconds: 30, cycleStartedAt: 1_000 });
    expect(setRotateSeconds(doc, 4, 2_000)).toBe(
      'Rotation interval must be from 5 to 300 seconds.',
    );
    expect(setRotateSeconds(doc, 7.5, 2_000)).toBe(
      'Rotation interval must be a whole number of seconds.',
    );
    expect(readDisplay(doc)).toMatchObject({ rotateSeconds: 30, cycleStartedAt: 1_000 });
  });

  it('spotlights a team, and keeps theme, QR and list settings', () => {
    const doc = new Y.Doc();
    spotlightTeam(doc, 'T07', 3_000);
    setTheme(doc, 'light');
    setShowQr(doc, false);
    setListMode(doc, 'scroll', 4_000);
    expect(readDisplay(doc)).toMatchObject({
      mode: 'spotlight',
      spotlightTeamId: 'T07',
      theme: 'light',
      showQr: false,
      listMode: 'scroll',
      cycleStartedAt: 4_000,
    });
  });

  it('writes nothing when a setting already has the value', () => {
    const doc = new Y.Doc();
    setTheme(doc, 'light');
    showCategory(doc, 'robot-design', 1_000);
    const updates = countUpdates(doc);
    setTheme(doc, 'light');
    showCategory(doc, 'robot-design', 1_000);
    expect(updates()).toBe(0);
  });

  describe('logo', () => {
    it('takes an image file up to 256 KB as a data URL, or an image address', () => {
      const doc = new Y.Doc();
      const logo = pngDataUrl(LOGO_MAX_BYTES);
      expect(setLogo(doc, logo)).toBeNull();
      expect(readDisplay(doc).logo).toBe(logo);
      expect(setLogo(doc, 'https://example.org/logo.svg')).toBeNull();
      expect(readDisplay(doc).logo).toBe('https://example.org/logo.svg');
      expect(setLogo(doc, null)).toBeNull();
      expect(readDisplay(doc).logo).toBeNull();
    });

    it('refuses a file over 256 KB, saying how large it is, and keeps the old logo', () => {
      const doc = new Y.Doc();
      setLogo(doc, pngDataUrl(1_000));
      expect(setLogo(doc, pngDataUrl(LOGO_MAX_BYTES + 1))).toBe(
        'The logo is 257 KB; the largest the scoreboard takes is 256 KB. Save it smaller (e.g. 600 pixels wide) and try again.',
      );
      expect(readDisplay(doc).logo).toBe(pngDataUrl(1_000));
    });

    it.each([
      'data:text/html;base64,PGgxPmhpPC9oMT4=',
      'javascript:alert(1)',
      'data:image/png;base64,not base64!',
      'logo.png',
    ])('refuses %j, which is not an image', (logo) => {
      expect(checkLogo(logo)).toBe('The logo must be a PNG, JPEG, GIF, WebP or SVG image.');
    });
  });

  describe('freeze', () => {
    it('keeps the standings of the moment, whatever is scored next, on every screen', () => {
      const controller = new Y.Doc();
      const before = demoResults([
        ['T01', 8],
        ['T03', 6],
      ]);
      freezeStandings(controller, before, 42_000);
      const frozen = readDisplay(controller).frozen!;
      expect(frozen.takenAt).toBe(42_000);
      const design = frozen.categories.find((c) => c.categoryId === 'robot-design')!;
      expect(design.standings.slice(0, 2).map((s) => [s.teamId, s.rank])).toEqual([
        ['T01', 1],
        ['T03', 2],
      ]);
      // Only what a scoreboard draws is copied.
      expect(design).not.toHaveProperty('methods');

      // T03 now overtakes T01 in the live results; the frozen copy does not move.
      const after = demoResults([
        ['T01', 8],
        ['T03', 10],
      ]);
      expect(after.categories[0]!.standings[0]!.teamId).toBe('T03');
      const laterScreen = replicaOf(controller);
      expect(readDisplay(laterScreen).frozen).toEqual(frozen);

      unfreezeStandings(controller);
      expect(readDisplay(controller).frozen).toBeNull();
    });
  });

  describe('awards reveal', () => {
    // Robot Design, J1 only: T01 and T03 share first (all 8s), T05 is third (all 6s).
    const results = demoResults([
      ['T01', 8],
      ['T05', 6],
      ['T03', 8],
    ]);
    const design = results.categories.find((c) => c.categoryId === 'robot-design')!;

    it('starts on the title card with nothing revealed, from a copy of the standings', () => {
      const doc = new Y.Doc();
      startReveal(doc, design, null, 7_000);
      const display = readDisplay(doc);
      expect(display.mode).toBe('reveal');
      expect(display.categoryId).toBe('robot-design');
      expect(display.reveal).toMatchObject({
        categoryId: 'robot-design',
        places: null,
        startedAt: 7_000,
        shown: 0,
      });
      expect(display.reveal!.category.standings).toEqual(design.standings);
    });

    it('reveals one step per click, never past the winner', () => {
      const doc = new Y.Doc();
      startReveal(doc, design, null, 7_000);
      // Steps: third place (T05), then the shared first place (T01 + T03).
      expect(setRevealShown(doc, 1)).toBe(1);
      expect(setRevealShown(doc, 2)).toBe(2);
      expect(setRevealShown(doc, 3)).toBe(2);
      expect(readDisplay(doc).reveal!.shown).toBe(2);
      expect(setRevealShown(doc, -1)).toBe(0);
    });

    it('reveals a place once when two controllers press Next together', () => {
      const organiser = new Y.Doc();
      startReveal(organiser, design, null, 7_000);
      const headJudge = replicaOf(organiser);
      setRevealShown(organiser, readDisplay(organiser).reveal!.shown + 1);
      setRevealShown(headJudge, readDisplay(headJudge).reveal!.shown + 1);
      Y.applyUpdate(organiser, Y.encodeStateAsUpdate(headJudge));
      Y.applyUpdate(headJudge, Y.encodeStateAsUpdate(organiser));
      expect(readDisplay(organiser).reveal!.shown).toBe(1);
      expect(readDisplay(headJudge).reveal!.shown).toBe(1);
    });

    it('ends on the revealed category in full', () => {
      const doc = new Y.Doc();
      startReveal(doc, design, 3, 7_000);
      setRevealShown(doc, 2);
      endReveal(doc, 9_000);
      expect(readDisplay(doc)).toMatchObject({
        mode: 'category',
        categoryId: 'robot-design',
        cycleStartedAt: 9_000,
        reveal: null,
      });
    });
  });

  it('reads malformed values from a misbehaving controller as the defaults', () => {
    const doc = new Y.Doc();
    const map = displayMap(doc);
    map.set('mode', 'disco');
    map.set('rotateSeconds', -1);
    map.set('cycleStartedAt', 'soon');
    map.set('theme', 'neon');
    map.set('showQr', 'yes');
    map.set('logo', 'javascript:alert(1)');
    map.set('frozen', { takenAt: 1, categories: [{ categoryId: 'x' }] });
    map.set('reveal', { categoryId: 'x', category: null });
    map.set('spotlightTeamId', 12);
    expect(readDisplay(doc)).toEqual(DEFAULT_DISPLAY);
  });
});
