import type { TeamStanding } from '@judgehub/model';
import { formatScore, medal } from './boardFormat.js';
import { useFitText } from './useFitText.js';

/**
 * One team in a category's standings. A score that may still move is marked with how many judges
 * have counted (amber); a team without a counted sheet says *awaiting scores*, never a low score.
 */
export function StandingRow({
  standing: s,
  decimals,
  offscreen = false,
}: {
  standing: TeamStanding;
  decimals: number;
  /** Scrolled out of the window: hidden, but kept in place for the scroll to move. */
  offscreen?: boolean;
}) {
  const name = useFitText<HTMLSpanElement>(s.teamName);
  const awaiting = s.score === null;
  const place = medal(s.rank);
  return (
    <li
      className={`sb-row${awaiting ? ' sb-row-awaiting' : ''}${place ? ` sb-row-${place}` : ''}`}
      data-testid={`row-${s.teamId}`}
      data-rank={s.rank ?? ''}
      data-provisional={s.provisional || undefined}
      data-flip={s.teamId}
      data-offscreen={offscreen || undefined}
      aria-hidden={offscreen || undefined}
    >
      <span className="sb-rank">{s.rank ?? '–'}</span>
      <span className="sb-team" ref={name}>
        {s.teamName}
      </span>
      {awaiting ? (
        <span className="sb-awaiting">awaiting scores</span>
      ) : (
        <span className="sb-score-cell">
          {s.provisional && (
            <span className="sb-provisional" title="Provisional: not every judge has submitted">
              {s.judgesCounted}/{s.judgesAssigned} judges
            </span>
          )}
          <span className={`sb-score${s.provisional ? ' sb-score-provisional' : ''}`}>
            {formatScore(s.score!, decimals)}
          </span>
        </span>
      )}
    </li>
  );
}
