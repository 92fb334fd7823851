import { isHeadJudgeAuthor, type FieldState } from '@judgehub/model';

/** Every value of a conflict, who gave it, when and on which device; keeping one resolves it. */
export function Conflict<T extends number | string>(props: {
  state: FieldState<T>;
  canCorrect: boolean;
  onKeep: (value: T | null) => void;
}) {
  const values = [props.state.entry, ...props.state.conflicts];
  return (
    <div className="review-conflict" data-testid="conflict">
      <p className="review-conflict-title">⚠ Conflict: entered differently on different devices</p>
      <ul>
        {values.map((e) => (
          <li key={e.id}>
            <span>
              <strong className="review-value">{shown(e.value)}</strong>{' '}
              <span className="hint">
                {isHeadJudgeAuthor(e.author) ? 'head judge' : e.author}, {time(e.at)}, device{' '}
                {e.device.slice(0, 8)}
              </span>
            </span>
            {props.canCorrect && (
              <button
                type="button"
                className="btn btn-light review-keep"
                data-testid={`keep-${String(e.value)}`}
                onClick={() => props.onKeep(e.value as T | null)}
              >
                Keep {shown(e.value)}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A value for display: blank for null or empty. */
export const shown = (value: number | string | null): string =>
  value === null || value === '' ? 'blank' : String(value);
/** A time of day with seconds, on this device’s clock. */
export const time = (at: number) =>
  new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
