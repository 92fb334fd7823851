import { useEffect, useState } from 'react';
import {
  endReveal,
  revealSteps,
  setDisplayMode,
  setRevealShown,
  startReveal,
  type RevealState,
} from '@judgehub/model';
import { ordinal } from '../scoreboard/boardFormat.js';
import { Choice } from './Choice.js';
import type { DisplayControl } from './displayControl.js';

const PLACES: { places: number | null; label: string }[] = [
  { places: 3, label: 'Top 3' },
  { places: 5, label: 'Top 5' },
  { places: 10, label: 'Top 10' },
  { places: null, label: 'Every place' },
];

/**
 * The awards ceremony: pick a category and how many places, start (nothing is shown but the
 * title), then one click per place from the last to the first. A presenter remote works too.
 */
export function RevealPanel({ ctl }: { ctl: DisplayControl }) {
  const { display } = ctl;
  const reveal = display.reveal;
  return (
    <section className="ctl-panel ctl-panel-reveal" aria-labelledby="ctl-reveal">
      <h2 id="ctl-reveal">Awards reveal</h2>
      {reveal && display.mode === 'reveal' ? (
        <RevealRunning ctl={ctl} reveal={reveal} />
      ) : (
        <RevealSetup ctl={ctl} />
      )}
    </section>
  );
}

function RevealSetup({ ctl }: { ctl: DisplayControl }) {
  const { doc, display, categories } = ctl;
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [places, setPlaces] = useState<number | null>(3);
  const chosenId = categoryId ?? display.categoryId ?? categories[0]?.categoryId ?? null;
  const category = categories.find((c) => c.categoryId === chosenId) ?? null;
  const steps = category ? revealSteps(category.standings, places) : [];
  return (
    <>
      <p className="ctl-note">
        The reveal uses{' '}
        {display.frozen ? 'the frozen standings' : 'the standings at the moment you start'}; scores
        that arrive during the ceremony do not change it. Teams sharing a place are revealed
        together.
      </p>
      <h3>Category</h3>
      <div className="ctl-choices">
        {categories.map((c) => (
          <Choice
            key={c.categoryId}
            on={chosenId === c.categoryId}
            testId={`reveal-category-${c.categoryId}`}
            onClick={() => setCategoryId(c.categoryId)}
          >
            {c.categoryName}
          </Choice>
        ))}
      </div>
      <h3>Places</h3>
      <div className="ctl-choices">
        {PLACES.map((p) => (
          <Choice
            key={p.label}
            on={places === p.places}
            testId={`reveal-places-${p.places ?? 'all'}`}
            onClick={() => setPlaces(p.places)}
          >
            {p.label}
          </Choice>
        ))}
      </div>
      <div className="ctl-choices">
        <button
          type="button"
          className="btn btn-large btn-primary"
          data-testid="reveal-start"
          disabled={!category || steps.length === 0}
          onClick={() => category && startReveal(doc, category, places, ctl.hubNow())}
        >
          Start the reveal{steps.length > 0 ? ` (${steps.length} steps)` : ''}
        </button>
        {display.reveal && (
          <button
            type="button"
            className="btn btn-large"
            data-testid="reveal-resume"
            onClick={() => setDisplayMode(doc, 'reveal', ctl.hubNow())}
          >
            Back to the reveal of {display.reveal.category.categoryName}
          </button>
        )}
      </div>
      {category && steps.length === 0 && (
        <p className="ctl-note">No team in {category.categoryName} has a score yet.</p>
      )}
    </>
  );
}

function RevealRunning({ ctl, reveal }: { ctl: DisplayControl; reveal: RevealState }) {
  const { doc } = ctl;
  const steps = revealSteps(reveal.category.standings, reveal.places);
  const shown = Math.min(reveal.shown, steps.length);
  const next = steps[shown];
  const done = shown >= steps.length;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, select, textarea')) return;
      // Space or Enter on a focused button already clicks it.
      if (target?.closest('button') && (e.key === ' ' || e.key === 'Enter')) return;
      const current = Math.min(reveal.shown, steps.length);
      if (['ArrowRight', 'PageDown', ' '].includes(e.key)) {
        e.preventDefault();
        setRevealShown(doc, current + 1);
      } else if (['ArrowLeft', 'PageUp'].includes(e.key)) {
        e.preventDefault();
        setRevealShown(doc, current - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doc, reveal.shown, steps.length]);

  return (
    <>
      <p className="ctl-status" data-testid="reveal-status">
        {reveal.category.categoryName}: {shown} of {steps.length} steps revealed
        {shown > 0 &&
          ` · on screen: ${placeName(steps[shown - 1]!.rank, steps[shown - 1]!.teams.length)}`}
      </p>
      <button
        type="button"
        className="btn btn-primary ctl-next"
        data-testid="reveal-next"
        disabled={done}
        onClick={() => setRevealShown(doc, shown + 1)}
      >
        {next ? `Reveal ${placeName(next.rank, next.teams.length)}` : 'Every place is revealed'}
      </button>
      <div className="ctl-choices">
        <button
          type="button"
          className="btn btn-large"
          data-testid="reveal-back"
          disabled={shown === 0}
          onClick={() => setRevealShown(doc, shown - 1)}
        >
          ◀ Back one step
        </button>
        <button
          type="button"
          className="btn btn-large"
          data-testid="reveal-end"
          onClick={() => endReveal(doc, ctl.hubNow())}
        >
          End the reveal
        </button>
      </div>
      <p className="ctl-note">Presenter remote or keyboard: → next place, ← back.</p>
    </>
  );
}

function placeName(rank: number, teams: number): string {
  if (rank === 1) return teams > 1 ? 'the joint winners' : 'the winner';
  return `${teams > 1 ? 'shared ' : ''}${ordinal(rank)} place`;
}
