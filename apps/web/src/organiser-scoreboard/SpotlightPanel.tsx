import { useState } from 'react';
import { spotlightTeam } from '@judgehub/model';
import type { DisplayControl } from './displayControl.js';

/** Puts one team on every screen: its place in each category. */
export function SpotlightPanel({ ctl }: { ctl: DisplayControl }) {
  const { doc, display, categories } = ctl;
  const teams = new Map<string, string>();
  for (const c of categories) for (const s of c.standings) teams.set(s.teamId, s.teamName);
  const sorted = [...teams].sort(([, a], [, b]) => a.localeCompare(b));
  const [picked, setPicked] = useState<string>('');
  const teamId = picked || display.spotlightTeamId || sorted[0]?.[0] || '';
  const live = display.mode === 'spotlight';
  return (
    <section className="ctl-panel" aria-labelledby="ctl-spotlight">
      <h2 id="ctl-spotlight">Team spotlight</h2>
      <div className="ctl-row">
        <label className="ctl-select">
          <span className="ctl-label">Team</span>
          <select
            value={teamId}
            data-testid="spotlight-team"
            onChange={(e) => setPicked(e.target.value)}
          >
            {sorted.map(([id, name]) => (
              <option key={id} value={id}>
                {name} ({id})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={`btn btn-large ${live && display.spotlightTeamId === teamId ? '' : 'btn-primary'}`}
          data-testid="spotlight-show"
          disabled={!teamId}
          onClick={() => spotlightTeam(doc, teamId, ctl.hubNow())}
        >
          {live && display.spotlightTeamId === teamId ? 'On the screens' : 'Spotlight this team'}
        </button>
      </div>
    </section>
  );
}
