import { useCallback, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import {
  changedKeys,
  checkChange,
  eventMaps,
  readEvent,
  writeChange,
  type EventChange,
  type JudgingEvent,
} from '@judgehub/model';
import type { HubDoc } from '../shared/useHubDoc.js';

export type SaveResult = { ok: true } | { ok: false; problems: string[] };

export interface EventEditor {
  event: JudgingEvent;
  /** Checks the change against the whole event and writes it only when the event stays valid. */
  save(change: EventChange): SaveResult;
  /** Entities this page wrote that the hub has not confirmed as stored yet. */
  waiting: number;
}

type WrittenKey = ReturnType<typeof changedKeys>[number];

/**
 * The organiser's edits of the `event` document: each one checked (checkChange) and then written
 * in one transaction; the page says *Saved on hub* only once the hub's durable ack covers it.
 */
export function useEventEditor(hubDoc: HubDoc | null): EventEditor | null {
  const [written, setWritten] = useState<WrittenKey[]>([]);
  const save = useCallback(
    (change: EventChange): SaveResult => {
      if (!hubDoc) return { ok: false, problems: ['not connected to the event yet'] };
      const checked = checkChange(readEvent(hubDoc.doc), change);
      if (!checked.ok) return { ok: false, problems: checked.problems };
      writeChange(hubDoc.doc, change);
      setWritten((keys) => [...keys, ...changedKeys(change)]);
      return { ok: true };
    },
    [hubDoc],
  );
  // `hubDoc` is a new object on every document or durability change (useHubDoc).
  return useMemo(() => {
    if (!hubDoc) return null;
    const maps = eventMaps(hubDoc.doc);
    const waiting = written.filter(
      ({ map, key }) => !hubDoc.sync.isMapEntryDurable(maps[map] as Y.Map<unknown>, key),
    ).length;
    return { event: readEvent(hubDoc.doc), save, waiting };
  }, [hubDoc, written, save]);
}
