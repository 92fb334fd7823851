import { freezeStandings, unfreezeStandings } from '@judgehub/model';
import { clockTime } from '../scoreboard/boardFormat.js';
import type { DisplayControl } from './displayControl.js';

/**
 * Freezing keeps every screen on the standings of this moment while judges go on scoring, e.g.
 * before the ceremony, so the hall does not see the results before they are announced.
 */
export function FreezePanel({ ctl }: { ctl: DisplayControl }) {
  const { doc, display, results } = ctl;
  const frozen = display.frozen;
  const freeze = () => freezeStandings(doc, results, ctl.hubNow());
  return (
    <section className="ctl-panel" aria-labelledby="ctl-freeze">
      <h2 id="ctl-freeze">Freeze</h2>
      <p className="ctl-status" data-testid="freeze-status">
        {frozen
          ? `Frozen at ${clockTime(frozen.takenAt)}: the screens keep these standings while scoring goes on.`
          : 'Live: the screens follow every new score.'}
      </p>
      <div className="ctl-choices">
        {frozen ? (
          <>
            <button
              type="button"
              className="btn btn-large btn-primary"
              data-testid="unfreeze"
              onClick={() => unfreezeStandings(doc)}
            >
              Unfreeze: show live results
            </button>
            <button type="button" className="btn btn-large" data-testid="refreeze" onClick={freeze}>
              Freeze again with the latest
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn btn-large btn-primary"
            data-testid="freeze"
            onClick={freeze}
          >
            Freeze the standings now
          </button>
        )}
      </div>
    </section>
  );
}
