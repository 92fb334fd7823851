import {
  assignmentsOf,
  isSubmitted,
  type Assignment,
  type Category,
  type JudgingEvent,
  type ScoreSheet,
} from '@judgehub/model';
import type { OpenSheet } from './JudgeApp.js';
import { findSheet, sheetProgress } from './sheetProgress.js';
import { useHubNow } from '../scoreboard/useHubNow.js';

const LABEL = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Ready to submit',
  submitted: 'Submitted',
} as const;

const MINUTE = 60_000;

/** A time of day on this tablet's clock face, e.g. 09:20. */
export function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/**
 * My assigned teams. When the organiser scheduled them, in schedule order (slot start, then
 * category and team) with the time and room, the one now or next marked; teams without a time
 * follow, per category as before.
 */
export function AssignmentList(props: {
  judgeId: string;
  event: JudgingEvent;
  sheets: ReadonlyMap<string, ScoreSheet>;
  synced: boolean;
  onOpen: (sheet: OpenSheet) => void;
  /** Hub clock minus this tablet's clock (DocSync's hubTimeOffsetMs), for "now" and "next". */
  hubTimeOffsetMs?: number | null;
}) {
  const { event, sheets } = props;
  const hubNow = useHubNow(props.hubTimeOffsetMs ?? 0, 15_000);
  const mine = assignmentsOf(event, props.judgeId);
  if (mine.length === 0) {
    return (
      <p className="lead pad">
        {props.synced
          ? 'You have no teams assigned yet. The organiser will assign them.'
          : 'Loading your teams…'}
      </p>
    );
  }
  const categoryOrder = new Map(event.categories.map((c, i) => [c.id, i]));
  const timed = mine
    .filter((a) => a.slot)
    .sort(
      (x, y) =>
        x.slot!.start - y.slot!.start ||
        (categoryOrder.get(x.categoryId) ?? 0) - (categoryOrder.get(y.categoryId) ?? 0) ||
        x.teamId.localeCompare(y.teamId, 'en', { numeric: true }),
    );
  const untimed = mine.filter((a) => !a.slot);
  const done = (a: Assignment) => {
    const sheet = findSheet(sheets, a.teamId, a.categoryId);
    return sheet !== undefined && isSubmitted(sheet.status);
  };
  // The one to go to: the first not yet submitted (or final) whose slot has not ended.
  const next = timed.find((a) => !done(a) && a.slot!.start + a.slot!.minutes * MINUTE > hubNow);
  const submitted = mine.filter(done).length;

  const card = (a: Assignment, category: Category, withTime: boolean) => {
    const team = event.teams.find((t) => t.id === a.teamId);
    if (!team) return null;
    const { progress, scored, final } = sheetProgress(
      category,
      findSheet(sheets, a.teamId, a.categoryId),
    );
    const isNext = withTime && a === next;
    const now = isNext && a.slot!.start <= hubNow;
    return (
      <li key={`${a.teamId}|${a.categoryId}`}>
        <button
          className={`team-card team-${progress}${withTime ? ' team-card-timed' : ''}${isNext ? ' team-next' : ''}`}
          data-testid={`team-${a.teamId}-${a.categoryId}`}
          data-next={isNext ? 'true' : undefined}
          onClick={() => props.onOpen({ teamId: a.teamId, categoryId: a.categoryId })}
          disabled={team.withdrawn}
        >
          <span className="team-code">{team.id}</span>
          <span className="team-name">{team.name}</span>
          {withTime && a.slot && (
            <span className="team-when" data-testid="team-when">
              <strong>
                {clockTime(a.slot.start)}–{clockTime(a.slot.start + a.slot.minutes * MINUTE)}
              </strong>
              {a.room && <> · {a.room}</>} · {category.name}
            </span>
          )}
          <span className="team-progress">
            {isNext && <span className="next-badge">{now ? 'Now' : 'Next'}</span>}
            {team.withdrawn ? 'Withdrawn' : final ? 'Final' : LABEL[progress]}
            {progress === 'in-progress' && ` · ${scored}/${category.criteria.length}`}
          </span>
        </button>
      </li>
    );
  };

  return (
    <main className="assignments">
      {timed.length > 0 && (
        <section className="assignment-group">
          <h2>My schedule</h2>
          <ul className="team-list team-list-schedule" data-testid="schedule">
            {timed.map((a) => {
              const category = event.categories.find((c) => c.id === a.categoryId);
              return category ? card(a, category, true) : null;
            })}
          </ul>
        </section>
      )}
      {event.categories.map((category) => {
        const rows = untimed.filter((a) => a.categoryId === category.id);
        if (rows.length === 0) return null;
        return (
          <section key={category.id} className="assignment-group">
            <h2>
              {category.name}
              {timed.length > 0 && <span className="hint"> · no time set</span>}
            </h2>
            <ul className="team-list">{rows.map((a) => card(a, category, false))}</ul>
          </section>
        );
      })}
      <p className="summary" data-testid="summary">
        {submitted} of {mine.length} sheets submitted
      </p>
    </main>
  );
}
