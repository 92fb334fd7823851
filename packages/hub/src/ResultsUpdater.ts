import {
  EVENT_DOC,
  RESULTS_DOC,
  computeResults,
  readEvent,
  readSheets,
  sheetsDocName,
  writeResults,
  type JudgingEvent,
  type ScoreSheet,
} from '@judgehub/model';
import { HUB_ORIGIN, type DocRegistry } from './DocRegistry.js';

/**
 * Keeps the `results` document derived from the event and every judge's sheets. A change marks
 * what it touched stale; one recompute per event-loop tick writes only the categories that moved.
 */
export class ResultsUpdater {
  private event: JudgingEvent | null = null;
  private readonly sheets = new Map<string, ReadonlyMap<string, ScoreSheet>>();
  private readonly watched = new Set<string>();
  private scheduled: NodeJS.Immediate | null = null;
  private stopped = false;

  constructor(private readonly registry: DocRegistry) {
    registry.get(EVENT_DOC).doc.on('update', () => {
      this.event = null;
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
    writeResults(this.registry.get(RESULTS_DOC).doc, computeResults(event, byJudge), HUB_ORIGIN);
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
    this.registry.get(sheetsDocName(judgeId)).doc.on('update', () => {
      this.sheets.delete(judgeId);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.stopped) return;
    this.scheduled ??= setImmediate(() => this.recompute());
  }
}
