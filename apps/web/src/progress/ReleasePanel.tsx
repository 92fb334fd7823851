import { useState } from 'react';
import { readRelease, setRelease } from '@judgehub/model';
import { ConfirmDialog } from '../shared/ConfirmDialog.js';
import type { HubDoc } from '../shared/useHubDoc.js';

/**
 * The "Release results to teams" switch. Releasing asks first: from then on every team can open
 * its scores and the judges' comments with its code. Taking it back closes those pages again.
 */
export function ReleasePanel({ control, by }: { control: HubDoc | null; by: string }) {
  const [confirming, setConfirming] = useState<boolean | null>(null);
  const release = control ? readRelease(control.doc) : null;
  const released = release?.released ?? false;
  return (
    <section className="panel release" aria-labelledby="release-title" data-testid="release-panel">
      <h2 id="release-title">Results for teams</h2>
      <div className="release-row">
        <p
          className={`release-state ${released ? 'release-on' : 'release-off'}`}
          data-testid="release-state"
        >
          {released
            ? 'Released: teams can open their feedback with their code.'
            : 'Not released: teams see “Results are not released yet”.'}
          {release?.at !== null && release?.at !== undefined && (
            <span className="hint">
              {' '}
              {released ? 'Released' : 'Last changed'} by {release.by ?? 'someone'} at{' '}
              {new Date(release.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.
            </span>
          )}
        </p>
        <button
          className={`switch${released ? ' switch-on' : ''}`}
          type="button"
          role="switch"
          aria-checked={released}
          disabled={!control}
          onClick={() => setConfirming(!released)}
          data-testid="release-switch"
        >
          <span className="switch-knob" aria-hidden />
          <span>Release results to teams</span>
        </button>
      </div>
      {confirming !== null && (
        <Confirm
          release={confirming}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            if (control) setRelease(control.doc, confirming, by);
            setConfirming(null);
          }}
        />
      )}
    </section>
  );
}

function Confirm({
  release,
  onConfirm,
  onCancel,
}: {
  release: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmDialog
      title={release ? 'Release results to every team?' : 'Take the results back?'}
      confirmLabel={release ? 'Release results' : 'Take results back'}
      danger={!release}
      confirmTestId="confirm-release"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {release ? (
        <p>
          Each team can then open its own scores per criterion and the judges’ comments (without
          judges’ names) with its team code. Check that judging is finished and reviewed first.
        </p>
      ) : (
        <p>Teams’ feedback pages will say “Results are not released yet” again.</p>
      )}
    </ConfirmDialog>
  );
}
