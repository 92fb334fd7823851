import { useMemo, useState } from 'react';
import { CONTROL_DOC, EVENT_DOC, readEvent } from '@judgehub/model';
import { OrganiserNav } from '../shared/OrganiserNav.js';
import { ConnectionBadge } from '../shared/ConnectionBadge.js';
import { useHubDoc } from '../shared/useHubDoc.js';
import { useSession } from '../shared/useSession.js';
import type { WriteMark } from './assignmentWrites.js';
import { GeneratorPanel } from './GeneratorPanel.js';
import { HandEditPanel } from './HandEditPanel.js';
import { RoundsPanel } from './RoundsPanel.js';
import { SaveState } from './SaveState.js';
import { ScheduleGrid } from './ScheduleGrid.js';
import { useScoredKeys } from './ScoredSheets.js';
import './assignments.css';

/**
 * `/organiser/assignments`: who judges which team in which category, when and where; and the
 * judging rounds. Generated plans are previewed before anything is written; hand edits are
 * written at once and say what they break.
 */
export function AssignmentsApp({ token }: { token: string }) {
  const session = useSession(token, 'organiser');
  const ready = session.kind === 'ready' ? session.session : null;
  const eventId = ready?.eventId ?? null;
  const eventDoc = useHubDoc(EVENT_DOC, token, eventId);
  const control = useHubDoc(CONTROL_DOC, token, eventId);
  const event = useMemo(() => (eventDoc ? readEvent(eventDoc.doc) : null), [eventDoc]);
  const judgeIds = useMemo(() => event?.judges.map((j) => j.id) ?? [], [event]);
  const { scored, watchers, loaded } = useScoredKeys(judgeIds, token, eventId);
  const [mark, setMark] = useState<WriteMark | null>(null);

  if (session.kind === 'loading') return <Message>Connecting to the hub…</Message>;
  if (session.kind === 'error') return <Message error>{session.message}</Message>;
  if (ready && ready.role !== 'organiser')
    return (
      <Message error>
        This page needs the organiser&rsquo;s link. A {ready.role.replace('-', ' ')} link cannot
        change assignments.
      </Message>
    );
  // An empty replica reads as an event without categories: wait for the real one.
  if (!eventDoc || !control || !event || !event.settings.id)
    return <Message>Loading the event…</Message>;

  return (
    <div className="asg" data-testid="assignments-page">
      <OrganiserNav current="/organiser/assignments" />
      <header className="asg-head">
        <div>
          <h1>Assignments &amp; rounds</h1>
          <p className="hint">{event.settings.name}</p>
        </div>
        <ConnectionBadge status={eventDoc.status} />
      </header>
      {[eventDoc, control].map(
        (hub, i) =>
          hub.status.refusal &&
          hub.status.state !== 'refused' && (
            <p key={i} className="notice notice-error" role="alert">
              The hub did not accept a change: {hub.status.refusal}
            </p>
          ),
      )}
      {watchers}
      <main className="asg-main">
        <RoundsPanel
          control={control}
          categories={event.categories}
          by={ready?.role ?? 'organiser'}
        />
        <GeneratorPanel
          event={event}
          hub={eventDoc}
          scored={scored}
          scoredLoaded={loaded}
          onWritten={setMark}
        />
        <div className="asg-sticky">
          <SaveState hub={eventDoc} mark={mark} />
        </div>
        <ScheduleGrid event={event} />
        <HandEditPanel event={event} hub={eventDoc} scored={scored} onWritten={setMark} />
      </main>
    </div>
  );
}

function Message({ children, error }: { children: React.ReactNode; error?: boolean }) {
  return (
    <main className="centered">
      <p className={`notice ${error ? 'notice-error' : ''}`} role={error ? 'alert' : 'status'}>
        {children}
      </p>
    </main>
  );
}
