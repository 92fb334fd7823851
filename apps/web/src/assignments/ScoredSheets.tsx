import { useCallback, useEffect, useMemo, useState } from 'react';
import { isSubmitted, readSheets, sheetsDocName, type ScoreSheet } from '@judgehub/model';
import { useHubDoc } from '../shared/useHubDoc.js';

/** Whether a sheet holds anything a judge entered: a value, a comment or a submission. */
export function sheetHasValues(sheet: ScoreSheet): boolean {
  return (
    [...sheet.values.values()].some((v) => v.value !== null) ||
    Boolean(sheet.comment?.value) ||
    isSubmitted(sheet.status)
  );
}

/**
 * Which assignments already have values on their sheets (as assignment keys), read live from
 * every judge's sheet document (the organiser may read them all). Render `watchers` somewhere.
 */
export function useScoredKeys(judgeIds: readonly string[], token: string, eventId: string | null) {
  const [byJudge, setByJudge] = useState<ReadonlyMap<string, readonly string[]>>(new Map());
  const [synced, setSynced] = useState<ReadonlySet<string>>(new Set());
  const report = useCallback((judgeId: string, keys: readonly string[], isSynced: boolean) => {
    setByJudge((m) => {
      const before = m.get(judgeId);
      if (before && before.join() === keys.join()) return m;
      return new Map(m).set(judgeId, keys);
    });
    setSynced((s) => (s.has(judgeId) === isSynced ? s : new Set([...s, judgeId])));
  }, []);
  const scored = useMemo(() => {
    const keys = new Set<string>();
    for (const [judgeId, sheetKeys] of byJudge)
      for (const k of sheetKeys) if (judgeIds.includes(judgeId)) keys.add(`${judgeId}|${k}`);
    return keys;
  }, [byJudge, judgeIds]);
  const watchers = eventId
    ? judgeIds.map((judgeId) => (
        <SheetsWatcher
          key={judgeId}
          judgeId={judgeId}
          token={token}
          eventId={eventId}
          onScored={report}
        />
      ))
    : null;
  return { scored, watchers, loaded: judgeIds.every((j) => synced.has(j)) };
}

function SheetsWatcher(props: {
  judgeId: string;
  token: string;
  eventId: string;
  onScored: (judgeId: string, sheetKeys: readonly string[], synced: boolean) => void;
}) {
  const { judgeId, onScored } = props;
  const hub = useHubDoc(sheetsDocName(judgeId), props.token, props.eventId);
  const synced = hub?.status.synced ?? false;
  useEffect(() => {
    if (!hub) return;
    const keys = [...readSheets(hub.doc).values()]
      .filter(sheetHasValues)
      .map((s) => `${s.teamId}|${s.categoryId}`)
      .sort();
    // Once synced, stays counted as read: a later drop keeps the last values known.
    onScored(judgeId, keys, synced);
  }, [hub, synced, judgeId, onScored]);
  return null;
}
