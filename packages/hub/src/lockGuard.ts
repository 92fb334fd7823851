import * as Y from 'yjs';
import {
  CONTROL_DOC,
  EVENT_DOC,
  RESULTS_DOC,
  isHeadJudgeAuthor,
  isSheetEntry,
  notAcceptedMap,
  readEvent,
  readLocks,
  recordNotAccepted,
  sheetEntries,
  sheetsDocName,
  type DocName,
  type SheetEntry,
} from '@judgehub/model';
import { HUB_ORIGIN, type DocRegistry } from './DocRegistry.js';
import type { Logger } from './logger.js';
import type { WriteCheck } from './writeCheck.js';

/**
 * Holds aside what a judge sends for a locked sheet. A tablet that scored offline after the head
 * judge locked its team or category did not know: its entries are stored like any other (never
 * lost, acknowledged as durable), but the hub lists them in the results document's `notAccepted`
 * map and results read the sheets without them. What counts is when the value reached the hub,
 * never the tablet's clock. The head judge's own entries (corrections, Accept, Dismiss) are always
 * accepted.
 *
 * The record is made when the update passes its write check (`guard`), before the update is
 * queued, so both go to disk in the same SQLite transaction: a crash cannot store the value
 * without the record. Entries applied by any other path are caught as they are applied.
 */
export class LockGuard {
  private readonly watched = new Set<string>();

  constructor(
    private readonly registry: DocRegistry,
    private readonly log: Logger,
  ) {
    const event = registry.get(EVENT_DOC).doc;
    const watchJudges = () => {
      for (const judge of readEvent(event).judges) this.watch(judge.id);
    };
    event.on('update', watchJudges);
    watchJudges();
  }

  /** Wraps a connection's write check: entries it lets through for a locked sheet are held. */
  guard(check: WriteCheck, doc: DocName): WriteCheck {
    if (doc.kind !== 'sheets') return check;
    const { judgeId } = doc;
    return (update, decoded) => {
      const verdict = check(update, decoded);
      if (!verdict.ok) return verdict;
      const entries = sheetEntries(this.registry.get(sheetsDocName(judgeId)).doc);
      const arriving: SheetEntry[] = [];
      for (const struct of decoded.structs) {
        if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue;
        const value: unknown = struct.content.arr[0];
        // Entries the hub already holds were judged when they first arrived.
        if (isSheetEntry(value) && !entries.has(value.id)) arriving.push(value);
      }
      this.hold(judgeId, arriving);
      return verdict;
    };
  }

  private watch(judgeId: string): void {
    if (this.watched.has(judgeId)) return;
    this.watched.add(judgeId);
    const entries = sheetEntries(this.registry.get(sheetsDocName(judgeId)).doc);
    entries.observe((change) => {
      if (change.transaction.origin === HUB_ORIGIN) return;
      const added: SheetEntry[] = [];
      for (const [key, { action }] of change.changes.keys) {
        const entry: unknown = entries.get(key);
        if (action === 'add' && isSheetEntry(entry)) added.push(entry);
      }
      this.hold(judgeId, added);
    });
  }

  private hold(judgeId: string, entries: readonly SheetEntry[]): void {
    const results = this.registry.get(RESULTS_DOC).doc;
    const held = notAcceptedMap(results);
    let locks: ReturnType<typeof readLocks> | null = null;
    for (const entry of entries) {
      if (isHeadJudgeAuthor(entry.author) || held.has(entry.id)) continue;
      locks ??= readLocks(this.registry.get(CONTROL_DOC).doc);
      const lock = locks.lockOf(entry.categoryId, entry.teamId);
      if (!lock) continue;
      recordNotAccepted(
        results,
        {
          entryId: entry.id,
          judgeId,
          teamId: entry.teamId,
          categoryId: entry.categoryId,
          field: entry.field,
          reason: 'locked',
          lockId: lock.id,
          at: Date.now(),
        },
        HUB_ORIGIN,
      );
      this.log.info('entry.not_accepted', {
        doc: sheetsDocName(judgeId),
        team: entry.teamId,
        category: entry.categoryId,
        field: entry.field,
        reason: 'locked',
      });
    }
  }
}
