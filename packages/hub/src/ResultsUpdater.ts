import {
  computeProgress,
  writeProgress,
  EVENT_DOC,
  RESULTS_DOC,
  notAcceptedIds,
  readEvent,
  CategoryRanking,
  readSheets,
  sheetEntries,
  sheetKey,
  sheetsDocName,
  writeResults,
  type CategoryResult,
  type JudgingEvent,
  type ScoreSheet,
} from '@judgehub/model';
import { HUB_ORIGIN, type DocRegistry } from './DocRegistry.js';

/** Longest pause between two recomputes while changes keep coming. */
const MAX_PAUSE_MS = 200;
/**
 * Shortest pause between two recomputes while changes keep coming: each recompute is a results
 * update stored in SQLite and sent to every scoreboard and organiser page, so at most 100 a second
 * whatever the commit rate (docs/PERFORMANCE.md).
 */
const MIN_PAUSE_MS = 10;
/** Recent recomputes whose cost sets the pause (their median, see `schedule`). */
const COSTS_KEPT = 5;

/**
 * Keeps the `results` document derived from the event and every judge's sheets. A change marks
 * what it touched stale; one recompute ranks again only the categories whose sheets changed (a
 * committed value touches one), recomputing only the changed teams in them (`CategoryRanking`),
 * and writes only what moved. A change after a quiet moment is ranked on the next tick; while
 * changes keep coming, recomputes are paced (see `schedule`), each taking in every change
 * committed since the last.
 */
export class ResultsUpdater {
  private event: JudgingEvent | null = null;
  private readonly sheets = new Map<string, ReadonlyMap<string, ScoreSheet>>();
  /** Per judge, the sheets changed since they were read (`all`: read every one again). */
  private readonly changedSheets = new Map<string, Set<string> | 'all'>();
  /** Categories with a changed sheet since the last recompute; every one while `allStale`. */
  private readonly staleCategories = new Set<string>();
  /** Per category, the teams with a changed sheet since the last recompute. */
  private readonly changedTeams = new Map<string, Set<string>>();
  private allStale = true;
  private readonly ranked = new Map<string, CategoryResult>();
  private readonly rankings = new Map<string, CategoryRanking>();
  /** The categories as last written to the results document; null: compare everything. */
  private written: ReadonlyMap<string, CategoryResult> | null = null;
  private readonly watched = new Set<string>();
  private scheduled: { cancel(): void } | null = null;
  /** performance.now() before which the next recompute waits (set by recent recomputes' cost). */
  private nextAllowedAt = 0;
  /** How long the last few recomputes took (ms), newest last. */
  private readonly recentCosts: number[] = [];
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
      const changed = this.changedSheets.get(judge.id);
      if (!sheets || changed) {
        // Values held aside after a lock (lockGuard.ts) are stored but not counted.
        const held = notAcceptedIds(this.registry.get(RESULTS_DOC).doc, judge.id);
        const read = readSheets(this.registry.get(sheetsDocName(judge.id)).doc, held);
        sheets =
          sheets && changed && changed !== 'all' ? keepUnchanged(sheets, read, changed) : read;
        this.sheets.set(judge.id, sheets);
        this.changedSheets.delete(judge.id);
      }
      byJudge.set(judge.id, sheets);
    }
    const stale = this.allStale ? null : new Set(this.staleCategories);
    const changedTeams = stale ? new Map(this.changedTeams) : null;
    this.allStale = false;
    this.staleCategories.clear();
    this.changedTeams.clear();
    if (stale?.size === 0) return;
    if (!stale) {
      this.ranked.clear();
      for (const id of this.rankings.keys())
        if (!event.categories.some((c) => c.id === id)) this.rankings.delete(id);
    }
    const categories = event.categories.map((category) => {
      const kept = stale && !stale.has(category.id) ? this.ranked.get(category.id) : undefined;
      if (kept) return kept;
      let ranking = this.rankings.get(category.id);
      if (!ranking) this.rankings.set(category.id, (ranking = new CategoryRanking()));
      const teams = changedTeams ? (changedTeams.get(category.id) ?? new Set<string>()) : undefined;
      const result = ranking.rank(event, category, byJudge, teams);
      this.ranked.set(category.id, result);
      return result;
    });
    const resultsDoc = this.registry.get(RESULTS_DOC).doc;
    const previous = this.written;
    this.written = null;
    // Results and per-sheet progress (model progress.ts) go out as one update.
    resultsDoc.transact(() => {
      writeResults(
        resultsDoc,
        { eventId: event.settings.id, eventName: event.settings.name, categories },
        HUB_ORIGIN,
        stale ?? undefined,
        previous ?? undefined,
      );
      // The same event: only the changed teams' progress can have moved.
      const progress = computeProgress(
        event,
        byJudge,
        stale ?? undefined,
        changedTeams ?? undefined,
      );
      writeProgress(resultsDoc, progress, HUB_ORIGIN, stale ?? undefined, !changedTeams);
    }, HUB_ORIGIN);
    this.written = new Map(categories.map((c) => [c.categoryId, c]));
  }

  /** No recompute after this, even for changes committed while the hub shuts down. */
  stop(): void {
    this.stopped = true;
    this.scheduled?.cancel();
    this.scheduled = null;
  }

  private watch(judgeId: string): void {
    if (this.watched.has(judgeId)) return;
    this.watched.add(judgeId);
    sheetEntries(this.registry.get(sheetsDocName(judgeId)).doc).observe((change) => {
      let changed = this.changedSheets.get(judgeId) ?? new Set<string>();
      for (const key of change.keysChanged) {
        const entry: unknown = change.target.get(key);
        const { categoryId, teamId } = (entry ?? {}) as { categoryId?: unknown; teamId?: unknown };
        if (typeof categoryId === 'string' && typeof teamId === 'string') {
          this.staleCategories.add(categoryId);
          let teams = this.changedTeams.get(categoryId);
          if (!teams) this.changedTeams.set(categoryId, (teams = new Set()));
          teams.add(teamId);
          if (changed !== 'all') changed.add(sheetKey(teamId, categoryId));
        } else {
          // A removed or malformed entry does not say its team: rank everything again.
          this.allStale = true;
          changed = 'all';
        }
      }
      this.changedSheets.set(judgeId, changed);
      this.schedule();
    });
  }

  /**
   * Ranking after every commit took most of the hub's CPU at 200 commits/s (docs/PERFORMANCE.md).
   * So after a recompute the next one waits three times as long as recomputes take: ranking uses
   * at most about a quarter of the hub's time, and the wait grows by itself when the machine is
   * busy. "As long as recomputes take" is the median of the last few: one recompute that a
   * garbage collection or a busy disk happened to stretch (up to 90 ms against a usual 7) made the
   * next change wait three times that, most of the scoreboard's p99. The wait is at least
   * `MIN_PAUSE_MS` (ranking only the changed teams takes 1–2 ms: without a floor every commit
   * became a results update for every scoreboard) and at most `MAX_PAUSE_MS`.
   */
  private schedule(): void {
    if (this.stopped || this.scheduled) return;
    const run = () => {
      const startedAt = performance.now();
      this.recompute();
      this.recentCosts.push(performance.now() - startedAt);
      if (this.recentCosts.length > COSTS_KEPT) this.recentCosts.shift();
      const usual = median(this.recentCosts);
      this.nextAllowedAt =
        performance.now() + Math.min(MAX_PAUSE_MS, Math.max(MIN_PAUSE_MS, 3 * usual));
    };
    const wait = this.nextAllowedAt - performance.now();
    if (wait <= 0) {
      const immediate = setImmediate(run);
      this.scheduled = { cancel: () => clearImmediate(immediate) };
    } else {
      const timer = setTimeout(run, wait);
      this.scheduled = { cancel: () => clearTimeout(timer) };
    }
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The judge's sheets as just `read`, but the same objects as before for every sheet not in
 * `changed`. A judge's sheets are cached between their commits (seconds), long enough for the
 * garbage collector to move them to the old generation: replacing all of them at every commit made
 * the hub's memory climb by hundreds of MB at 200 commits/s (docs/PERFORMANCE.md). Unchanged
 * sheets also keep their counted totals (scoring/teamSheets.ts).
 */
function keepUnchanged(
  before: ReadonlyMap<string, ScoreSheet>,
  read: ReadonlyMap<string, ScoreSheet>,
  changed: ReadonlySet<string>,
): ReadonlyMap<string, ScoreSheet> {
  const kept = new Map<string, ScoreSheet>();
  for (const [key, sheet] of read)
    kept.set(key, changed.has(key) ? sheet : (before.get(key) ?? sheet));
  return kept;
}
