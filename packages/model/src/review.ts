import type * as Y from 'yjs';
import type { Category, Criterion, JudgingEvent, Team } from './event.js';
import {
  isSubmitted,
  readSheets,
  sheetKey,
  type FieldState,
  type ScoreSheet,
  type SheetEntry,
} from './sheetDoc.js';
import { isHeadJudgeAuthor } from './sheetAuthor.js';
import { countSheet, isCounted } from './scoring/countedSheet.js';
import {
  CRITERION_OUTLIER_MIN_PANEL,
  CRITERION_OUTLIER_SHARE,
  TOTAL_OUTLIER_SHARE,
  findOutliers,
  type OutlierFlag,
} from './outliers.js';
import { pendingNotAccepted } from './reviewNotAccepted.js';
import type { LockTable } from './locks.js';

/**
 * What the head judge sees for one team in one category: every assigned judge's sheet side by
 * side (criteria × judges), as the hub counts it (values held aside after a lock are left out
 * and listed separately), with conflicts, corrections and outlier flags.
 */

export interface ReviewCell {
  judgeId: string;
  state: FieldState<number> | null;
  /** The shown value is a head judge's correction. */
  correction: boolean;
  outlier: OutlierFlag | null;
}

export interface ReviewRow {
  criterion: Criterion;
  cells: ReviewCell[];
}

export interface ReviewJudge {
  judgeId: string;
  name: string;
  sheet: ScoreSheet | null;
  /** Σ weight × value when every required criterion is scored (submitted or not), else null. */
  total: number | null;
  /** The sheet counts in results (submitted or final, and complete). */
  counted: boolean;
  totalOutlier: OutlierFlag | null;
  /** Values held aside (arrived after a lock) still waiting for Accept or Dismiss. */
  notAccepted: SheetEntry[];
}

export interface TeamReview {
  team: Team;
  category: Category;
  judges: ReviewJudge[];
  rows: ReviewRow[];
  locked: boolean;
  conflicts: number;
  outliers: number;
  notAccepted: number;
  corrections: number;
}

export interface ReviewSources {
  /** judgeId → that judge's sheet document. Judges whose document is not open yet are blank. */
  sheetDocs: ReadonlyMap<string, Y.Doc>;
  /** Entry ids the hub held aside (`notAcceptedIds` of the results document). */
  held: ReadonlySet<string>;
  locks: LockTable;
}

/** The judges assigned to each team of a category, in id order. */
function assignedJudges(event: JudgingEvent, categoryId: string, teamId: string): string[] {
  const ids = new Set(
    event.assignments
      .filter((a) => a.categoryId === categoryId && a.teamId === teamId)
      .map((a) => a.judgeId),
  );
  return [...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

export function reviewTeam(
  event: JudgingEvent,
  category: Category,
  team: Team,
  sources: ReviewSources,
  sheetCache = new Map<string, Map<string, ScoreSheet>>(),
): TeamReview {
  const judges: ReviewJudge[] = assignedJudges(event, category.id, team.id).map((judgeId) => {
    const doc = sources.sheetDocs.get(judgeId);
    let sheets = sheetCache.get(judgeId);
    if (!sheets && doc) sheetCache.set(judgeId, (sheets = readSheets(doc, sources.held)));
    const sheet = sheets?.get(sheetKey(team.id, category.id)) ?? null;
    const complete = sheet ? countSheet(category, { ...sheet, status: 'submitted' }) : null;
    const total = complete && isCounted(complete) ? complete.total : null;
    return {
      judgeId,
      name: event.judges.find((j) => j.id === judgeId)?.name ?? judgeId,
      sheet,
      total,
      counted: total !== null && !!sheet && isSubmitted(sheet.status),
      totalOutlier: null,
      notAccepted: doc ? pendingNotAccepted(doc, sources.held, team.id, category.id) : [],
    };
  });
  const totalRange = category.criteria.reduce((s, c) => s + c.weight * (c.max - c.min), 0);
  const totalFlags = findOutliers(
    judges.flatMap((j) => (j.total === null ? [] : [{ judgeId: j.judgeId, value: j.total }])),
    totalRange,
    TOTAL_OUTLIER_SHARE,
  );
  for (const j of judges) j.totalOutlier = totalFlags.get(j.judgeId) ?? null;

  const rows = category.criteria.map((criterion): ReviewRow => {
    const states = judges.map((j) => ({
      judgeId: j.judgeId,
      state: j.sheet?.values.get(criterion.id) ?? null,
    }));
    const flags = findOutliers(
      states.flatMap(({ judgeId, state }) =>
        typeof state?.value === 'number' ? [{ judgeId, value: state.value }] : [],
      ),
      criterion.max - criterion.min,
      CRITERION_OUTLIER_SHARE,
      CRITERION_OUTLIER_MIN_PANEL,
    );
    return {
      criterion,
      cells: states.map(({ judgeId, state }) => ({
        judgeId,
        state,
        correction: !!state && isHeadJudgeAuthor(state.entry.author),
        outlier: flags.get(judgeId) ?? null,
      })),
    };
  });

  const fieldsOf = (sheet: ScoreSheet | null) =>
    sheet ? [...sheet.values.values(), sheet.comment, sheet.statusState] : [];
  const allFields = judges.flatMap((j) => fieldsOf(j.sheet));
  return {
    team,
    category,
    judges,
    rows,
    locked: sources.locks.isLocked(category.id, team.id),
    conflicts: allFields.filter((f) => f && f.conflicts.length > 0).length,
    outliers:
      rows.reduce((n, r) => n + r.cells.filter((c) => c.outlier).length, 0) + totalFlags.size,
    notAccepted: judges.reduce((n, j) => n + j.notAccepted.length, 0),
    corrections: allFields.filter((f) => f && isHeadJudgeAuthor(f.entry.author)).length,
  };
}

/** Every listed (not withdrawn) team of a category, reviewed. */
export function reviewCategory(
  event: JudgingEvent,
  category: Category,
  sources: ReviewSources,
): TeamReview[] {
  const cache = new Map<string, Map<string, ScoreSheet>>();
  return event.teams
    .filter((t) => !t.withdrawn && t.categoryIds.includes(category.id))
    .map((team) => reviewTeam(event, category, team, sources, cache));
}
