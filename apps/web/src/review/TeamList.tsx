import type { TeamReview } from '@judgehub/model';

/** A category's teams, each with what needs the head judge's eye. */
export function TeamList({
  reviews,
  onOpen,
}: {
  reviews: TeamReview[];
  onOpen: (teamId: string) => void;
}) {
  if (reviews.length === 0) return <p className="lead">No teams are entered in this category.</p>;
  return (
    <ul className="review-teams" aria-label="Teams">
      {reviews.map((r) => {
        const inCount = r.judges.filter((j) => j.counted).length;
        return (
          <li key={r.team.id}>
            <button
              type="button"
              className="review-team"
              data-testid={`review-team-${r.team.id}`}
              onClick={() => onOpen(r.team.id)}
            >
              <span className="team-code">{r.team.id}</span>
              <span className="review-team-name">{r.team.name}</span>
              <span className="review-team-count">
                {inCount}/{r.judges.length} sheets in
              </span>
              <span className="review-flags">
                <Flags review={r} />
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function Flags({ review }: { review: TeamReview }) {
  return (
    <>
      {review.locked && <span className="flag flag-lock">Locked</span>}
      {review.conflicts > 0 && (
        <span className="flag flag-conflict" data-testid="flag-conflict">
          ⚠ {review.conflicts} {review.conflicts === 1 ? 'conflict' : 'conflicts'}
        </span>
      )}
      {review.outliers > 0 && (
        <span className="flag flag-outlier" data-testid="flag-outlier">
          ◆ {review.outliers} {review.outliers === 1 ? 'outlier' : 'outliers'}
        </span>
      )}
      {review.notAccepted > 0 && (
        <span className="flag flag-held" data-testid="flag-not-accepted">
          {review.notAccepted} not accepted
        </span>
      )}
      {review.corrections > 0 && (
        <span className="flag flag-correction">✎ {review.corrections} corrected</span>
      )}
    </>
  );
}
