import { assignmentKey, type JudgingEvent } from './event.js';

const MINUTE = 60_000;

export type AssignmentWarning =
  | { kind: 'conflict-of-interest'; key: string; message: string }
  | { kind: 'removed-judge'; key: string; message: string }
  | { kind: 'judge-double-booked'; key: string; message: string }
  | { kind: 'team-double-booked'; key: string; message: string }
  | { kind: 'room-double-booked'; key: string; message: string };

/**
 * What is wrong with a set of assignments as they stand (after hand edits): conflicts of
 * interest, removed judges, and a judge, team or room in two places at once. One warning per
 * offending pair of assignments, keyed by the later one.
 */
export function assignmentWarnings(
  event: JudgingEvent,
  formatTime: (ms: number) => string = utcClock,
): AssignmentWarning[] {
  const warnings: AssignmentWarning[] = [];
  const judge = new Map(event.judges.map((j) => [j.id, j]));
  const team = new Map(event.teams.map((t) => [t.id, t]));
  const category = new Map(event.categories.map((c) => [c.id, c]));
  const teamLabel = (id: string) => `team ${id}${team.get(id) ? ` ${team.get(id)!.name}` : ''}`;
  const judgeLabel = (id: string) => judge.get(id)?.name ?? id;
  const catLabel = (id: string) => category.get(id)?.name ?? id;
  const timed = event.assignments.filter((a) => a.slot);
  for (const a of event.assignments) {
    const key = assignmentKey(a);
    const j = judge.get(a.judgeId);
    if (j?.conflicts?.includes(a.teamId))
      warnings.push({
        kind: 'conflict-of-interest',
        key,
        message: `${judgeLabel(a.judgeId)} declared a conflict of interest with ${teamLabel(a.teamId)} but judges it in ${catLabel(a.categoryId)}.`,
      });
    if (j?.removed)
      warnings.push({
        kind: 'removed-judge',
        key,
        message: `${judgeLabel(a.judgeId)} is removed but still has ${teamLabel(a.teamId)} in ${catLabel(a.categoryId)}.`,
      });
  }
  timed.sort(
    (x, y) => x.slot!.start - y.slot!.start || assignmentKey(x).localeCompare(assignmentKey(y)),
  );
  for (let i = 0; i < timed.length; i++) {
    const a = timed[i]!;
    for (let n = i + 1; n < timed.length; n++) {
      const b = timed[n]!;
      if (b.slot!.start >= a.slot!.start + a.slot!.minutes * MINUTE) break;
      const sameSession = a.teamId === b.teamId && a.categoryId === b.categoryId;
      const at = formatTime(b.slot!.start);
      if (a.judgeId === b.judgeId)
        warnings.push({
          kind: 'judge-double-booked',
          key: assignmentKey(b),
          message: `${judgeLabel(b.judgeId)} is in two places at ${at}: ${teamLabel(a.teamId)} (${catLabel(a.categoryId)}) and ${teamLabel(b.teamId)} (${catLabel(b.categoryId)}).`,
        });
      if (!sameSession && a.teamId === b.teamId)
        warnings.push({
          kind: 'team-double-booked',
          key: assignmentKey(b),
          message: `${teamLabel(b.teamId)} is in two places at ${at}: ${catLabel(a.categoryId)} and ${catLabel(b.categoryId)}.`,
        });
      if (!sameSession && a.room !== undefined && a.room === b.room)
        warnings.push({
          kind: 'room-double-booked',
          key: assignmentKey(b),
          message: `${a.room} holds two sessions at ${at}: ${teamLabel(a.teamId)} (${catLabel(a.categoryId)}) and ${teamLabel(b.teamId)} (${catLabel(b.categoryId)}).`,
        });
    }
  }
  // Three judges of one session double-booking a room would say it three times.
  const seen = new Set<string>();
  return warnings.filter((w) => !seen.has(w.message) && seen.add(w.message));
}

/** hh:mm in UTC: model code has no time zone; the UI passes its own local format. */
function utcClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}
