import { useEffect, useMemo, useState } from 'react';
import {
  CONTROL_DOC,
  CloseCode,
  LINK_REPLACED_MESSAGE,
  readEvent,
  readSheets,
  sheetEntries,
  sheetsDocName,
} from '@judgehub/model';
import { useHubDoc } from '../shared/useHubDoc.js';
import { useSession } from '../shared/useSession.js';
import { ConnectionBadge } from '../shared/ConnectionBadge.js';
import { AssignmentList } from './AssignmentList.js';
import { SheetEditor } from './SheetEditor.js';
import { RoundBanner } from './RoundBanner.js';
import { NoticeBanner } from './NoticeBanner.js';

export interface OpenSheet {
  teamId: string;
  categoryId: string;
}

/** The judge's tablet: my assigned teams, and the score sheet for the one I am judging. */
export function JudgeApp({ token }: { token: string }) {
  const session = useSession(token, 'judge');
  const judgeId = session.kind === 'ready' ? session.session.judgeId : null;
  const eventId = session.kind === 'ready' ? session.session.eventId : null;
  const eventDoc = useHubDoc(judgeId ? 'event' : null, token, eventId);
  const sheetsDoc = useHubDoc(judgeId ? sheetsDocName(judgeId) : null, token, eventId);
  // The control document (rounds, locks, notices): read only on a judge's tablet.
  const controlDoc = useHubDoc(judgeId ? CONTROL_DOC : null, token, eventId);
  const [open, setOpen] = useState<OpenSheet | null>(null);

  const event = useMemo(() => (eventDoc ? readEvent(eventDoc.doc) : null), [eventDoc]);
  const sheets = useMemo(() => (sheetsDoc ? readSheets(sheetsDoc.doc) : new Map()), [sheetsDoc]);
  const waiting = useMemo(() => {
    if (!sheetsDoc) return 0;
    const entries = sheetEntries(sheetsDoc.doc);
    let n = 0;
    for (const key of entries.keys()) if (!sheetsDoc.sync.isMapEntryDurable(entries, key)) n++;
    return n;
  }, [sheetsDoc]);
  // The organiser's device list shows this count; the hub cannot see values it has not received.
  useEffect(() => {
    sheetsDoc?.sync.reportWaiting(waiting);
  }, [sheetsDoc, waiting]);
  const replaced = [eventDoc, sheetsDoc].some((d) => d?.status.closeCode === CloseCode.Revoked);

  if (session.kind === 'loading') return <Centered>Connecting to the hub…</Centered>;
  if (replaced) return <SignedOut message={LINK_REPLACED_MESSAGE} waiting={waiting} />;
  if (session.kind === 'error')
    return session.final ? (
      <SignedOut message={session.message} waiting={waiting} />
    ) : (
      <Centered tone="warn">{session.message}</Centered>
    );
  if (session.session.role !== 'judge' || !judgeId)
    return <Centered tone="error">This link is not a judge link.</Centered>;
  if (!eventDoc || !sheetsDoc || !event) return <Centered>Loading…</Centered>;

  const judge = event.judges.find((j) => j.id === judgeId);
  const openCategory = open && event.categories.find((c) => c.id === open.categoryId);
  const openTeam = open && event.teams.find((t) => t.id === open.teamId);

  return (
    <div className="judge">
      <header className="topbar">
        <div className="topbar-title">
          <span className="event-name">{event.settings.name || session.session.eventName}</span>
          <span className="who" data-testid="judge-name">
            {judge?.name ?? session.session.name}
          </span>
        </div>
        <ConnectionBadge status={sheetsDoc.status} waiting={waiting} />
      </header>
      {sheetsDoc.status.refusal && sheetsDoc.status.state !== 'refused' && (
        <p className="notice notice-error" role="alert">
          The hub did not accept a change: {sheetsDoc.status.refusal}
        </p>
      )}
      <NoticeBanner control={controlDoc} judgeId={judgeId} eventId={session.session.eventId} />
      <RoundBanner
        control={controlDoc}
        categories={
          openCategory
            ? [openCategory]
            : event.categories.filter((c) =>
                event.assignments.some((a) => a.judgeId === judgeId && a.categoryId === c.id),
              )
        }
        slot={
          open &&
          event.assignments.find(
            (a) =>
              a.judgeId === judgeId && a.teamId === open.teamId && a.categoryId === open.categoryId,
          )?.slot
        }
      />
      {open && openCategory && openTeam ? (
        <SheetEditor
          key={`${open.teamId}|${open.categoryId}`}
          judgeId={judgeId}
          team={openTeam}
          category={openCategory}
          hub={sheetsDoc}
          control={controlDoc}
          token={token}
          eventId={session.session.eventId}
          onBack={() => setOpen(null)}
        />
      ) : (
        <AssignmentList
          judgeId={judgeId}
          event={event}
          sheets={sheets}
          synced={eventDoc.status.synced}
          hubTimeOffsetMs={eventDoc.status.hubTimeOffsetMs}
          onOpen={setOpen}
        />
      )}
    </div>
  );
}

/**
 * This link no longer lets the tablet in (replaced by the organiser, or unknown to the hub). The
 * values on the tablet are kept: signing in again as the same judge sends them.
 */
function SignedOut({ message, waiting }: { message: string; waiting: number }) {
  return (
    <main className="centered">
      <div className="signed-out">
        <p className="notice notice-error" role="alert" data-testid="signed-out">
          {message}
        </p>
        {waiting > 0 && (
          <p className="lead">
            {waiting} {waiting === 1 ? 'value' : 'values'} on this tablet did not reach the hub yet.
            They stay here, and are sent when you sign in again as the same judge.
          </p>
        )}
        <a className="btn btn-primary btn-large" href="/join">
          Sign in with a PIN
        </a>
      </div>
    </main>
  );
}

function Centered({ children, tone }: { children: React.ReactNode; tone?: 'error' | 'warn' }) {
  return (
    <main className="centered">
      <p className={tone ? `notice notice-${tone}` : 'lead'} role={tone ? 'alert' : undefined}>
        {children}
      </p>
    </main>
  );
}
