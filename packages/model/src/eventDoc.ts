import * as Y from 'yjs';
import {
  assignmentKey,
  type Assignment,
  type Category,
  type EventSettings,
  type Judge,
  type JudgingEvent,
  type Team,
} from './event.js';

/**
 * Layout of the `event` document: one root Y.Map per entity kind, each entity stored as a plain
 * JSON value under its id. Root maps exist in every replica by name, so no client ever has to
 * create structure on load; an organiser edit replaces one entity whole.
 */
export const EVENT_SCHEMA_VERSION = 1;

export interface EventMaps {
  meta: Y.Map<unknown>;
  categories: Y.Map<Category>;
  teams: Y.Map<Team>;
  judges: Y.Map<Judge>;
  assignments: Y.Map<Assignment>;
}

export function eventMaps(doc: Y.Doc): EventMaps {
  return {
    meta: doc.getMap('meta'),
    categories: doc.getMap('categories'),
    teams: doc.getMap('teams'),
    judges: doc.getMap('judges'),
    assignments: doc.getMap('assignments'),
  };
}

/** Whether the event has been set up (an empty doc is a hub that has no event yet). */
export function hasEvent(doc: Y.Doc): boolean {
  return typeof eventMaps(doc).meta.get('id') === 'string';
}

/** Writes a whole event into the doc in one transaction: used once, at event setup. */
export function writeEvent(doc: Y.Doc, event: JudgingEvent, origin: unknown = null): void {
  const maps = eventMaps(doc);
  doc.transact(() => {
    maps.meta.set('schemaVersion', EVENT_SCHEMA_VERSION);
    maps.meta.set('id', event.settings.id);
    maps.meta.set('name', event.settings.name);
    for (const c of event.categories) maps.categories.set(c.id, c);
    for (const t of event.teams) maps.teams.set(t.id, t);
    for (const j of event.judges) maps.judges.set(j.id, j);
    for (const a of event.assignments) maps.assignments.set(assignmentKey(a), a);
  }, origin);
}

export function readSettings(doc: Y.Doc): EventSettings {
  const meta = eventMaps(doc).meta;
  const id = meta.get('id');
  const name = meta.get('name');
  return { id: typeof id === 'string' ? id : '', name: typeof name === 'string' ? name : '' };
}

/** A consistent, sorted snapshot of the event for display and scoring. */
export function readEvent(doc: Y.Doc): JudgingEvent {
  const maps = eventMaps(doc);
  const byId = <T extends { id: string }>(a: T, b: T) =>
    a.id.localeCompare(b.id, 'en', { numeric: true });
  return {
    settings: readSettings(doc),
    categories: [...maps.categories.values()].sort((a, b) => a.order - b.order || byId(a, b)),
    teams: [...maps.teams.values()].sort(byId),
    judges: [...maps.judges.values()].sort(byId),
    assignments: [...maps.assignments.values()].sort(
      (a, b) =>
        a.judgeId.localeCompare(b.judgeId) ||
        a.categoryId.localeCompare(b.categoryId) ||
        a.teamId.localeCompare(b.teamId, 'en', { numeric: true }),
    ),
  };
}
