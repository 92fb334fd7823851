import { useCallback, useEffect, useState } from 'react';
import { sheetsDocName } from '@judgehub/model';
import { useHubDoc, type HubDoc } from '../shared/useHubDoc.js';

/**
 * Every judge's sheet document, live. Hooks cannot be called in a loop, so each judge gets a
 * small component that opens its document and reports it up; render `sources` anywhere.
 */
export function useJudgeSheets(
  judgeIds: readonly string[],
  token: string,
  eventId: string | null,
): { docs: ReadonlyMap<string, HubDoc>; sources: React.JSX.Element[] } {
  const [docs, setDocs] = useState<ReadonlyMap<string, HubDoc>>(new Map());
  const report = useCallback((judgeId: string, doc: HubDoc | null) => {
    setDocs((current) => {
      if (current.get(judgeId) === doc) return current;
      const next = new Map(current);
      if (doc) next.set(judgeId, doc);
      else next.delete(judgeId);
      return next;
    });
  }, []);
  const sources = judgeIds.map((judgeId) => (
    <SheetSource key={judgeId} judgeId={judgeId} token={token} eventId={eventId} report={report} />
  ));
  return { docs, sources };
}

function SheetSource(props: {
  judgeId: string;
  token: string;
  eventId: string | null;
  report: (judgeId: string, doc: HubDoc | null) => void;
}) {
  const { judgeId, report } = props;
  const doc = useHubDoc(sheetsDocName(judgeId), props.token, props.eventId);
  useEffect(() => {
    report(judgeId, doc);
  }, [judgeId, doc, report]);
  useEffect(() => () => report(judgeId, null), [judgeId, report]);
  return null;
}
