import type { BoardCategory, TeamStanding } from '@judgehub/model';
import { formatScore, medal, ordinal } from './boardFormat.js';
import { useFitText } from './useFitText.js';

/** One team, full screen: where it stands in every category it is entered in. */
export function SpotlightView({
  teamId,
  categories,
}: {
  teamId: string | null;
  categories: BoardCategory[];
}) {
  const entries = categories.flatMap((category) => {
    const standing = category.standings.find((s) => s.teamId === teamId);
    return standing ? [{ category, standing }] : [];
  });
  const teamName = entries[0]?.standing.teamName ?? null;
  const name = useFitText<HTMLHeadingElement>(teamName ?? '', 0.45);
  if (!teamName) {
    return (
      <div className="sb-spotlight sb-spotlight-none" data-testid="spotlight">
        <p className="sb-eyebrow">Team spotlight</p>
        <p className="sb-muted-lg">Choose a team on the scoreboard controls.</p>
      </div>
    );
  }
  return (
    <div className="sb-spotlight" data-testid="spotlight" data-team-id={teamId}>
      <p className="sb-eyebrow">Team spotlight · {teamId}</p>
      <h1 className="sb-spotlight-name" ref={name}>
        {teamName}
      </h1>
      <ul className="sb-spotlight-cards" style={{ ['--cards' as string]: entries.length }}>
        {entries.map(({ category, standing }) => (
          <SpotlightCard key={category.categoryId} category={category} standing={standing} />
        ))}
      </ul>
    </div>
  );
}

function SpotlightCard({
  category,
  standing: s,
}: {
  category: BoardCategory;
  standing: TeamStanding;
}) {
  const ranked = category.standings.filter((t) => t.rank !== null).length;
  const place = medal(s.rank);
  return (
    <li
      className={`sb-spot-card${place ? ` sb-spot-${place}` : ''}`}
      data-testid={`spotlight-${category.categoryId}`}
    >
      <h2>{category.categoryName}</h2>
      {s.rank === null || s.score === null ? (
        <p className="sb-spot-rank sb-spot-awaiting">awaiting scores</p>
      ) : (
        <>
          <p className="sb-spot-rank">{ordinal(s.rank)}</p>
          <p className="sb-spot-detail">
            of {ranked} ranked · {formatScore(s.score, category.rules.decimals)} points
          </p>
          {s.provisional && (
            <p className="sb-provisional">
              Provisional · {s.judgesCounted}/{s.judgesAssigned} judges
            </p>
          )}
        </>
      )}
    </li>
  );
}
