import { useEffect, useState } from 'react';
import type { DocSyncStatus } from '@judgehub/sync-client';

/** Connection state in words a judge understands, with time since the hub last confirmed. */
export function ConnectionBadge({ status, waiting }: { status: DocSyncStatus; waiting?: number }) {
  const now = useNow(5000);
  const since = status.lastSyncAt ? formatAgo(now - status.lastSyncAt) : null;
  let tone: 'ok' | 'warn' | 'bad';
  let text: string;
  if (status.state === 'refused') {
    tone = 'bad';
    text = status.refusal ?? 'The hub refused this device';
  } else if (status.state === 'online' && status.synced) {
    tone = 'ok';
    text = 'Connected to hub';
  } else if (status.state === 'offline') {
    tone = 'warn';
    text = 'Offline — scores stay on this tablet';
  } else {
    tone = 'warn';
    text = 'Connecting to hub…';
  }
  return (
    <div
      className={`conn conn-${tone}`}
      data-testid="connection"
      data-state={status.state}
      role="status"
    >
      <span className="conn-dot" aria-hidden />
      <span>{text}</span>
      {waiting !== undefined && (
        <span className="conn-detail" data-testid="waiting">
          {waiting === 0 ? 'all saved on hub' : `${waiting} waiting to send`}
        </span>
      )}
      {since && <span className="conn-detail">synced {since}</span>}
    </div>
  );
}

export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function formatAgo(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 10) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.round(s / 60);
  return m < 60 ? `${m} min ago` : `${Math.round(m / 60)} h ago`;
}
