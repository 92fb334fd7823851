import { revealSteps, type RevealState, type RevealStep, type TeamStanding } from '@judgehub/model';
import { formatScore, medal, ordinal } from './boardFormat.js';
import { useFitText } from './useFitText.js';

/** Earlier places listed under the one just revealed; older ones are summed up. */
const EARLIER_SHOWN = 4;

/**
 * The awards ceremony: a title card, then one place per click from the last to the first, teams
 * sharing a place revealed together. Everything comes from the copy of the standings taken when
 * the reveal started, so a late score can never change a place already announced.
 */
export function RevealView({ reveal }: { reveal: RevealState }) {
  const steps = revealSteps(reveal.category.standings, reveal.places);
  const shown = Math.min(reveal.shown, steps.length);
  const decimals = reveal.category.rules.decimals;
  if (shown === 0) {
    const lowest = steps[0]?.rank;
    return (
      <div className="sb-reveal sb-reveal-title" data-testid="reveal" data-shown={0}>
        <p className="sb-eyebrow">Awards</p>
        <h1 className="sb-reveal-category">{reveal.category.categoryName}</h1>
        <p className="sb-reveal-sub">
          {lowest === undefined
            ? 'No team has a score yet'
            : lowest === 1
              ? 'And the winner is…'
              : `From ${ordinal(lowest)} place to the winner`}
        </p>
      </div>
    );
  }
  const current = steps[shown - 1]!;
  const earlier = steps.slice(0, shown - 1).reverse();
  return (
    <div className="sb-reveal" data-testid="reveal" data-shown={shown}>
      <p className="sb-eyebrow">{reveal.category.categoryName}</p>
      <RevealCurrent key={shown} step={current} decimals={decimals} />
      {earlier.length > 0 && (
        <ol className="sb-reveal-earlier">
          {earlier.slice(0, EARLIER_SHOWN).map((step) => (
            <li key={step.rank} data-testid="reveal-earlier" data-rank={step.rank}>
              <span className="sb-reveal-earlier-place">{ordinal(step.rank)}</span>
              <span className="sb-reveal-earlier-teams">
                {step.teams.map((t) => t.teamName).join(' · ')}
              </span>
            </li>
          ))}
          {earlier.length > EARLIER_SHOWN && (
            <li className="sb-reveal-more">
              and {earlier.length - EARLIER_SHOWN} more place
              {earlier.length - EARLIER_SHOWN === 1 ? '' : 's'} announced
            </li>
          )}
        </ol>
      )}
    </div>
  );
}

function placeTitle(step: RevealStep): string {
  const shared = step.teams.length > 1;
  if (step.rank === 1) return shared ? 'Joint winners' : 'Winner';
  return `${shared ? 'Shared ' : ''}${ordinal(step.rank)} place`;
}

function RevealCurrent({ step, decimals }: { step: RevealStep; decimals: number }) {
  const place = medal(step.rank);
  return (
    <section
      className={`sb-reveal-current${place ? ` sb-reveal-${place}` : ''}`}
      data-testid="reveal-current"
      data-rank={step.rank}
    >
      <h2 className="sb-reveal-place">{placeTitle(step)}</h2>
      <ul className="sb-reveal-teams" style={{ ['--teams' as string]: step.teams.length }}>
        {step.teams.map((team) => (
          <RevealTeam key={team.teamId} team={team} decimals={decimals} />
        ))}
      </ul>
    </section>
  );
}

function RevealTeam({ team, decimals }: { team: TeamStanding; decimals: number }) {
  const name = useFitText<HTMLSpanElement>(team.teamName, 0.45);
  return (
    <li className="sb-reveal-team" data-testid="reveal-team" data-team-id={team.teamId}>
      <span className="sb-reveal-name" ref={name}>
        {team.teamName}
      </span>
      <span className="sb-reveal-score">
        {formatScore(team.score!, decimals)} points
        {team.provisional && <span className="sb-provisional"> · provisional</span>}
      </span>
    </li>
  );
}
