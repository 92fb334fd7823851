import type * as Y from 'yjs';
import type { JudgingEvent } from './event.js';
import { controlMaps } from './controlDoc.js';
import type { TeamStanding } from './ranking.js';
import { maxScore } from './ranking.js';
import { sheetKey } from './sheetDoc.js';
import { aggregate } from './scoring/aggregate.js';
import { countSheet, isCounted } from './scoring/countedSheet.js';
import { roundHalfAwayFromZero } from './scoring/round.js';
import { resolveRules, trimmedMeanK } from './scoring/rules.js';
import type { SheetsByJudge } from './scoring/teamSheets.js';

/**
 * What a team sees of its own judging once the organiser releases results: per category, each
 * criterion's value aggregated across its counted sheets by the category's rules, its published
 * score and rank, and the judges' comments without their names. Built on the hub for one team
 * at a time (GET /api/team/feedback); teams never open a document.
 */

export interface CriterionFeedback {
  criterionId: string;
  label: string;
  description: string;
  /** Aggregated over the counted sheets as the category's aggregation says; null if unscored. */
  value: number | null;
  /** The best `value` can be (max × sheets under `sum`). */
  outOf: number;
  /** Sheets that scored this criterion. */
  sheets: number;
}

export interface CategoryFeedback {
  categoryId: string;
  categoryName: string;
  /** The published score and rank (null while awaiting scores). */
  score: number | null;
  rank: number | null;
  maxScore: number;
  /** Sheets that count for the team in this category. */
  sheetsCounted: number;
  aggregation: string;
  criteria: CriterionFeedback[];
  /** The judges' comments from counted sheets, in alphabetical order so no order names a judge. */
  comments: string[];
}

export interface TeamFeedback {
  eventName: string;
  teamId: string;
  teamName: string;
  categories: CategoryFeedback[];
}

/**
 * A team's feedback. `standingOf` gives the team's published standing in a category (from the
 * results document); null when the event has no such team.
 */
export function teamFeedback(
  event: JudgingEvent,
  teamId: string,
  sheetsByJudge: SheetsByJudge,
  standingOf: (categoryId: string) => TeamStanding | undefined,
): TeamFeedback | null {
  const team = event.teams.find((t) => t.id === teamId);
  if (!team) return null;
  const categories = event.categories
    .filter((c) => team.categoryIds.includes(c.id))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    .map((category): CategoryFeedback => {
      const rules = resolveRules(category);
      const judges = new Set(
        event.assignments
          .filter((a) => a.teamId === teamId && a.categoryId === category.id)
          .map((a) => a.judgeId),
      );
      const counted = [...judges].flatMap((judgeId) => {
        const sheet = sheetsByJudge.get(judgeId)?.get(sheetKey(teamId, category.id));
        if (!sheet) return [];
        const c = countSheet(category, sheet);
        return isCounted(c) ? [{ values: c.values, comment: sheet.comment?.value ?? null }] : [];
      });
      const standing = team.withdrawn ? undefined : standingOf(category.id);
      return {
        categoryId: category.id,
        categoryName: category.name,
        score: standing?.score ?? null,
        rank: standing?.rank ?? null,
        maxScore: maxScore(category),
        sheetsCounted: counted.length,
        aggregation: rules.aggregation,
        criteria: category.criteria.map((criterion) => {
          const values = counted.flatMap((s) => {
            const v = s.values.get(criterion.id);
            return v === undefined ? [] : [v];
          });
          const value = aggregate(values, rules.aggregation, trimmedMeanK(rules));
          return {
            criterionId: criterion.id,
            label: criterion.label,
            description: criterion.description,
            value: value === null ? null : roundHalfAwayFromZero(value, rules.decimals),
            outOf:
              rules.aggregation === 'sum'
                ? criterion.max * Math.max(1, values.length)
                : criterion.max,
            sheets: values.length,
          };
        }),
        comments: counted
          .map((s) => (typeof s.comment === 'string' ? s.comment.trim() : ''))
          .filter((c) => c !== '')
          .sort((a, b) => a.localeCompare(b)),
      };
    });
  return { eventName: event.settings.name, teamId, teamName: team.name, categories };
}

/** Whether the organiser has released results to the teams (control document, `release`). */
export interface ResultsRelease {
  released: boolean;
  /** When it was last switched, ms since epoch on the switcher's clock; null if never. */
  at: number | null;
  by: string | null;
}

export function readRelease(doc: Y.Doc): ResultsRelease {
  const release = controlMaps(doc).release;
  const at = release.get('at');
  const by = release.get('by');
  return {
    // Anything but an explicit true is "not released": a malformed value never releases.
    released: release.get('released') === true,
    at: typeof at === 'number' && Number.isFinite(at) ? at : null,
    by: typeof by === 'string' ? by : null,
  };
}

export function setRelease(
  doc: Y.Doc,
  released: boolean,
  by: string,
  origin: unknown = null,
  at = Date.now(),
): void {
  const release = controlMaps(doc).release;
  doc.transact(() => {
    release.set('released', released);
    release.set('at', at);
    release.set('by', by.slice(0, 80));
  }, origin);
}
