import * as Y from 'yjs';

export interface UpdateSummary {
  /** Map entries set: the root map, the key and the value (for sheets: the score entry itself). */
  set: { map: string | null; key: string | null; value: unknown }[];
  /** How many earlier items this update deleted (e.g. an organiser replacing a team's record). */
  deleted: number;
}

/**
 * What one stored update changed, in words an audit reader can use: for a judge's sheet each set
 * is a score entry (team, category, criterion, value, author, device, time). Kept in the audit
 * table when the update itself is compacted away.
 */
export function summariseUpdate(update: Uint8Array): UpdateSummary {
  const { structs, ds } = Y.decodeUpdate(update);
  const set: UpdateSummary['set'] = [];
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const map = typeof struct.parent === 'string' ? struct.parent : null;
    const value =
      struct.content instanceof Y.ContentAny
        ? struct.content.arr[0]
        : `(${struct.content.constructor.name})`;
    set.push({ map, key: struct.parentSub, value });
  }
  let deleted = 0;
  for (const ranges of ds.clients.values()) for (const r of ranges) deleted += r.len;
  return { set, deleted };
}

export const summariseUpdateJson = (update: Uint8Array): string =>
  JSON.stringify(summariseUpdate(update));
