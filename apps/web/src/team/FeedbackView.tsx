import type { CategoryFeedback, TeamFeedback } from '@judgehub/model';

const AGGREGATION_TEXT: Record<string, string> = {
  mean: 'the average of the judges’ values',
  median: 'the middle of the judges’ values',
  'trimmed-mean': 'the average of the judges’ values without the highest and lowest',
  sum: 'the judges’ values added up',
};

/** A team's scores per criterion and the judges' comments, per category it entered. */
export function FeedbackView({
  feedback,
  onSignOut,
}: {
  feedback: TeamFeedback;
  onSignOut: () => void;
}) {
  return (
    <main className="feedback" data-testid="team-feedback">
      <header className="feedback-head">
        <span className="event-name">{feedback.eventName}</span>
        <h1 data-testid="team-name">{feedback.teamName}</h1>
        <p className="lead">Your judges’ scores and comments.</p>
      </header>
      {feedback.categories.map((category) => (
        <Category key={category.categoryId} category={category} />
      ))}
      <button className="btn btn-ghost no-print" type="button" onClick={onSignOut}>
        Use another team’s code
      </button>
    </main>
  );
}

function Category({ category }: { category: CategoryFeedback }) {
  return (
    <section
      className="panel feedback-category"
      data-testid="feedback-category"
      data-category={category.categoryId}
    >
      <div className="feedback-category-head">
        <h2>{category.categoryName}</h2>
        {category.score !== null ? (
          <p className="feedback-score">
            <strong>{category.score}</strong> of {category.maxScore}
            {category.rank !== null && <span className="feedback-rank">Place {category.rank}</span>}
          </p>
        ) : (
          <p className="feedback-score feedback-awaiting">No scores counted yet</p>
        )}
      </div>
      {category.sheetsCounted > 0 && (
        <p className="hint">
          From {category.sheetsCounted} {category.sheetsCounted === 1 ? 'judge' : 'judges'}; each
          criterion shows {AGGREGATION_TEXT[category.aggregation] ?? category.aggregation}.
        </p>
      )}
      <ul className="feedback-criteria">
        {category.criteria.map((criterion) => (
          <li
            key={criterion.criterionId}
            className="feedback-criterion"
            data-testid="feedback-criterion"
            data-criterion={criterion.criterionId}
          >
            <div className="feedback-criterion-top">
              <span className="feedback-criterion-label">{criterion.label}</span>
              <span className="feedback-value">
                {criterion.value === null
                  ? 'not scored'
                  : `${criterion.value} / ${criterion.outOf}`}
              </span>
            </div>
            <div className="feedback-bar" aria-hidden>
              {criterion.value !== null && (
                <span
                  className="feedback-bar-fill"
                  style={{
                    width: `${Math.max(0, Math.min(100, (criterion.value / criterion.outOf) * 100))}%`,
                  }}
                />
              )}
            </div>
            {criterion.description && <span className="hint">{criterion.description}</span>}
          </li>
        ))}
      </ul>
      <h3 className="feedback-comments-title">Judges’ comments</h3>
      {category.comments.length === 0 ? (
        <p className="hint">No comments.</p>
      ) : (
        <ul className="feedback-comments">
          {category.comments.map((comment, i) => (
            <li key={i} className="feedback-comment" data-testid="feedback-comment">
              {comment}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
