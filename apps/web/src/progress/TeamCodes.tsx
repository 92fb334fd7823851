import { useEffect, useState } from 'react';
import { QrCode } from '../organiser/QrCode.js';
import { callHub, type ApiResult } from '../shared/hubApi.js';

/** `GET /api/team/codes` (organiser). */
export interface TeamCodeList {
  eventName: string;
  hubUrl: string;
  onVenueNetwork: boolean;
  cards: { teamId: string; name: string; code: string | null; url: string; withdrawn: boolean }[];
}

export function fetchTeamCodes(token: string): Promise<ApiResult<TeamCodeList>> {
  return callHub(token, '/api/team/codes');
}

/**
 * Every team's code, link and QR code, to print and hand out: a team opens its feedback at /team
 * by scanning the code or typing the six digits, once results are released.
 */
export function TeamCodes({ token, teamCount }: { token: string; teamCount: number }) {
  const [list, setList] = useState<TeamCodeList | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    // teamCount: teams added during the day get a code from the hub; fetch the list again.
    void fetchTeamCodes(token).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setList(result.value);
        setProblem(null);
      } else setProblem(result.message);
    });
    return () => {
      cancelled = true;
    };
  }, [token, teamCount]);

  if (problem)
    return (
      <p className="notice notice-error" role="alert">
        {problem}
      </p>
    );
  if (!list) return <p className="hint">Loading team codes…</p>;
  return (
    <div className="team-codes" data-testid="team-codes">
      <p className="hint no-print">
        Teams open <strong>{list.hubUrl}/team</strong> and type their code, or scan their QR code.
        They see nothing until you release results.
      </p>
      {!list.onVenueNetwork && (
        <p className="notice notice-warn no-print" role="alert">
          The hub is not on the venue network: these links work only on this laptop.
        </p>
      )}
      <ul className="team-code-list">
        {list.cards.map((card) => (
          <li
            key={card.teamId}
            className="team-code-card"
            data-testid="team-code"
            data-team={card.teamId}
          >
            <QrCode text={card.url} label={`QR code for ${card.name}’s feedback`} />
            <div className="team-code-details">
              <span className="card-event">{list.eventName}</span>
              <strong className="team-code-name">
                {card.name} <span className="hint">{card.teamId}</span>
                {card.withdrawn && <span className="hint"> (withdrawn)</span>}
              </strong>
              <span className="card-label">Team code</span>
              <span className="team-code-value" data-testid="team-code-value">
                {card.code}
              </span>
              <span className="card-how">
                Open {list.hubUrl}/team and type the code, or scan the QR code.
              </span>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
