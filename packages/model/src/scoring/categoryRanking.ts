import type { Aggregation, Category, JudgingEvent, ScoringRules } from '../event.js';
import type { CategoryResult, MethodRanking, TeamStanding } from '../ranking.js';
import { maxScore } from '../ranking.js';
import { categoryValues, setTeamValues, type CategoryValues } from './categoryValues.js';
import { methodsSideBySide } from './methodsSideBySide.js';
import { resolveRules } from './rules.js';
import { orderStandings, teamStanding } from './standings.js';
import {
  assignedJudges,
  enteredTeams,
  teamSheets,
  type SheetsByJudge,
  type TeamSheets,
} from './teamSheets.js';

type MethodStanding = MethodRanking['standings'][number];

/**
 * Ranks one category, keeping what it computed per team so that ranking it again after some teams'
 * sheets changed recomputes only those teams: their counted sheets, values and standing under each
 * method. The ordering itself is redone (a sort of the category's teams). The hub re-ranks after
 * every committed value; this keeps that proportional to what changed (docs/PERFORMANCE.md).
 *
 * The result is exactly `rankCategory`'s (which is this with nothing kept). Everything is computed
 * again when the event or category object is another one, when the caller does not say which teams
 * changed, or under z-score normalisation (a team's values depend on every team its judges scored).
 *
 * Objects in the result are the same objects as in the previous result wherever nothing about them
 * changed (a standing with the same row and rank, a method's entry for it), so a writer can tell
 * what moved by identity (`writeResults` with `previous`).
 */
export class CategoryRanking {
  private event: JudgingEvent | null = null;
  private category: Category | null = null;
  private rules!: ScoringRules;
  private judgesOf = new Map<string, string[]>();
  /** Entered teams in the event's order, each with its counted sheets. */
  private teams: TeamSheets[] = [];
  private values!: CategoryValues;
  /** Per method, per team: its standing before ranking. */
  private rows = new Map<Aggregation, Map<string, TeamStanding>>();
  /** A row's ranked standing last time (reused while its rank is the same). */
  private rankedOf = new WeakMap<TeamStanding, TeamStanding>();
  /** A ranked standing's entry in its method's list. */
  private entryOf = new WeakMap<TeamStanding, MethodStanding>();

  /**
   * `changedTeams`: the teams whose sheets changed since the last call (for this event and
   * category object); omitted, everything is computed again.
   */
  rank(
    event: JudgingEvent,
    category: Category,
    sheetsByJudge: SheetsByJudge,
    changedTeams?: ReadonlySet<string>,
  ): CategoryResult {
    const rules = resolveRules(category);
    const incremental =
      changedTeams !== undefined &&
      event === this.event &&
      category === this.category &&
      rules.normalisation !== 'z-score';
    if (!incremental) this.reset(event, category, rules, sheetsByJudge);
    else this.update(changedTeams, sheetsByJudge);

    const published = this.standingsUnder(rules.aggregation);
    const side = methodsSideBySide(
      rules,
      published,
      (aggregation) => this.standingsUnder(aggregation),
      (s) => this.methodEntry(s),
    );
    let sheetsSubmitted = 0;
    let sheetsAssigned = 0;
    for (const t of this.teams) {
      sheetsSubmitted += t.sheets.length;
      sheetsAssigned += t.judgesAssigned.length;
    }
    return {
      categoryId: category.id,
      categoryName: category.name,
      order: category.order,
      maxScore: maxScore(category),
      standings: published,
      sheetsSubmitted,
      sheetsAssigned,
      rules,
      methods: side.methods,
      topNChangesWithMethod: side.topNChangesWithMethod,
    };
  }

  private reset(
    event: JudgingEvent,
    category: Category,
    rules: ScoringRules,
    sheetsByJudge: SheetsByJudge,
  ): void {
    this.event = event;
    this.category = category;
    this.rules = rules;
    this.judgesOf = assignedJudges(event, category);
    this.teams = enteredTeams(event, category).map((team) =>
      teamSheets(category, team, this.judgesOf.get(team.id) ?? [], sheetsByJudge),
    );
    this.values = categoryValues(category, this.teams, rules.normalisation);
    this.rows.clear();
  }

  private update(changedTeams: ReadonlySet<string>, sheetsByJudge: SheetsByJudge): void {
    if (changedTeams.size === 0) return;
    const category = this.category!;
    this.teams = this.teams.map((t) => {
      if (!changedTeams.has(t.team.id)) return t;
      const fresh = teamSheets(category, t.team, t.judgesAssigned, sheetsByJudge);
      setTeamValues(this.values, fresh);
      for (const rows of this.rows.values()) rows.delete(t.team.id);
      return fresh;
    });
  }

  /** The category's standings under `aggregation`, other rules as the category's. */
  private standingsUnder(aggregation: Aggregation): TeamStanding[] {
    let rows = this.rows.get(aggregation);
    if (!rows) this.rows.set(aggregation, (rows = new Map()));
    const rules =
      aggregation === this.rules.aggregation ? this.rules : { ...this.rules, aggregation };
    const all = this.teams.map((t) => {
      let row = rows.get(t.team.id);
      if (!row) rows.set(t.team.id, (row = teamStanding(this.category!, t, this.values, rules)));
      return row;
    });
    // Teams awaiting scores are listed as their row itself; ranked ones as a copy with the rank.
    return orderStandings(all).map((s) => {
      if (s.rank === null) return s;
      const row = rows.get(s.teamId)!;
      const before = this.rankedOf.get(row);
      if (before?.rank === s.rank) return before;
      this.rankedOf.set(row, s);
      return s;
    });
  }

  private methodEntry(s: TeamStanding & { rank: number; score: number }): MethodStanding {
    let entry = this.entryOf.get(s);
    if (!entry) this.entryOf.set(s, (entry = { teamId: s.teamId, rank: s.rank, score: s.score }));
    return entry;
  }
}
