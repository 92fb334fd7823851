import { JudgeApp } from './judge/JudgeApp.js';
import { ScoreboardApp } from './scoreboard/ScoreboardApp.js';
import { Home } from './Home.js';
import { JoinPage } from './join/JoinPage.js';
import { OrganiserApp } from './organiser/OrganiserApp.js';
import { ScoreboardControlApp } from './organiser-scoreboard/ScoreboardControlApp.js';
import { SetupApp } from './setup/SetupApp.js';
import { AssignmentsApp } from './assignments/AssignmentsApp.js';
import { ProgressApp } from './progress/ProgressApp.js';
import { ExportsApp } from './exports/ExportsApp.js';
import { ReviewApp } from './review/ReviewApp.js';
import { TeamApp } from './team/TeamApp.js';
import { tokenFor } from './shared/session.js';

/** Organiser pages beyond the first: each signs in with the organiser's stored token. */
const ORGANISER_ROUTES: Record<string, (props: { token: string }) => React.JSX.Element> = {
  '/organiser/scoreboard': ScoreboardControlApp,
  '/organiser/setup': SetupApp,
  '/organiser/assignments': AssignmentsApp,
  '/organiser/progress': ProgressApp,
  '/organiser/exports': ExportsApp,
};

/**
 * The UI routes on the path: /judge, /scoreboard, /organiser and its pages (ORGANISER_ROUTES),
 * /head-judge, /team, /join;
 * anything else is the start page (which is the join page too).
 */
export function App() {
  const page = location.pathname.replace(/\/+$/, '');
  if (page === '/judge') {
    const token = tokenFor('judge');
    return token ? (
      <JudgeApp token={token} />
    ) : (
      <Home problem="This tablet is not signed in yet. Enter your PIN, or open the link or QR code from the organiser." />
    );
  }
  if (page === '/scoreboard') {
    const token = tokenFor('scoreboard');
    return token ? (
      <ScoreboardApp token={token} />
    ) : (
      <Home problem="This scoreboard link has no access code. Open the scoreboard link printed by the hub." />
    );
  }
  if (page === '/organiser') {
    const token = tokenFor('organiser');
    return token ? (
      <OrganiserApp token={token} />
    ) : (
      <Home problem="This organiser link has no access code. Open the organiser link the hub printed when it started." />
    );
  }
  const OrganiserPage = ORGANISER_ROUTES[page];
  if (OrganiserPage) {
    // The organiser's own link signs these pages in too (same stored token as /organiser).
    const token = tokenFor('organiser');
    return token ? (
      <OrganiserPage token={token} />
    ) : (
      <Home problem="This page needs the organiser link. Open it once on this device, then come back here." />
    );
  }
  if (page === '/head-judge') {
    // The head judge's link, or the organiser's (the organiser reviews with the head judge).
    const token = tokenFor('head-judge') ?? tokenFor('organiser');
    return token ? (
      <ReviewApp token={token} />
    ) : (
      <Home problem="This review page needs the head judge’s link. Ask the organiser for it." />
    );
  }
  // Without a link the page asks for the team's 6-digit code.
  if (page === '/team') return <TeamApp token={tokenFor('team')} />;
  if (page === '/join') return <JoinPage />;
  return <Home />;
}
