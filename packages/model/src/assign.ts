import { assignmentKey, type Assignment, type JudgingEvent } from './event.js';
import { scheduleSessions, type ScheduleOptions } from './assignSchedule.js';
import { seededRandom, shuffled } from './seededRandom.js';

/**
 * The assignment generator: which judges see which team in which category, and optionally when
 * and where. Pure and deterministic for a seed, so a preview shows exactly what will be written.
 *
 * - Every (team, category) gets `judgesPerTeam` different judges, never a removed judge and never
 *   one who declared a conflict of interest with the team.
 * - Judges' loads (all their assignments, other categories included) are as even as conflicts
 *   allow: after a greedy start, an assignment is passed along a chain of judges from a judge with
 *   load L to one with load ≤ L − 2 while such a chain exists; when none does, no even spread is
 *   possible (the flow argument for balanced semi-matchings).
 * - With a schedule (assignSchedule.ts), each (team, category) is one session: its judges and the team together in
 *   one room for one slot; no judge, team or room is in two sessions at once.
 */

export interface AssignOptions {
  /** The categories to (re)assign; every other category's assignments stay as they are. */
  categoryIds: string[];
  /** Judges per team and category (k). */
  judgesPerTeam: number;
  seed: number;
  /** Keep current assignments of these keys (assignmentKey): the ones whose sheets hold values. */
  keepKeys?: ReadonlySet<string>;
  schedule?: ScheduleOptions | null;
}

export type PlanProblem =
  | { kind: 'invalid-options'; severity: 'error'; message: string }
  | {
      kind: 'too-few-judges';
      severity: 'warning';
      teamId: string;
      categoryId: string;
      needed: number;
      available: number;
      message: string;
    }
  | {
      kind: 'kept-despite-conflict';
      severity: 'warning';
      judgeId: string;
      teamId: string;
      categoryId: string;
      message: string;
    };

export interface JudgeLoad {
  judgeId: string;
  count: number;
}

export interface Coverage {
  teamId: string;
  categoryId: string;
  judges: number;
  needed: number;
}

export interface AssignmentPlan {
  /** Every assignment of the event once the plan is written (other categories untouched). */
  assignments: Assignment[];
  /** Assignments to write: new ones and ones whose room or slot changed. */
  written: Assignment[];
  /** Current assignments the plan drops. */
  removed: Assignment[];
  /** Current assignments kept as they are (scored, in the chosen categories). */
  kept: Assignment[];
  problems: PlanProblem[];
  /** Every judge who is not removed or has assignments, in the event's order. */
  load: JudgeLoad[];
  /** Every (team, category) of the chosen categories. */
  coverage: Coverage[];
  /** When the last new session ends (ms since epoch), when scheduled. */
  endsAt: number | null;
}

export const MAX_JUDGES_PER_TEAM = 20;

/** What is wrong with the options, in words the organiser can act on; empty when fine. */
export function checkAssignOptions(event: JudgingEvent, options: AssignOptions): string[] {
  const errors: string[] = [];
  const k = options.judgesPerTeam;
  if (!Number.isInteger(k) || k < 1 || k > MAX_JUDGES_PER_TEAM)
    errors.push(`Judges per team must be a whole number from 1 to ${MAX_JUDGES_PER_TEAM}.`);
  if (options.categoryIds.length === 0) errors.push('Choose at least one category.');
  for (const id of options.categoryIds)
    if (!event.categories.some((c) => c.id === id)) errors.push(`There is no category "${id}".`);
  if (!Number.isInteger(options.seed)) errors.push('The seed must be a whole number.');
  if (!event.judges.some((j) => !j.removed)) errors.push('The event has no judges to assign.');
  const s = options.schedule;
  if (s) {
    if (!Number.isFinite(s.start)) errors.push('Give the time the first slot starts.');
    if (!Number.isInteger(s.slotMinutes) || s.slotMinutes < 1 || s.slotMinutes > 600)
      errors.push('The slot length must be a whole number of minutes from 1 to 600.');
    if (!Number.isInteger(s.gapMinutes) || s.gapMinutes < 0 || s.gapMinutes > 600)
      errors.push('The gap between slots must be a whole number of minutes from 0 to 600.');
    const seen = new Set<string>();
    for (const room of s.rooms) {
      if (room.trim() === '' || room !== room.trim())
        errors.push('Room names must not be blank or start or end with spaces.');
      else if (seen.has(room)) errors.push(`The room "${room}" is listed twice.`);
      seen.add(room);
    }
  }
  return errors;
}

interface Pair {
  teamId: string;
  categoryId: string;
  /** Judges (indices) on this pair that the generator may not move: kept assignments. */
  fixed: Set<number>;
  need: number;
  eligible: number[];
  chosen: Set<number>;
}

export function generateAssignments(event: JudgingEvent, options: AssignOptions): AssignmentPlan {
  const errors = checkAssignOptions(event, options);
  const chosenCategories = new Set(options.categoryIds);
  if (errors.length > 0) {
    return {
      assignments: event.assignments,
      written: [],
      removed: [],
      kept: [],
      problems: errors.map((message) => ({ kind: 'invalid-options', severity: 'error', message })),
      load: loadOf(event, event.assignments),
      coverage: [],
      endsAt: null,
    };
  }
  const random = seededRandom(options.seed);
  const k = options.judgesPerTeam;
  const judges = event.judges;
  const judgeIndex = new Map(judges.map((j, i) => [j.id, i]));
  // A seeded rank breaks ties between equally loaded judges.
  const rank = new Map(
    shuffled(
      judges.map((_, i) => i),
      random,
    ).map((j, r) => [j, r]),
  );
  const problems: PlanProblem[] = [];
  const keepKeys = options.keepKeys ?? new Set<string>();

  const untouched: Assignment[] = [];
  const kept: Assignment[] = [];
  const current = new Map<string, Assignment>();
  for (const a of event.assignments) {
    if (!chosenCategories.has(a.categoryId)) untouched.push(a);
    else {
      current.set(assignmentKey(a), a);
      if (keepKeys.has(assignmentKey(a))) kept.push(a);
    }
  }
  const load = judges.map(() => 0);
  for (const a of [...untouched, ...kept]) {
    const j = judgeIndex.get(a.judgeId);
    if (j !== undefined) load[j]!++;
  }

  const keptByPair = new Map<string, Assignment[]>();
  for (const a of kept) {
    const key = `${a.teamId}|${a.categoryId}`;
    keptByPair.set(key, [...(keptByPair.get(key) ?? []), a]);
  }
  const teamName = new Map(event.teams.map((t) => [t.id, t.name]));
  const categoryName = new Map(event.categories.map((c) => [c.id, c.name]));
  const pairs: Pair[] = [];
  for (const category of event.categories) {
    if (!chosenCategories.has(category.id)) continue;
    for (const team of event.teams) {
      if (team.withdrawn || !team.categoryIds.includes(category.id)) continue;
      const fixed = new Set<number>();
      for (const a of keptByPair.get(`${team.id}|${category.id}`) ?? []) {
        const j = judgeIndex.get(a.judgeId);
        if (j !== undefined) fixed.add(j);
        const judge = j === undefined ? undefined : judges[j];
        if (judge && (judge.removed || judge.conflicts?.includes(team.id)))
          problems.push({
            kind: 'kept-despite-conflict',
            severity: 'warning',
            judgeId: judge.id,
            teamId: team.id,
            categoryId: category.id,
            message: `${judge.name} keeps team ${team.id} ${team.name} in ${category.name} because the sheet has scores, although ${judge.removed ? 'the judge is removed' : 'they declared a conflict of interest'}.`,
          });
      }
      const eligible = judges
        .map((_, i) => i)
        .filter((i) => !judges[i]!.removed && !judges[i]!.conflicts?.includes(team.id))
        .filter((i) => !fixed.has(i));
      const need = Math.max(0, k - fixed.size);
      if (eligible.length < need) {
        const available = fixed.size + eligible.length;
        problems.push({
          kind: 'too-few-judges',
          severity: 'warning',
          teamId: team.id,
          categoryId: category.id,
          needed: k,
          available,
          message: `Team ${team.id} ${teamName.get(team.id) ?? ''} in ${categoryName.get(category.id) ?? category.id} needs ${k} judges but only ${available} ${available === 1 ? 'judge has' : 'judges have'} no conflict with it: add judges, or lower the judges per team.`,
        });
      }
      pairs.push({
        teamId: team.id,
        categoryId: category.id,
        fixed,
        need,
        eligible,
        chosen: new Set(),
      });
    }
  }

  // Greedy start: the most constrained pairs first, each to its least loaded eligible judges.
  const order = shuffled(
    pairs.map((_, i) => i),
    random,
  ).sort(
    (x, y) =>
      pairs[x]!.eligible.length - pairs[x]!.need - (pairs[y]!.eligible.length - pairs[y]!.need),
  );
  for (const p of order) {
    const pair = pairs[p]!;
    const picks = [...pair.eligible]
      .sort((x, y) => load[x]! - load[y]! || rank.get(x)! - rank.get(y)!)
      .slice(0, pair.need);
    for (const j of picks) {
      pair.chosen.add(j);
      load[j]!++;
    }
  }
  rebalance(pairs, load, judges.length, rank);

  const generated: Assignment[] = [];
  for (const pair of pairs)
    for (const j of [...pair.chosen].sort((x, y) => x - y))
      generated.push({ judgeId: judges[j]!.id, teamId: pair.teamId, categoryId: pair.categoryId });
  let endsAt: number | null = null;
  if (options.schedule)
    endsAt = scheduleSessions(generated, [...untouched, ...kept], options.schedule, random);

  const next = new Map<string, Assignment>();
  for (const a of [...kept, ...generated]) next.set(assignmentKey(a), a);
  const removed = [...current.values()].filter((a) => !next.has(assignmentKey(a)));
  const written = generated.filter((a) => {
    const before = current.get(assignmentKey(a));
    return !before || JSON.stringify(before) !== JSON.stringify(a);
  });
  const assignments = [...untouched, ...next.values()];
  const coverage = pairs.map((pair) => ({
    teamId: pair.teamId,
    categoryId: pair.categoryId,
    judges: pair.fixed.size + pair.chosen.size,
    needed: k,
  }));
  return {
    assignments,
    written,
    removed,
    kept,
    problems,
    load: loadOf(event, assignments),
    coverage,
    endsAt,
  };
}

function loadOf(event: JudgingEvent, assignments: readonly Assignment[]): JudgeLoad[] {
  const counts = new Map<string, number>();
  for (const a of assignments) counts.set(a.judgeId, (counts.get(a.judgeId) ?? 0) + 1);
  return event.judges
    .filter((j) => !j.removed || counts.has(j.id))
    .map((j) => ({ judgeId: j.id, count: counts.get(j.id) ?? 0 }));
}

/**
 * Moves assignments along chains of judges until no judge with load L can pass one, through a
 * chain, to a judge with load ≤ L − 2. Each move lowers the sum of squared loads, so it ends.
 */
function rebalance(pairs: Pair[], load: number[], judgeCount: number, rank: Map<number, number>) {
  const held: Set<number>[] = Array.from({ length: judgeCount }, () => new Set());
  pairs.forEach((pair, p) => {
    for (const j of pair.chosen) held[j]!.add(p);
  });
  /** One chain from judge `a` to a judge with at least two fewer, applied; false when none. */
  const passOn = (a: number): boolean => {
    const via = new Map<number, { pair: number; from: number }>();
    const seenPairs = new Set<number>();
    const queue = [a];
    for (let q = 0; q < queue.length; q++) {
      const j = queue[q]!;
      for (const p of held[j]!) {
        if (seenPairs.has(p)) continue;
        seenPairs.add(p);
        const pair = pairs[p]!;
        for (const b of pair.eligible) {
          if (b === a || via.has(b) || pair.chosen.has(b)) continue;
          via.set(b, { pair: p, from: j });
          if (load[b]! > load[a]! - 2) {
            queue.push(b);
            continue;
          }
          for (let to = b; to !== a;) {
            const step = via.get(to)!;
            const moved = pairs[step.pair]!;
            moved.chosen.delete(step.from);
            moved.chosen.add(to);
            held[step.from]!.delete(step.pair);
            held[to]!.add(step.pair);
            to = step.from;
          }
          load[a]!--;
          load[b]!++;
          return true;
        }
      }
    }
    return false;
  };
  for (;;) {
    const sources = load
      .map((_, j) => j)
      .sort((x, y) => load[y]! - load[x]! || rank.get(x)! - rank.get(y)!);
    let moved = false;
    for (const a of sources) while (passOn(a)) moved = true;
    if (!moved) return;
  }
}
