import { JudgeApp } from './judge/JudgeApp.js';
import { ScoreboardApp } from './scoreboard/ScoreboardApp.js';
import { Home } from './Home.js';
import { JoinPage } from './join/JoinPage.js';
import { OrganiserApp } from './organiser/OrganiserApp.js';
import { ScoreboardControlApp } from './organiser-scoreboard/ScoreboardControlApp.js';
import { tokenFor } from './shared/session.js';

/**
 * The UI routes on the path: /judge, /scoreboard, /organiser, /organiser/scoreboard, /join;
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
  if (page === '/organiser/scoreboard') {
    // The organiser's own link signs this page in too (same stored token as /organiser).
    const token = tokenFor('organiser');
    return token ? (
      <ScoreboardControlApp token={token} />
    ) : (
      <Home problem="The scoreboard controls need the organiser link. Open it once on this device, then come back here." />
    );
  }
  if (page === '/join') return <JoinPage />;
  return <Home />;
}
