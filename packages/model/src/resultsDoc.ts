import * as Y from 'yjs';
import type { CategoryResult, EventResults, MethodRanking, TeamStanding } from './ranking.js';

/**
 * Layout of the `results` document, written only by the hub. Root map `meta` holds the event's id
 * and name. Each category is split so that a changed score rewrites only what it moved:
 * - `categories`: category id → the CategoryResult without its standings (and each method
 *   without its standings);
 * - `standings`: `<category>|<team>` → that team's TeamStanding without its rank;
 * - `methodStandings`: `<category>|<method index>|<team>` → its score under that method;
 * - `places`: the keys of both → `[rank, place]`: the team's rank (null while awaiting scores)
 *   and its place in the list.
 *
 * One value committed rewrites the team's own entries and, for each team it passes, only that
 * team's places: about 1 kB for every scoreboard instead of the whole category (tens of kB for 150
 * teams), or 4–5 kB when each passed team was rewritten whole. Older layouts are read as they
 * are: a `standings` or `methodStandings` entry with its rank and place inside and no `places`
 * entry, and a `categories` entry that still holds its standings.
 */
export function resultsMaps(doc: Y.Doc): {
  meta: Y.Map<string>;
  categories: Y.Map<CategoryHeader>;
  standings: Y.Map<StoredStanding>;
  methodStandings: Y.Map<StoredMethodStanding>;
  places: Y.Map<Place>;
} {
  return {
    meta: doc.getMap('meta'),
    categories: doc.getMap('categories'),
    standings: doc.getMap('standings'),
    methodStandings: doc.getMap('methodStandings'),
    places: doc.getMap('places'),
  };
}

type MethodHeader = Omit<MethodRanking, 'standings'>;
type CategoryHeader = Omit<CategoryResult, 'standings' | 'methods'> & {
  methods: (MethodHeader & { standings?: MethodRanking['standings'] })[];
  standings?: TeamStanding[];
};
type MethodStanding = MethodRanking['standings'][number];
/** Rank and place inside: only in documents written before `places`. */
type OldPlacing = { rank?: number | null; place?: number };
type StoredStanding = Omit<TeamStanding, 'rank'> & OldPlacing;
type StoredMethodStanding = Omit<MethodStanding, 'rank'> & OldPlacing;
type Place = [rank: number | null, place: number];
type PlacedStanding = TeamStanding & { place: number };
type PlacedMethodStanding = MethodStanding & { place: number };

/**
 * Deep equality of JSON values, without serialising or copying (the hub compares hundreds per
 * change). Like JSON, a key holding undefined is no key (a stored value has none).
 */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  return sameEntries(a as Record<string, unknown>, b as Record<string, unknown>, 0);
}

/** `x` and `y` hold the same keys and values, `y` having `extra` keys more; `skip` is not compared. */
function sameEntries(
  x: Record<string, unknown>,
  y: Record<string, unknown>,
  extra: number,
  skip?: string,
): boolean {
  let keys = 0;
  for (const k in x) {
    const v = x[k];
    if (v === undefined || k === skip) continue;
    keys++;
    if (!same(v, y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) keys--;
  return keys + extra === 0;
}

/** Whether `stored` is `value` without its `rank`, compared without making that copy. */
function sameWithoutRank(stored: unknown, value: { rank: unknown }): boolean {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return false;
  const y = stored as Record<string, unknown>;
  return y.rank === undefined && sameEntries(value, y, 0, 'rank');
}

function withoutRank<T extends { rank: unknown }>(value: T): Omit<T, 'rank'> {
  const { rank: _rank, ...rest } = value;
  return rest;
}

/**
 * Writes results, touching only what changed so scoreboards receive small updates. `changed`
 * (category ids) limits the comparison to those categories when the caller knows the others are
 * as last written; categories no longer in `results` are removed either way.
 *
 * `previous`: the categories as this caller last wrote them into this document, when nothing else
 * has written their standings since (the hub is their only writer). A standing or method entry
 * that is the same object as at the same place there is known to be stored already and is not
 * compared (`CategoryRanking` keeps what did not move as the same objects); only entries listed
 * there are looked at for removal.
 */
export function writeResults(
  doc: Y.Doc,
  results: EventResults,
  origin: unknown = null,
  changed?: ReadonlySet<string>,
  previous?: ReadonlyMap<string, CategoryResult>,
): boolean {
  const maps = resultsMaps(doc);
  let wrote = false;
  const put = <T>(map: Y.Map<T>, key: string, value: T) => {
    if (!same(map.get(key), value)) {
      map.set(key, value);
      wrote = true;
    }
  };
  doc.transact(() => {
    put(maps.meta, 'eventId', results.eventId);
    put(maps.meta, 'eventName', results.eventName);
    const keep = new Set<string>();
    for (const category of results.categories) {
      keep.add(category.categoryId);
      if (changed && !changed.has(category.categoryId) && maps.categories.has(category.categoryId))
        continue;
      wrote = writeCategory(maps, category, previous?.get(category.categoryId)) || wrote;
    }
    for (const id of [...maps.categories.keys()]) {
      if (keep.has(id)) continue;
      maps.categories.delete(id);
      wrote = true;
    }
    // Entries of categories no longer there go too. With `previous`, whose categories are all that
    // this caller wrote here, there are none while each of them is still listed: no scan of every
    // entry of every category after each commit.
    const gone = previous && [...previous.keys()].some((id) => !keep.has(id));
    if (previous && !gone) return;
    for (const map of [maps.standings, maps.methodStandings, maps.places] as Y.Map<unknown>[]) {
      for (const key of [...map.keys()]) {
        if (keep.has(key.slice(0, key.indexOf('|')))) continue;
        map.delete(key);
        wrote = true;
      }
    }
  }, origin);
  return wrote;
}

function writeCategory(
  maps: ReturnType<typeof resultsMaps>,
  category: CategoryResult,
  before: CategoryResult | undefined,
): boolean {
  let wrote = false;
  const { standings, methods, ...rest } = category;
  const header: CategoryHeader = {
    ...rest,
    methods: methods.map(({ standings: _s, ...m }) => m),
  };
  if (!same(maps.categories.get(category.categoryId), header)) {
    maps.categories.set(category.categoryId, header);
    wrote = true;
  }
  const prefix = `${category.categoryId}|`;
  const place = (key: string, rank: number | null, at: number) => {
    const stored = maps.places.get(key);
    if (Array.isArray(stored) && stored[0] === rank && stored[1] === at) return;
    maps.places.set(key, [rank, at]);
    wrote = true;
  };
  // The same object at the same place as last written is stored already: no key, no comparison
  // (most of a category after one commit).
  standings.forEach((standing, at) => {
    if (before?.standings[at] === standing) return;
    const key = prefix + standing.teamId;
    if (!sameWithoutRank(maps.standings.get(key), standing)) {
      maps.standings.set(key, withoutRank(standing));
      wrote = true;
    }
    place(key, standing.rank, at);
  });
  methods.forEach((method, m) => {
    const beforeMethod = before?.methods[m];
    method.standings.forEach((standing, at) => {
      if (beforeMethod?.standings[at] === standing) return;
      const key = `${prefix}${m}|${standing.teamId}`;
      if (!sameWithoutRank(maps.methodStandings.get(key), standing)) {
        maps.methodStandings.set(key, withoutRank(standing));
        wrote = true;
      }
      place(key, standing.rank, at);
    });
  });
  const remove = <T>(map: Y.Map<T>, key: string) => {
    if (!map.has(key)) return;
    map.delete(key);
    wrote = true;
  };
  if (before) {
    // Only what was written last can be there to remove: the teams no longer listed.
    const listed = new Set(standings.map((s) => s.teamId));
    for (const s of before.standings) {
      if (listed.has(s.teamId)) continue;
      remove(maps.standings, prefix + s.teamId);
      remove(maps.places, prefix + s.teamId);
    }
    before.methods.forEach((method, m) => {
      const ranked = new Set(methods[m]?.standings.map((s) => s.teamId));
      for (const s of method.standings) {
        if (ranked.has(s.teamId)) continue;
        remove(maps.methodStandings, `${prefix}${m}|${s.teamId}`);
        remove(maps.places, `${prefix}${m}|${s.teamId}`);
      }
    });
  } else {
    const listed = new Set<string>();
    for (const s of standings) listed.add(prefix + s.teamId);
    methods.forEach((method, m) => {
      for (const s of method.standings) listed.add(`${prefix}${m}|${s.teamId}`);
    });
    const unlisted = (key: string) => key.startsWith(prefix) && !listed.has(key);
    for (const key of [...maps.standings.keys()]) if (unlisted(key)) remove(maps.standings, key);
    for (const key of [...maps.methodStandings.keys()])
      if (unlisted(key)) remove(maps.methodStandings, key);
    for (const key of [...maps.places.keys()]) if (unlisted(key)) remove(maps.places, key);
  }
  return wrote;
}

export function readResults(doc: Y.Doc): EventResults {
  const maps = resultsMaps(doc);
  const standings = new Map<string, PlacedStanding[]>();
  const methodStandings = new Map<string, PlacedMethodStanding[]>();
  const group = <T>(into: Map<string, T[]>, key: string, value: T) => {
    const list = into.get(key);
    if (list) list.push(value);
    else into.set(key, [value]);
  };
  /** Rank and place from `places`, or from inside the entry (older layout). */
  const placing = (key: string, stored: OldPlacing) => {
    const p = maps.places.get(key);
    return Array.isArray(p)
      ? { rank: p[0], place: p[1] }
      : { rank: stored.rank ?? null, place: stored.place ?? 0 };
  };
  for (const [key, value] of maps.standings)
    group(standings, key.slice(0, key.indexOf('|')), { ...value, ...placing(key, value) });
  for (const [key, value] of maps.methodStandings) {
    const { rank, place } = placing(key, value);
    if (rank === null) continue;
    group(methodStandings, key.slice(0, key.lastIndexOf('|')), { ...value, rank, place });
  }
  const unplace = <T extends { place: number }>(list: T[] | undefined): Omit<T, 'place'>[] =>
    (list ?? []).sort((a, b) => a.place - b.place).map(({ place: _p, ...rest }) => rest);

  const categories = [...maps.categories.values()].map((header): CategoryResult => {
    const id = header.categoryId;
    return {
      ...header,
      standings: header.standings ?? unplace(standings.get(id)),
      methods: header.methods.map((m, i) => ({
        ...m,
        standings: m.standings ?? unplace(methodStandings.get(`${id}|${i}`)),
      })),
    };
  });
  return {
    eventId: maps.meta.get('eventId') ?? '',
    eventName: maps.meta.get('eventName') ?? '',
    categories: categories.sort(
      (a, b) => a.order - b.order || a.categoryId.localeCompare(b.categoryId),
    ),
  };
}
