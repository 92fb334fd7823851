import { assignmentsOf, type JudgingEvent, type ScoreSheet } from '@judgehub/model';
import type { OpenSheet } from './JudgeApp.js';
import { findSheet, sheetProgress } from './sheetProgress.js';

const LABEL = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Ready to submit',
  submitted: 'Submitted',
} as const;

/** My assigned teams per category, each with where its sheet stands. */
export function AssignmentList(props: {
  judgeId: string;
  event: JudgingEvent;
  sheets: ReadonlyMap<string, ScoreSheet>;
  synced: boolean;
  onOpen: (sheet: OpenSheet) => void;
}) {
  const { event, sheets } = props;
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
  let submitted = 0;
  return (
    <main className="assignments">
      {event.categories.map((category) => {
        const rows = mine.filter((a) => a.categoryId === category.id);
        if (rows.length === 0) return null;
        return (
          <section key={category.id} className="assignment-group">
            <h2>{category.name}</h2>
            <ul className="team-list">
              {rows.map((a) => {
                const team = event.teams.find((t) => t.id === a.teamId);
                if (!team) return null;
                const { progress, scored } = sheetProgress(
                  category,
                  findSheet(sheets, a.teamId, a.categoryId),
                );
                if (progress === 'submitted') submitted++;
                return (
                  <li key={a.teamId}>
                    <button
                      className={`team-card team-${progress}`}
                      data-testid={`team-${a.teamId}-${a.categoryId}`}
                      onClick={() => props.onOpen({ teamId: a.teamId, categoryId: a.categoryId })}
                      disabled={team.withdrawn}
                    >
                      <span className="team-code">{team.id}</span>
                      <span className="team-name">{team.name}</span>
                      <span className="team-progress">
                        {team.withdrawn ? 'Withdrawn' : LABEL[progress]}
                        {progress === 'in-progress' && ` · ${scored}/${category.criteria.length}`}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      <p className="summary" data-testid="summary">
        {submitted} of {mine.length} sheets submitted
      </p>
    </main>
  );
}
