import { useMemo } from 'react';
import {
  readRounds,
  roundRemainingMs,
  type Category,
  type JudgingRound,
  type TimeSlot,
} from '@judgehub/model';
import type { HubDoc } from '../shared/useHubDoc.js';
import { useHubNow } from '../scoreboard/useHubNow.js';

/** 12:05 for twelve minutes five seconds; 1:02:05 past an hour. */
export function countdown(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * The judging round of each category shown (the one being scored, or all of the judge's): open
 * with the time left, paused, or closed. Counts down on the hub's clock, so every tablet shows
 * the same time left. A closed round does not stop scoring; the head judge's lock does.
 */
export function RoundBanner(props: {
  control: HubDoc | null;
  categories: readonly Category[];
  /** The slot of the sheet being scored: its own countdown while it runs. */
  slot?: TimeSlot | null;
}) {
  const { control } = props;
  const rounds = useMemo(
    () => (control ? readRounds(control.doc) : new Map<string, JudgingRound>()),
    [control],
  );
  const hubNow = useHubNow(control?.status.hubTimeOffsetMs ?? 0, 500);
  const shown = props.categories
    .map((category) => ({ category, round: rounds.get(category.id) }))
    .filter((x): x is { category: Category; round: JudgingRound } => x.round !== undefined);
  const slot = props.slot;
  const slotEnd = slot ? slot.start + slot.minutes * 60_000 : null;
  const slotRunning = slot && slotEnd !== null && slot.start <= hubNow && hubNow < slotEnd;
  if (shown.length === 0 && !slotRunning) return null;
  return (
    <div className="round-banners" data-testid="round-banners">
      {shown.map(({ category, round }) => {
        const left = roundRemainingMs(round, hubNow);
        return (
          <p
            key={category.id}
            className={`round-banner round-${round.phase}`}
            data-testid={`round-${category.id}`}
            data-phase={round.phase}
            role="status"
          >
            <span className="round-title">
              {category.name} · Round {round.number}
            </span>
            {round.phase === 'open' && (
              <span className="round-state">
                Open
                {left !== null &&
                  (left > 0 ? (
                    <>
                      {' · '}
                      <span className="round-clock" data-testid="round-countdown">
                        {countdown(left)}
                      </span>{' '}
                      left
                    </>
                  ) : (
                    ' · time is up'
                  ))}
              </span>
            )}
            {round.phase === 'paused' && (
              <span className="round-state">
                Paused
                {left !== null && (
                  <>
                    {' · '}
                    <span className="round-clock" data-testid="round-countdown">
                      {countdown(left)}
                    </span>{' '}
                    left when it resumes
                  </>
                )}
              </span>
            )}
            {round.phase === 'closed' && (
              <span className="round-state">Round closed — the head judge may lock it</span>
            )}
          </p>
        );
      })}
      {slotRunning && slotEnd !== null && (
        <p className="round-banner round-slot" data-testid="slot-countdown" role="status">
          <span className="round-title">This slot</span>
          <span className="round-state">
            ends in <span className="round-clock">{countdown(slotEnd - hubNow)}</span>
          </span>
        </p>
      )}
    </div>
  );
}
