import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import { demoEvent } from './demoEvent.js';
import type { JudgingEvent } from './event.js';
import {
  EVENT_SCHEMA_VERSION,
  eventMaps,
  hasEvent,
  readEvent,
  readSettings,
  writeEvent,
} from './eventDoc.js';

/** readEvent lists assignments by judge, then category, then team. */
function inReadOrder(event: JudgingEvent): JudgingEvent {
  const numeric = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return {
    ...event,
    assignments: [...event.assignments].sort(
      (a, b) =>
        a.judgeId.localeCompare(b.judgeId) ||
        a.categoryId.localeCompare(b.categoryId) ||
        numeric(a.teamId, b.teamId),
    ),
  };
}

describe('event document', () => {
  it('has no event when empty', () => {
    const doc = new Y.Doc();
    expect(hasEvent(doc)).toBe(false);
    expect(readSettings(doc)).toEqual({ id: '', name: '' });
    expect(readEvent(doc)).toEqual({
      settings: { id: '', name: '' },
      categories: [],
      teams: [],
      judges: [],
      assignments: [],
    });
  });

  it('writeEvent then readEvent gives back the demo event', () => {
    const doc = new Y.Doc();
    writeEvent(doc, demoEvent());
    expect(hasEvent(doc)).toBe(true);
    expect(readEvent(doc)).toEqual(inReadOrder(demoEvent()));
    expect(eventMaps(doc).meta.get('schemaVersion')).toBe(EVENT_SCHEMA_VERSION);
  });

  it('writes the whole event as one update', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    writeEvent(doc, demoEvent());
    expect(updates).toBe(1);
  });

  it('a second replica synced from the first reads the same event', () => {
    const organiser = new Y.Doc();
    writeEvent(organiser, demoEvent('spring-2026'));
    const tablet = new Y.Doc();
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(organiser));

    expect(hasEvent(tablet)).toBe(true);
    expect(readEvent(tablet)).toEqual(readEvent(organiser));
    expect(readEvent(tablet).settings).toEqual({
      id: 'spring-2026',
      name: 'Riverside Regional Robotics Challenge',
    });
    expect(readEvent(tablet).assignments).toHaveLength(demoEvent().assignments.length);
  });

  it('lists teams in natural id order and categories by their display order', () => {
    const doc = new Y.Doc();
    const base = demoEvent();
    const [first, second] = base.categories;
    if (!first || !second) throw new Error('demo event needs two categories');
    writeEvent(doc, {
      ...base,
      categories: [
        { ...second, order: 1 },
        { ...first, order: 2 },
      ],
      teams: [
        { id: 'T10', name: 'Ten', categoryIds: [], withdrawn: false },
        { id: 'T2', name: 'Two', categoryIds: [], withdrawn: false },
        { id: 'T1', name: 'One', categoryIds: [], withdrawn: false },
      ],
      assignments: [],
    });
    const event = readEvent(doc);
    expect(event.teams.map((t) => t.id)).toEqual(['T1', 'T2', 'T10']);
    expect(event.categories.map((c) => c.id)).toEqual([second.id, first.id]);
  });
});
