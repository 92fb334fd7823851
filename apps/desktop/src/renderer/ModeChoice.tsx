import { useState } from 'react';
import type { AppMode } from '../shared/contract.js';

interface ModeChoiceProps {
  current: AppMode | null;
  onChoose: (mode: AppMode) => Promise<void>;
  /** Null at the first start: there is nothing to go back to. */
  onBack: (() => void) | null;
}

const MODES: { mode: AppMode; title: string; text: string }[] = [
  {
    mode: 'hub',
    title: 'Run the hub on this laptop',
    text: 'The venue laptop: it keeps every score and serves the judges’ tablets and the scoreboard. Keep it plugged in and on the venue network.',
  },
  {
    mode: 'client',
    title: 'Join a hub',
    text: 'A judge’s laptop: it finds the venue’s hub on this network and opens your score sheets.',
  },
];

/** First start (and the menu's "Change Mode…"): what this laptop is for. */
export function ModeChoice({ current, onChoose, onBack }: ModeChoiceProps) {
  const [busy, setBusy] = useState<AppMode | null>(null);
  const choose = (mode: AppMode) => {
    setBusy(mode);
    void onChoose(mode).finally(() => setBusy(null));
  };
  return (
    <main className="page mode-choice" aria-labelledby="mode-title" data-testid="mode-choice">
      <p className="brand">JudgeHub</p>
      <h1 id="mode-title">How will this laptop be used?</h1>
      <p className="lead">You can change this later from the JudgeHub menu.</p>
      <div className="choices">
        {MODES.map(({ mode, title, text }) => (
          <button
            key={mode}
            type="button"
            className={`choice${current === mode ? ' choice-current' : ''}`}
            data-testid={`mode-${mode}`}
            disabled={busy !== null}
            aria-describedby={`mode-${mode}-text`}
            onClick={() => choose(mode)}
          >
            <span className="choice-title">
              {title}
              {current === mode && <span className="badge">Current</span>}
            </span>
            <span className="choice-text" id={`mode-${mode}-text`}>
              {text}
            </span>
            {busy === mode && <span className="choice-busy">Switching…</span>}
          </button>
        ))}
      </div>
      {onBack && (
        <button type="button" className="btn btn-ghost" onClick={onBack} data-testid="mode-back">
          Back
        </button>
      )}
    </main>
  );
}
