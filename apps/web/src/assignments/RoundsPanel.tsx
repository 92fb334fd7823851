import { useMemo, useState } from 'react';
import {
  closeRound,
  openRound,
  pauseRound,
  readRounds,
  resumeRound,
  roundRemainingMs,
  type Category,
  type RoundChange,
  type RoundWriter,
} from '@judgehub/model';
import type { HubDoc } from '../shared/useHubDoc.js';
import { useHubNow } from '../scoreboard/useHubNow.js';
import { countdown } from '../judge/RoundBanner.js';
import { tracked, type WriteMark } from './assignmentWrites.js';
import { SaveState } from './SaveState.js';

/** A round change made now, on the hub's clock. */
const writerAt = (offsetMs: number, by: string): RoundWriter => ({
  now: Date.now() + offsetMs,
  by,
});

const PHASE_LABEL = { open: 'Open', paused: 'Paused', closed: 'Closed' } as const;

/**
 * The judging round of each category: open (with an optional countdown), pause, resume, close.
 * Every tablet scoring the category shows it at once. Closing does not stop scoring: the head
 * judge's lock does that.
 */
export function RoundsPanel(props: {
  control: HubDoc;
  categories: readonly Category[];
  by: string;
}) {
  const { control } = props;
  const rounds = useMemo(() => readRounds(control.doc), [control]);
  const offset = control.status.hubTimeOffsetMs ?? 0;
  const hubNow = useHubNow(offset, 500);
  const [minutes, setMinutes] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<WriteMark | null>(null);
  const writer = () => writerAt(offset, props.by);
  const act = (change: () => RoundChange) => {
    const [written, result] = tracked(control.doc, '', change);
    if (result.ok) {
      const name = props.categories.find((c) => c.id === result.round.categoryId)?.name;
      setSaved({ ...written, what: `${name}: round ${result.round.number} ${result.round.phase}` });
    }
    setError(result.ok ? null : result.reason);
  };

  return (
    <section className="panel asg-panel" aria-labelledby="rounds-title" data-testid="rounds-panel">
      <h2 id="rounds-title">Judging rounds</h2>
      <p className="hint">
        Open a round when judging starts in a category; judges see it, with the time left, on their
        tablets. Closing a round does not stop scoring: the head judge locks the category.
      </p>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <SaveState hub={control} mark={saved} />
      <ul className="asg-rounds">
        {props.categories.map((category) => {
          const round = rounds.get(category.id);
          const left = round ? roundRemainingMs(round, hubNow) : null;
          const phase = round?.phase ?? null;
          const duration = minutes[category.id] ?? '30';
          const parsed = duration.trim() === '' ? null : Number(duration);
          return (
            <li key={category.id} className="asg-round" data-testid={`round-panel-${category.id}`}>
              <div className="asg-round-head">
                <strong>{category.name}</strong>
                <span
                  className={`asg-phase asg-phase-${phase ?? 'none'}`}
                  data-testid="round-phase"
                >
                  {round ? `Round ${round.number} · ${PHASE_LABEL[round.phase]}` : 'No round yet'}
                  {left !== null && phase !== 'closed' && (
                    <>
                      {' · '}
                      <span className="round-clock">
                        {left > 0 ? countdown(left) : 'time is up'}
                      </span>
                      {left > 0 && ' left'}
                    </>
                  )}
                </span>
              </div>
              <div className="asg-round-actions">
                {(phase === null || phase === 'closed') && (
                  <>
                    <label className="asg-field asg-field-small">
                      <span>Minutes (empty: no limit)</span>
                      <input
                        type="number"
                        min={1}
                        max={1440}
                        inputMode="numeric"
                        value={duration}
                        data-testid={`round-minutes-${category.id}`}
                        onChange={(e) => setMinutes({ ...minutes, [category.id]: e.target.value })}
                      />
                    </label>
                    <button
                      className="btn btn-primary"
                      data-testid={`open-round-${category.id}`}
                      onClick={() =>
                        act(() =>
                          parsed !== null && !Number.isFinite(parsed)
                            ? { ok: false, reason: 'The minutes must be a number, or empty.' }
                            : openRound(control.doc, category.id, parsed, writer()),
                        )
                      }
                    >
                      {phase === 'closed' ? `Open round ${round!.number + 1}` : 'Open round'}
                    </button>
                  </>
                )}
                {phase === 'open' && (
                  <button
                    className="btn"
                    data-testid={`pause-round-${category.id}`}
                    onClick={() => act(() => pauseRound(control.doc, category.id, writer()))}
                  >
                    Pause
                  </button>
                )}
                {phase === 'paused' && (
                  <button
                    className="btn btn-primary"
                    data-testid={`resume-round-${category.id}`}
                    onClick={() => act(() => resumeRound(control.doc, category.id, writer()))}
                  >
                    Resume
                  </button>
                )}
                {(phase === 'open' || phase === 'paused') && (
                  <button
                    className="btn btn-danger-outline"
                    data-testid={`close-round-${category.id}`}
                    onClick={() => act(() => closeRound(control.doc, category.id, writer()))}
                  >
                    Close round
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
