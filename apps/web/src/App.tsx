import { JudgeApp } from './judge/JudgeApp.js';
import { ScoreboardApp } from './scoreboard/ScoreboardApp.js';
import { Home } from './Home.js';
import { tokenFor } from './shared/session.js';

/** The UI routes on the path: /judge, /scoreboard; anything else is the start page. */
export function App() {
  const page = location.pathname.replace(/\/+$/, '');
  if (page === '/judge') {
    const token = tokenFor('judge');
    return token ? (
      <JudgeApp token={token} />
    ) : (
      <Home problem="This judge link has no access code. Open the link or QR code from the organiser again." />
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
  return <Home />;
}
