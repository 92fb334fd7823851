import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import { demoEvent } from './demoEvent.js';
import { computeResults, rankCategory, type CategoryResult, type EventResults } from './ranking.js';
import { CategoryRanking } from './scoring/categoryRanking.js';
import { readResults, writeResults } from './resultsDoc.js';
import { commitField, criterionField, readSheets } from './sheetDoc.js';

/** Demo results where judge J1 has submitted a full sheet for team T01 in robot design. */
function demoResults(): EventResults {
  const event = demoEvent();
  const design = event.categories.find((c) => c.id === 'robot-design');
  if (!design) throw new Error('demo event has no robot-design');
  const doc = new Y.Doc();
  const base = {
    teamId: 'T01',
    categoryId: design.id,
    author: 'J1',
    device: 'tablet-1',
    at: 1_000,
  };
  for (const criterion of design.criteria) {
    commitField(doc, { ...base, field: criterionField(criterion.id), value: criterion.max });
  }
  commitField(doc, { ...base, field: 'status', value: 'submitted' });
  return computeResults(event, new Map([['J1', readSheets(doc)]]));
}

function countUpdates(doc: Y.Doc): () => number {
  let updates = 0;
  doc.on('update', () => updates++);
  return () => updates;
}

describe('results document', () => {
  it('readResults gives back what writeResults wrote', () => {
    const results = demoResults();
    expect(results.categories[0]?.standings[0]).toMatchObject({ teamId: 'T01', rank: 1 });

    const doc = new Y.Doc();
    expect(writeResults(doc, results)).toBe(true);
    expect(readResults(doc)).toEqual(results);
  });

  it('a scoreboard synced from the hub reads the same results', () => {
    const hub = new Y.Doc();
    writeResults(hub, demoResults());
    const scoreboard = new Y.Doc();
    Y.applyUpdate(scoreboard, Y.encodeStateAsUpdate(hub));
    expect(readResults(scoreboard)).toEqual(demoResults());
  });

  it('writing identical results again changes nothing and sends no update', () => {
    const doc = new Y.Doc();
    writeResults(doc, demoResults());
    const updates = countUpdates(doc);

    expect(writeResults(doc, demoResults())).toBe(false);
    expect(updates()).toBe(0);
  });

  it('a changed category is written as one small update', () => {
    const doc = new Y.Doc();
    writeResults(doc, demoResults());
    const updates = countUpdates(doc);

    const changed = demoResults();
    changed.eventName = 'Renamed';
    expect(writeResults(doc, changed)).toBe(true);
    expect(updates()).toBe(1);
    expect(readResults(doc).eventName).toBe('Renamed');
  });

  it('removing a category from the results deletes it from the document', () => {
    const doc = new Y.Doc();
    const results = demoResults();
    writeResults(doc, results);
    expect(readResults(doc).categories.map((c) => c.categoryId)).toEqual([
      'robot-design',
      'innovation-project',
    ]);

    const fewer: EventResults = {
      ...results,
      categories: results.categories.filter((c) => c.categoryId !== 'robot-design'),
    };
    expect(writeResults(doc, fewer)).toBe(true);
    expect(readResults(doc).categories.map((c) => c.categoryId)).toEqual(['innovation-project']);
    expect([...doc.getMap('places').keys()].some((k) => k.startsWith('robot-design|'))).toBe(false);
  });

  it('a category removed is deleted with all its entries when written with `previous` too', () => {
    const doc = new Y.Doc();
    const results = demoResults();
    writeResults(doc, results);
    const previous = new Map(results.categories.map((c) => [c.categoryId, c]));
    const fewer: EventResults = {
      ...results,
      categories: results.categories.filter((c) => c.categoryId !== 'robot-design'),
    };
    expect(writeResults(doc, fewer, null, undefined, previous)).toBe(true);
    expect(readResults(doc)).toEqual(fewer);
    for (const name of ['standings', 'methodStandings', 'places'])
      expect([...doc.getMap(name).keys()].some((k) => k.startsWith('robot-design|'))).toBe(false);
    // Nothing gone since: writing the same again changes nothing.
    const after = new Map(fewer.categories.map((c) => [c.categoryId, c]));
    expect(writeResults(doc, fewer, null, undefined, after)).toBe(false);
  });

  it('one team changing place rewrites that team and the teams it passed, not the category', () => {
    const event = demoEvent();
    const design = event.categories.find((c) => c.id === 'robot-design')!;
    const [first, ...rest] = design.criteria;
    const sheets = new Y.Doc();
    const judge = { categoryId: design.id, author: 'J1', device: 'tablet-1', at: 1_000 };
    // Every team scored in the order of their ids, T01 lowest (J1's sheets count where assigned).
    event.teams.forEach((team, i) => {
      const set = (criterionId: string, value: number) =>
        commitField(sheets, {
          ...judge,
          teamId: team.id,
          field: criterionField(criterionId),
          value,
        });
      set(first!.id, Math.min(first!.max, first!.min + i));
      for (const criterion of rest) set(criterion.id, criterion.max - 1);
      commitField(sheets, { ...judge, teamId: team.id, field: 'status', value: 'submitted' });
    });
    const results = () => computeResults(event, new Map([['J1', readSheets(sheets)]]));
    const doc = new Y.Doc();
    writeResults(doc, results());
    const whole = Y.encodeStateAsUpdate(doc).byteLength;

    const rankOfT01 = () =>
      readResults(doc).categories[0]!.standings.find((t) => t.teamId === 'T01')!.rank;
    const rankBefore = rankOfT01();
    const before = Y.encodeStateVector(doc);
    const value = first!.max;
    commitField(sheets, { ...judge, teamId: 'T01', field: criterionField(first!.id), value });
    expect(writeResults(doc, results())).toBe(true);
    const diff = Y.encodeStateAsUpdate(doc, before).byteLength;

    expect(readResults(doc)).toEqual(results());
    expect(rankOfT01()).toBeLessThan(rankBefore!);
    expect(diff).toBeLessThan(whole / 4);
    // Each team passed costs only its new places, not its standing: T01's own entries aside, a
    // few dozen bytes per passed team and method.
    const passed = rankBefore! - rankOfT01()!;
    const ownEntries = JSON.stringify(readResults(doc).categories[0]!.standings[0]).length * 2;
    expect(diff).toBeLessThan(ownEntries + passed * 5 * 40);
  });

  it('written with `previous` after incremental ranks, the document reads as results ranked afresh', () => {
    const event = demoEvent();
    const design = event.categories.find((c) => c.id === 'robot-design')!;
    const sheets = new Y.Doc();
    const byJudge = () => new Map([['J1', readSheets(sheets)]]);
    const ranking = new CategoryRanking();
    const doc = new Y.Doc();
    const resultsOf = (category: CategoryResult): EventResults => ({
      eventId: event.settings.id,
      eventName: event.settings.name,
      categories: [category],
    });
    let previous = ranking.rank(event, design, byJudge());
    writeResults(doc, resultsOf(previous));
    // J1 scores three teams one after the other, each passing the ones before.
    let at = 1_000;
    for (const [teamId, value] of [
      ['T03', 2],
      ['T05', 6],
      ['T01', 9],
    ] as const) {
      const base = { teamId, categoryId: design.id, author: 'J1', device: 'tablet-1' };
      for (const c of design.criteria)
        commitField(sheets, {
          ...base,
          field: criterionField(c.id),
          value: Math.min(value, c.max),
          at: at++,
        });
      commitField(sheets, { ...base, field: 'status', value: 'submitted', at: at++ });
      const next = ranking.rank(event, design, byJudge(), new Set([teamId]));
      writeResults(
        doc,
        resultsOf(next),
        null,
        new Set([design.id]),
        new Map([[design.id, previous]]),
      );
      previous = next;
      expect(readResults(doc)).toEqual(resultsOf(rankCategory(event, design, byJudge())));
    }
    expect(
      readResults(doc)
        .categories[0]!.standings.slice(0, 3)
        .map((s) => s.teamId),
    ).toEqual(['T01', 'T05', 'T03']);
  });

  it('a team no longer listed is removed, also when written with `previous`', () => {
    const results = demoResults();
    const [category] = results.categories;
    const without = (teamId: string): EventResults => ({
      ...results,
      categories: [
        {
          ...category!,
          standings: category!.standings.filter((s) => s.teamId !== teamId),
          methods: category!.methods.map((m) => ({
            ...m,
            standings: m.standings.filter((s) => s.teamId !== teamId),
          })),
        },
        ...results.categories.slice(1),
      ],
    });
    for (const previous of [undefined, new Map([[category!.categoryId, category!]])]) {
      const doc = new Y.Doc();
      writeResults(doc, results);
      const later = without('T01');
      expect(writeResults(doc, later, null, undefined, previous)).toBe(true);
      expect(readResults(doc)).toEqual(later);
      const keys = [...doc.getMap('standings').keys(), ...doc.getMap('places').keys()];
      const ofCategory = (k: string) => k.startsWith(`${category!.categoryId}|`);
      expect(keys.filter((k) => ofCategory(k) && k.endsWith('|T01'))).toEqual([]);
    }
  });

  it('reads a category written whole by an earlier hub', () => {
    const doc = new Y.Doc();
    const results = demoResults();
    doc.transact(() => {
      doc.getMap('meta').set('eventId', results.eventId);
      doc.getMap('meta').set('eventName', results.eventName);
      for (const c of results.categories) doc.getMap('categories').set(c.categoryId, c);
    });
    expect(readResults(doc)).toEqual(results);
    expect(writeResults(doc, results)).toBe(true);
    expect(readResults(doc)).toEqual(results);
  });

  it('reads standings written with their rank and place inside, and rewrites them without', () => {
    const doc = new Y.Doc();
    const results = demoResults();
    doc.transact(() => {
      doc.getMap('meta').set('eventId', results.eventId);
      doc.getMap('meta').set('eventName', results.eventName);
      for (const { standings, methods, ...header } of results.categories) {
        const prefix = `${header.categoryId}|`;
        doc.getMap('categories').set(header.categoryId, {
          ...header,
          methods: methods.map(({ standings: _s, ...m }) => m),
        });
        standings.forEach((s, place) =>
          doc.getMap('standings').set(prefix + s.teamId, { ...s, place }),
        );
        methods.forEach((m, i) =>
          m.standings.forEach((s, place) =>
            doc.getMap('methodStandings').set(`${prefix}${i}|${s.teamId}`, { ...s, place }),
          ),
        );
      }
    });
    expect(readResults(doc)).toEqual(results);
    expect(writeResults(doc, results)).toBe(true);
    expect(readResults(doc)).toEqual(results);
    for (const stored of doc.getMap('standings').values())
      expect(stored).not.toHaveProperty('rank');
    expect(writeResults(doc, results)).toBe(false);
  });

  it('an empty document reads as no results', () => {
    expect(readResults(new Y.Doc())).toEqual({ eventId: '', eventName: '', categories: [] });
  });
});
