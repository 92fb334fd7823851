import * as Y from 'yjs';
import type {
  Assignment,
  Category,
  Criterion,
  JudgingEvent,
  ScoringRules,
  Team,
} from '../event.js';
import { rankCategory, type CategoryResult } from '../ranking.js';
import { commitField, criterionField, readSheets, type ScoreSheet } from '../sheetDoc.js';

/** Test helpers for the scoring engine: events and sheets built through the real code paths. */

export function criterion(
  id: string,
  { min = 0, max = 10, step = 1, weight = 1, required = true } = {},
): Criterion {
  return { id, label: id, description: '', min, max, step, weight, required };
}

export function category(
  criteria: Criterion[],
  scoring: Partial<ScoringRules> = {},
  id = 'robot',
): Category {
  return { id, name: id, order: 1, criteria, scoring };
}

export function team(id: string, name: string, categoryIds = ['robot'], withdrawn = false): Team {
  return { id, name, categoryIds, withdrawn };
}

export function assign(teamId: string, judgeIds: string[], categoryId = 'robot'): Assignment[] {
  return judgeIds.map((judgeId) => ({ judgeId, teamId, categoryId }));
}

export function eventOf(
  categories: Category[],
  teams: Team[],
  assignments: Assignment[],
): JudgingEvent {
  const judgeIds = [...new Set(assignments.map((a) => a.judgeId))];
  return {
    settings: { id: 'regional', name: 'Regional' },
    categories,
    teams,
    judges: judgeIds.map((id) => ({ id, name: `Judge ${id}` })),
    assignments,
  };
}

/** Each judge's sheets document, written the way a tablet writes it (commitField). */
export class Tablets {
  private readonly docs = new Map<string, Y.Doc>();
  private clock = 1_000;

  private doc(judgeId: string): Y.Doc {
    let doc = this.docs.get(judgeId);
    if (!doc) this.docs.set(judgeId, (doc = new Y.Doc()));
    return doc;
  }

  /** `values` by criterion id; a criterion not given is left blank. */
  score(
    judgeId: string,
    teamId: string,
    values: Record<string, number>,
    { submit = true, categoryId = 'robot' } = {},
  ): this {
    const doc = this.doc(judgeId);
    const base = { teamId, categoryId, author: judgeId, device: `tablet-${judgeId}` };
    for (const [criterionId, value] of Object.entries(values)) {
      commitField(doc, { ...base, field: criterionField(criterionId), value, at: this.clock++ });
    }
    if (submit)
      commitField(doc, { ...base, field: 'status', value: 'submitted', at: this.clock++ });
    return this;
  }

  sheets(): Map<string, Map<string, ScoreSheet>> {
    return new Map([...this.docs].map(([judgeId, doc]) => [judgeId, readSheets(doc)]));
  }
}

/** Scores a whole panel: `sheets[judgeId][teamId]` = values; every judge is assigned. */
export function rankPanel(
  cat: Category,
  teams: Team[],
  sheets: Record<string, Record<string, Record<string, number>>>,
): CategoryResult {
  const tablets = new Tablets();
  const assignments: Assignment[] = [];
  for (const [judgeId, byTeam] of Object.entries(sheets)) {
    for (const [teamId, values] of Object.entries(byTeam)) {
      tablets.score(judgeId, teamId, values, { categoryId: cat.id });
      assignments.push({ judgeId, teamId, categoryId: cat.id });
    }
  }
  return rankCategory(eventOf([cat], teams, assignments), cat, tablets.sheets());
}

/** The standings as [team name, rank, score] rows: what a scoreboard shows. */
export const table = (result: CategoryResult): [string, number | null, number | null][] =>
  result.standings.map((s) => [s.teamName, s.rank, s.score]);
