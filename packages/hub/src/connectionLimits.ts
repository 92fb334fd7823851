/** A token bucket: up to `burst` messages at once, refilled at `perSecond`. */
export interface RateLimit {
  burst: number;
  perSecond: number;
}

/**
 * What one connection may send and leave unread (docs/PROTOCOL.md, Limits). The whole-frame cap
 * (`maxPayloadBytes` of startHub) stays large so a long offline backlog fits in one message;
 * these are the tighter per-connection limits on top of it.
 */
export interface ConnectionLimits {
  /**
   * Sync messages (updates and sync steps). One per committed value from an honest tablet, and
   * a reconnecting tablet's whole backlog is one message, so this never holds a catch-up back.
   */
  syncRate: RateLimit;
  /** Awareness updates and queries, heartbeats: cheap and frequent, so a looser bucket. */
  presenceRate: RateLimit;
  /** Largest awareness message (who is online, a device name): never needs more than a few kB. */
  maxAwarenessBytes: number;
  /** Largest heartbeat, awareness query or auth message: these are a byte or two. */
  maxControlBytes: number;
  /**
   * Most bytes the hub keeps queued for a peer that does not read them; past it the peer is
   * dropped. Far above the largest document a tablet may have to receive in one sync.
   */
  maxBufferedBytes: number;
}

export const DEFAULT_CONNECTION_LIMITS: Readonly<ConnectionLimits> = {
  // A judge commits a value every few seconds. 60 at once covers 50 commits made in one go
  // (a sheet filled in offline-style, a submit) plus the sync steps of a fresh connection;
  // 20/s sustained is far beyond any person.
  syncRate: { burst: 60, perSecond: 20 },
  presenceRate: { burst: 100, perSecond: 50 },
  maxAwarenessBytes: 64 * 1024,
  maxControlBytes: 64,
  maxBufferedBytes: 16 * 1024 * 1024,
};

/** The defaults with the given limits replaced (e.g. tighter ones in a test). */
export function connectionLimits(overrides: Partial<ConnectionLimits> = {}): ConnectionLimits {
  return { ...DEFAULT_CONNECTION_LIMITS, ...overrides };
}
