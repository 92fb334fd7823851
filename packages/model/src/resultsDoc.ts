import * as Y from 'yjs';
import type { CategoryResult, EventResults } from './ranking.js';

/**
 * Layout of the `results` document, written only by the hub: root map `categories` holds each
 * category's CategoryResult as JSON under its id; root map `meta` holds the event's id and name.
 */
export function resultsMaps(doc: Y.Doc): {
  meta: Y.Map<string>;
  categories: Y.Map<CategoryResult>;
} {
  return { meta: doc.getMap('meta'), categories: doc.getMap('categories') };
}

/** Writes results, touching only what changed so scoreboards receive small updates. */
export function writeResults(doc: Y.Doc, results: EventResults, origin: unknown = null): boolean {
  const { meta, categories } = resultsMaps(doc);
  let changed = false;
  doc.transact(() => {
    for (const [key, value] of [
      ['eventId', results.eventId],
      ['eventName', results.eventName],
    ] as const) {
      if (meta.get(key) !== value) {
        meta.set(key, value);
        changed = true;
      }
    }
    const keep = new Set<string>();
    for (const category of results.categories) {
      keep.add(category.categoryId);
      const current = categories.get(category.categoryId);
      if (!current || JSON.stringify(current) !== JSON.stringify(category)) {
        categories.set(category.categoryId, category);
        changed = true;
      }
    }
    for (const id of [...categories.keys()]) {
      if (!keep.has(id)) {
        categories.delete(id);
        changed = true;
      }
    }
  }, origin);
  return changed;
}

export function readResults(doc: Y.Doc): EventResults {
  const { meta, categories } = resultsMaps(doc);
  return {
    eventId: meta.get('eventId') ?? '',
    eventName: meta.get('eventName') ?? '',
    categories: [...categories.values()].sort(
      (a, b) => a.order - b.order || a.categoryId.localeCompare(b.categoryId),
    ),
  };
}
