import { useMemo, useState } from 'react';
import {
  CONTROL_DOC,
  RESULTS_DOC,
  controlMaps,
  notAcceptedIds,
  readEvent,
  readLocks,
  LockTable,
  reviewCategory,
  type Category,
} from '@judgehub/model';
import { useHubDoc } from '../shared/useHubDoc.js';
import { useSession } from '../shared/useSession.js';
import { ConnectionBadge } from '../shared/ConnectionBadge.js';
import { OrganiserNav } from '../shared/OrganiserNav.js';
import { useJudgeSheets } from './useJudgeSheets.js';
import { reviewerFor, setLock } from './reviewActions.js';
import { TeamList } from './TeamList.js';
import { TeamReviewView } from './TeamReviewView.js';
import './review.css';

/**
 * The head judge's review (/head-judge): per category, every team with its flags; per team,
 * every judge's sheet side by side, conflicts to resolve, outliers, values held aside after a
 * lock, undo, and locks. The organiser may open it too (review and locks, no corrections).
 */
export function ReviewApp({ token }: { token: string }) {
  const session = useSession(token, 'head-judge');
  const ready = session.kind === 'ready' ? session.session : null;
  const eventId = ready?.eventId ?? null;
  const eventDoc = useHubDoc(ready ? 'event' : null, token, eventId);
  const controlDoc = useHubDoc(ready ? CONTROL_DOC : null, token, eventId);
  const resultsDoc = useHubDoc(ready ? RESULTS_DOC : null, token, eventId);
  const event = useMemo(() => (eventDoc ? readEvent(eventDoc.doc) : null), [eventDoc]);
  const judgeIds = useMemo(() => event?.judges.map((j) => j.id) ?? [], [event]);
  const sheets = useJudgeSheets(judgeIds, token, eventId);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);

  const held = useMemo(
    () => (resultsDoc ? notAcceptedIds(resultsDoc.doc) : new Set<string>()),
    [resultsDoc],
  );
  const locks = useMemo(
    () => (controlDoc ? readLocks(controlDoc.doc) : new LockTable([])),
    [controlDoc],
  );
  const category: Category | undefined =
    event?.categories.find((c) => c.id === categoryId) ?? event?.categories[0];
  const sheetDocs = useMemo(
    () => new Map([...sheets.docs].map(([id, hub]) => [id, hub.doc])),
    [sheets.docs],
  );
  // Every change to a judge's document reports a new HubDoc, so this reads them again.
  const reviews = useMemo(
    () => (event && category ? reviewCategory(event, category, { sheetDocs, held, locks }) : []),
    [event, category, sheetDocs, held, locks],
  );

  if (session.kind === 'loading') return <Centered>Connecting to the hub…</Centered>;
  if (session.kind === 'error') return <Centered tone="error">{session.message}</Centered>;
  const { role } = session.session;
  if (role !== 'head-judge' && role !== 'organiser')
    return <Centered tone="error">This page needs the head judge’s link.</Centered>;
  const reviewer = reviewerFor(role, session.session.judgeId);
  const nav = role === 'organiser' ? <OrganiserNav current="/head-judge" /> : null;
  if (!event || !controlDoc || !category)
    return (
      <div className="review">
        {nav}
        {sheets.sources}
        <Centered>{event && !category ? 'This event has no categories yet.' : 'Loading…'}</Centered>
      </div>
    );

  const categoryLock = locks.scope(category.id);
  const lockSaved =
    !categoryLock.latest ||
    controlDoc.sync.isMapEntryDurable(controlMaps(controlDoc.doc).locks, categoryLock.latest.id);
  const review = teamId ? reviews.find((r) => r.team.id === teamId) : undefined;

  return (
    <div className="review">
      {nav}
      {sheets.sources}
      <header className="topbar">
        <div className="topbar-title">
          <span className="event-name">{event.settings.name || session.session.eventName}</span>
          <span className="who">
            {role === 'organiser' ? 'Organiser' : 'Head judge'} · review and corrections
          </span>
        </div>
        <ConnectionBadge status={controlDoc.status} />
      </header>
      <main className="review-main">
        {!reviewer.canCorrect && (
          <p className="notice notice-warn" role="status">
            Signed in as the organiser: you can review and lock. Corrections, accepting values and
            undo need the head judge’s link.
          </p>
        )}
        <nav className="review-categories" aria-label="Categories">
          {event.categories.map((c) => (
            <button
              key={c.id}
              type="button"
              className="btn review-category"
              aria-pressed={c.id === category.id}
              data-testid={`category-${c.id}`}
              onClick={() => {
                setCategoryId(c.id);
                setTeamId(null);
              }}
            >
              {c.name}
              {locks.scope(c.id).locked && (
                <span className="review-category-locked"> · locked</span>
              )}
            </button>
          ))}
        </nav>
        <section className="panel review-lockbar" aria-label={`Lock ${category.name}`}>
          <div>
            <h2>{category.name}</h2>
            <p className="hint" data-testid="category-lock-state">
              {categoryLock.locked
                ? `Locked${lockSaved ? ' (saved on hub)' : ' (on this device, not yet on the hub)'}: judges can no longer change these sheets; values they send are kept aside for you.`
                : 'Open: judges can change their sheets.'}
            </p>
          </div>
          <button
            type="button"
            className={`btn ${categoryLock.locked ? '' : 'btn-primary'}`}
            data-testid="lock-category"
            onClick={() =>
              setLock(
                reviewer,
                controlDoc.doc,
                categoryLock.locked ? 'unlock' : 'lock',
                category.id,
              )
            }
          >
            {categoryLock.locked ? 'Unlock category' : 'Lock category'}
          </button>
        </section>
        {review ? (
          <TeamReviewView
            review={review}
            reviewer={reviewer}
            sheetDocs={sheets.docs}
            held={held}
            teamLocked={locks.scope(category.id, review.team.id).locked}
            onLockTeam={(kind) =>
              setLock(reviewer, controlDoc.doc, kind, category.id, review.team.id)
            }
            onBack={() => setTeamId(null)}
          />
        ) : (
          <TeamList reviews={reviews} onOpen={setTeamId} />
        )}
      </main>
    </div>
  );
}

function Centered({ children, tone }: { children: React.ReactNode; tone?: 'error' }) {
  return (
    <main className="centered">
      <p className={tone ? `notice notice-${tone}` : 'lead'} role={tone ? 'alert' : undefined}>
        {children}
      </p>
    </main>
  );
}
