import type { HubDoc } from '../shared/useHubDoc.js';
import type { WriteMark } from './assignmentWrites.js';

/** What happened to this device's last write: on this device, or saved on the hub. */
export function SaveState({ hub, mark }: { hub: HubDoc; mark: WriteMark | null }) {
  if (!mark) return null;
  const onHub =
    mark.clock === null ? hub.status.synced : hub.sync.isDurable(mark.clientId, mark.clock);
  return (
    <p
      className={`asg-save ${onHub ? 'asg-save-hub' : 'asg-save-local'}`}
      data-testid="save-state"
      data-saved={onHub ? 'hub' : 'device'}
      role="status"
    >
      {mark.what} · {onHub ? 'saved on hub ✓' : 'on this device, waiting for the hub…'}
    </p>
  );
}
