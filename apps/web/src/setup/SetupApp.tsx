import { useCallback, useEffect, useState } from 'react';
import { EVENT_DOC, type CreateEventResponse, type EventChange } from '@judgehub/model';
import { ConnectionBadge } from '../shared/ConnectionBadge.js';
import { OrganiserNav } from '../shared/OrganiserNav.js';
import { useHubDoc } from '../shared/useHubDoc.js';
import { fetchSession } from '../shared/session.js';
import { useSession } from '../shared/useSession.js';
import { CreateEventForm } from './CreateEventForm.js';
import { JudgesPanel } from './JudgesPanel.js';
import { RubricPanel } from './RubricPanel.js';
import { TeamsPanel } from './TeamsPanel.js';
import { useEventEditor, type SaveResult } from './useEventEditor.js';
import './setup.css';

type Tab = 'rubrics' | 'teams' | 'judges';
const TABS: { id: Tab; label: string }[] = [
  { id: 'rubrics', label: 'Categories & rubrics' },
  { id: 'teams', label: 'Teams' },
  { id: 'judges', label: 'Judges' },
];

/** What a panel gets: the event, a checked save, and the token for the hub's setup API. */
export interface SetupContext {
  token: string;
  event: import('@judgehub/model').JudgingEvent;
  /** Saves (when valid) and reports it at the top of the page as `what`. */
  save(change: EventChange, what: string): SaveResult;
}

const tabFromHash = (): Tab => {
  const hash = location.hash.slice(1);
  return TABS.some((t) => t.id === hash) ? (hash as Tab) : 'rubrics';
};

/**
 * `/organiser/setup`: creates the event on a hub that has none, then edits it: categories and
 * their rubrics and scoring rules, teams and judges by hand or from CSV. Every change is checked
 * against the whole event before it is written to the `event` document; nothing is ever deleted
 * (withdrawn teams and removed judges are markers; sheets stay in the judges' documents).
 */
export function SetupApp({ token }: { token: string }) {
  const session = useSession(token, 'organiser');
  const [created, setCreated] = useState<CreateEventResponse | null>(null);
  const ready = session.kind === 'ready' ? session.session : null;
  // A session remembered on this device may predate the event: only the hub's own answer that
  // there is none yet shows the form that creates one.
  const [hubSaysNoEvent, setHubSaysNoEvent] = useState(false);
  const eventId = created?.eventId || ready?.eventId || null;
  const needsCheck = ready !== null && !eventId;
  useEffect(() => {
    if (!needsCheck) return;
    let cancelled = false;
    void fetchSession(token).then((r) => {
      if (!cancelled && r.ok && !r.session.eventId) setHubSaysNoEvent(true);
    });
    return () => {
      cancelled = true;
    };
  }, [needsCheck, token]);
  const hubDoc = useHubDoc(eventId ? EVENT_DOC : null, token, eventId);
  const editor = useEventEditor(hubDoc);
  const [tab, setTab] = useState<Tab>(tabFromHash);
  const [lastSaved, setLastSaved] = useState<string | null>(null);

  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const editorSave = editor?.save;
  const save = useCallback(
    (change: EventChange, what: string): SaveResult => {
      if (!editorSave) return { ok: false, problems: ['The event is still loading.'] };
      const result = editorSave(change);
      if (result.ok) setLastSaved(what);
      return result;
    },
    [editorSave],
  );

  if (session.kind === 'loading') return <Centered>Connecting to the hub…</Centered>;
  if (session.kind === 'error')
    return <Centered tone={session.final ? 'error' : 'warn'}>{session.message}</Centered>;
  if (ready && ready.role !== 'organiser')
    return (
      <Centered tone="error">
        This is not the organiser’s link. Open the organiser link the hub printed when it started.
      </Centered>
    );
  if (!eventId && !hubSaysNoEvent) return <Centered>Connecting to the hub…</Centered>;
  if (!eventId)
    return (
      <div className="setup">
        <OrganiserNav current="/organiser/setup" />
        <main className="setup-main">
          <CreateEventForm token={token} onCreated={setCreated} />
        </main>
      </div>
    );
  if (!editor || !hubDoc) return <Centered>Loading the event…</Centered>;

  const { event } = editor;
  const counts: Record<Tab, number> = {
    rubrics: event.categories.length,
    teams: event.teams.length,
    judges: event.judges.length,
  };
  const context: SetupContext = { token, event, save };
  return (
    <div className="setup">
      <OrganiserNav current="/organiser/setup" />
      <header className="topbar">
        <div className="topbar-title">
          <span className="event-name" data-testid="event-name">
            {event.settings.name}
          </span>
          <span className="who">Organiser · event setup · id {event.settings.id}</span>
        </div>
        <ConnectionBadge status={hubDoc.status} waiting={editor.waiting} />
      </header>
      <main className="setup-main">
        {hubDoc.status.refusal && (
          <p className="notice notice-error" role="alert">
            The hub did not accept a change: {hubDoc.status.refusal}
          </p>
        )}
        {lastSaved && (
          <p
            className={`notice setup-saved ${editor.waiting === 0 ? 'setup-saved-hub' : 'notice-warn'}`}
            role="status"
            data-testid="save-status"
          >
            {lastSaved} —{' '}
            {editor.waiting === 0
              ? 'saved on hub.'
              : 'kept on this device, waiting to reach the hub.'}
          </p>
        )}
        <div className="setup-tabs" role="tablist" aria-label="What to set up">
          {TABS.map((t) => (
            <a
              key={t.id}
              href={`#${t.id}`}
              role="tab"
              aria-selected={tab === t.id}
              className="setup-tab"
            >
              {t.label} <span className="setup-count">{counts[t.id]}</span>
            </a>
          ))}
        </div>
        {tab === 'rubrics' && <RubricPanel {...context} />}
        {tab === 'teams' && <TeamsPanel {...context} />}
        {tab === 'judges' && <JudgesPanel {...context} />}
      </main>
    </div>
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
