import {
  EVENT_DOC,
  RESULTS_DOC,
  rankCategory,
  readEvent,
  readSheets,
  sheetEntries,
  sheetsDocName,
  writeResults,
  type CategoryResult,
  type JudgingEvent,
  type ScoreSheet,
} from '@judgehub/model';
import { HUB_ORIGIN, type DocRegistry } from './DocRegistry.js';

/**
 * Keeps the `results` document derived from the event and every judge's sheets. A change marks
 * what it touched stale; one recompute per event-loop tick ranks again only the categories whose
 * sheets changed (a committed value touches one) and writes only what moved.
 */
export class ResultsUpdater {
  private event: JudgingEvent | null = null;
  private readonly sheets = new Map<string, ReadonlyMap<string, ScoreSheet>>();
  /** Categories with a changed sheet since the last recompute; every one while `allStale`. */
  private readonly staleCategories = new Set<string>();
  private allStale = true;
  private readonly ranked = new Map<string, CategoryResult>();
  private readonly watched = new Set<string>();
  private scheduled: NodeJS.Immediate | null = null;
  private stopped = false;

  constructor(private readonly registry: DocRegistry) {
    registry.get(EVENT_DOC).doc.on('update', () => {
      this.event = null;
      this.allStale = true;
      this.schedule();
    });
    this.recompute();
  }

  /** Recomputes now; normally called on the next tick after a change. */
  recompute(): void {
    this.scheduled = null;
    const event = (this.event ??= readEvent(this.registry.get(EVENT_DOC).doc));
    if (!event.settings.id) return;
    for (const judge of event.judges) this.watch(judge.id);
    const byJudge = new Map<string, ReadonlyMap<string, ScoreSheet>>();
    for (const judge of event.judges) {
      let sheets = this.sheets.get(judge.id);
      if (!sheets) {
        sheets = readSheets(this.registry.get(sheetsDocName(judge.id)).doc);
        this.sheets.set(judge.id, sheets);
      }
      byJudge.set(judge.id, sheets);
    }
    const stale = this.allStale ? null : new Set(this.staleCategories);
    this.allStale = false;
    this.staleCategories.clear();
    if (stale?.size === 0) return;
    if (!stale) this.ranked.clear();
    const categories = event.categories.map((category) => {
      const kept = stale && !stale.has(category.id) ? this.ranked.get(category.id) : undefined;
      const result = kept ?? rankCategory(event, category, byJudge);
      this.ranked.set(category.id, result);
      return result;
    });
    writeResults(
      this.registry.get(RESULTS_DOC).doc,
      { eventId: event.settings.id, eventName: event.settings.name, categories },
      HUB_ORIGIN,
      stale ?? undefined,
    );
  }

  /** No recompute after this, even for changes committed while the hub shuts down. */
  stop(): void {
    this.stopped = true;
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
  }

  private watch(judgeId: string): void {
    if (this.watched.has(judgeId)) return;
    this.watched.add(judgeId);
    sheetEntries(this.registry.get(sheetsDocName(judgeId)).doc).observe((change) => {
      this.sheets.delete(judgeId);
      for (const key of change.keysChanged) {
        const entry: unknown = change.target.get(key);
        const categoryId = (entry as { categoryId?: unknown } | undefined)?.categoryId;
        // A removed or malformed entry does not say its category: rank them all again.
        if (typeof categoryId === 'string') this.staleCategories.add(categoryId);
        else this.allStale = true;
      }
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.stopped) return;
    this.scheduled ??= setImmediate(() => this.recompute());
  }
}
