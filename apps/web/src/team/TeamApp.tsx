import { useCallback, useEffect, useState } from 'react';
import type { TeamFeedback } from '@judgehub/model';
import { forgetToken, rememberToken } from '../shared/session.js';
import { FeedbackView } from './FeedbackView.js';
import { TeamCodeEntry } from './TeamCodeEntry.js';
import './team.css';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'feedback'; feedback: TeamFeedback }
  | { kind: 'not-released'; message: string }
  | { kind: 'refused'; message: string }
  | { kind: 'unreachable'; message: string };

/** Checks again by itself while results are not released, so the page opens when they are. */
const RECHECK_MS = 15_000;

async function loadFeedback(token: string): Promise<Loaded> {
  try {
    const res = await fetch('/api/team/feedback', {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as TeamFeedback & { error?: string; code?: string };
    if (res.ok) return { kind: 'feedback', feedback: body };
    if (body.code === 'not-released')
      return { kind: 'not-released', message: body.error ?? 'Results are not released yet.' };
    return { kind: 'refused', message: body.error ?? `The hub answered ${res.status}.` };
  } catch {
    return {
      kind: 'unreachable',
      message:
        'Cannot reach the hub. Check that you are on the venue Wi-Fi; this page tries again.',
    };
  }
}

/**
 * A team's own feedback (/team): its link (?token=) or its 6-digit code opens it, and it shows
 * nothing until the organiser releases results.
 */
export function TeamApp({ token: initial }: { token: string | null }) {
  const [token, setToken] = useState(initial);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void loadFeedback(token).then((result) => {
      if (cancelled) return;
      setLoaded(result);
      if (result.kind === 'not-released' || result.kind === 'unreachable')
        timer = setTimeout(() => setGeneration((g) => g + 1), RECHECK_MS);
    });
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [token, generation]);

  const signInWithCode = useCallback((next: string) => {
    rememberToken('team', next);
    setLoaded({ kind: 'loading' });
    setToken(next);
  }, []);
  const signOut = () => {
    forgetToken('team');
    setToken(null);
  };

  if (!token || loaded.kind === 'refused')
    return (
      <main className="join">
        <header className="join-head">
          <h1>Team feedback</h1>
          <p className="lead">Type the 6-digit code on your team’s sheet.</p>
        </header>
        {token && loaded.kind === 'refused' && (
          <p className="notice notice-error" role="alert" data-testid="team-refused">
            {loaded.message}
          </p>
        )}
        <section className="panel">
          <TeamCodeEntry onToken={signInWithCode} />
        </section>
      </main>
    );

  if (loaded.kind === 'loading') return <Centered>Loading your feedback…</Centered>;
  if (loaded.kind === 'not-released' || loaded.kind === 'unreachable')
    return (
      <main className="centered">
        <div className="feedback-wait">
          <h1 data-testid="not-released">
            {loaded.kind === 'not-released' ? 'Results are not released yet' : 'Hub not reachable'}
          </h1>
          <p className="lead">
            {loaded.kind === 'not-released'
              ? 'This page shows your scores and the judges’ comments as soon as the organiser releases them. It checks again by itself.'
              : loaded.message}
          </p>
          <button
            className="btn btn-primary btn-large"
            type="button"
            onClick={() => setGeneration((g) => g + 1)}
          >
            Check again
          </button>
          <button className="btn btn-ghost" type="button" onClick={signOut}>
            Use another team’s code
          </button>
        </div>
      </main>
    );
  return <FeedbackView feedback={loaded.feedback} onSignOut={signOut} />;
}

function Centered({ children }: { children: React.ReactNode }) {
  return (
    <main className="centered">
      <p className="lead">{children}</p>
    </main>
  );
}
