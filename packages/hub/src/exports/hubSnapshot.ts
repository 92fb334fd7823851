import {
  CONTROL_DOC,
  EVENT_DOC,
  RESULTS_DOC,
  hasEvent,
  isSubmitted,
  readAcceptedSheets,
  readEvent,
  readLocks,
  readSheets,
  sheetKey,
  sheetsDocName,
  type JudgingEvent,
  type LockTable,
  type ScoreSheet,
} from '@judgehub/model';
import type { DocRegistry } from '../DocRegistry.js';

/** What every export is made from: the event and each judge's sheets, read at one moment. */
export interface HubSnapshot {
  event: JudgingEvent;
  /** judgeId → that judge's sheets as the results count them (held-aside values left out). */
  sheetsByJudge: Map<string, Map<string, ScoreSheet>>;
  /** judgeId → every stored value, held aside or not: what a backup (the event file) must keep. */
  rawSheetsByJudge: Map<string, Map<string, ScoreSheet>>;
  /** The head judge's locks (control document): a locked category's results are settled. */
  locks: LockTable;
  /** When it was read (ms since epoch): the export's date and "as of" time. */
  takenAt: number;
}

export type SnapshotResult = { ok: true; snapshot: HubSnapshot } | { ok: false; message: string };

/** Reads a running hub's documents (what is in memory is what is on disk, DocRegistry). */
export function snapshotHub(registry: DocRegistry, now = Date.now()): SnapshotResult {
  const eventDoc = registry.get(EVENT_DOC).doc;
  if (!hasEvent(eventDoc))
    return { ok: false, message: 'This hub has no event yet: set one up or import one first.' };
  const event = readEvent(eventDoc);
  // As the hub's own results read them: values held aside after a lock (reviewNotAccepted.ts)
  // are stored but not counted until the head judge accepts them.
  const resultsDoc = registry.get(RESULTS_DOC).doc;
  const sheetsByJudge = new Map(
    event.judges.map((j) => [
      j.id,
      readAcceptedSheets(registry.get(sheetsDocName(j.id)).doc, resultsDoc, j.id),
    ]),
  );
  const rawSheetsByJudge = new Map(
    event.judges.map((j) => [j.id, readSheets(registry.get(sheetsDocName(j.id)).doc)]),
  );
  const locks = readLocks(registry.get(CONTROL_DOC).doc);
  return {
    ok: true,
    snapshot: { event, sheetsByJudge, rawSheetsByJudge, locks, takenAt: now },
  };
}

/** How many assigned sheets are submitted (or final), counted or not: 0 means "no results yet". */
export function submittedSheets(snapshot: HubSnapshot): { submitted: number; assigned: number } {
  let submitted = 0;
  for (const a of snapshot.event.assignments) {
    const sheet = snapshot.sheetsByJudge.get(a.judgeId)?.get(sheetKey(a.teamId, a.categoryId));
    if (sheet && isSubmitted(sheet.status)) submitted++;
  }
  return { submitted, assigned: snapshot.event.assignments.length };
}
