import type { HubAnnouncement } from './hubTxt.js';

/** A hub as a tablet sees it: who it is, and where to reach it. */
export interface DiscoveredHub extends HubAnnouncement {
  port: number;
  /** Every address it was seen on, the newest announcement's first. */
  addresses: string[];
}

export type HubChange =
  | { type: 'up'; hub: DiscoveredHub }
  | { type: 'update'; hub: DiscoveredHub }
  /** `goodbye`: the hub said it stops; `expired`: it has not answered for a while. */
  | { type: 'down'; hub: DiscoveredHub; reason: 'goodbye' | 'expired' };

/** One mDNS service instance that answered: a hub publishes a new one when it re-announces. */
export interface SeenInstance {
  /** The instance's full name, e.g. `JudgeHub 1a2b3c4d 9f8e7d._judgehub._tcp.local`. */
  key: string;
  announcement: HubAnnouncement;
  port: number;
  addresses: string[];
}

interface Instance extends SeenInstance {
  firstSeen: number;
  lastSeen: number;
}

/**
 * Folds mDNS service instances into hubs. One hub can show up as several instances (it
 * re-announces under a new name when its address or event changes; a laptop on Wi-Fi and cable
 * answers on both), so hubs are keyed by hub id, and a hub goes down only when its last instance
 * does. Pure: time comes in as arguments, changes go out through `onChange`.
 */
export class HubDirectory {
  private readonly instances = new Map<string, Instance>();
  /** The view last reported per hub id, to report only real changes. */
  private readonly reported = new Map<string, DiscoveredHub>();

  constructor(
    private readonly onChange: (change: HubChange) => void,
    /** A flood of fake announcements must not grow memory without bound. */
    private readonly maxInstances = 256,
  ) {}

  hubs(): DiscoveredHub[] {
    return [...this.reported.values()];
  }

  seen(instance: SeenInstance, now: number): void {
    const previous = this.instances.get(instance.key);
    if (!previous && this.instances.size >= this.maxInstances) return;
    this.instances.set(instance.key, {
      ...instance,
      firstSeen: previous?.firstSeen ?? now,
      lastSeen: now,
    });
    this.refresh(instance.announcement.hubId, 'goodbye');
    // The same instance name now claiming another hub id: the old hub lost an instance.
    if (previous && previous.announcement.hubId !== instance.announcement.hubId)
      this.refresh(previous.announcement.hubId, 'goodbye');
  }

  /** The instance sent a goodbye (TTL 0). */
  gone(key: string): void {
    const instance = this.instances.get(key);
    if (!instance) return;
    this.instances.delete(key);
    this.refresh(instance.announcement.hubId, 'goodbye');
  }

  /** Drops instances not seen for `maxAgeMs`. */
  expire(now: number, maxAgeMs: number): void {
    const touched = new Set<string>();
    for (const [key, instance] of this.instances) {
      if (now - instance.lastSeen <= maxAgeMs) continue;
      this.instances.delete(key);
      touched.add(instance.announcement.hubId);
    }
    for (const hubId of touched) this.refresh(hubId, 'expired');
  }

  private refresh(hubId: string, reason: 'goodbye' | 'expired'): void {
    const before = this.reported.get(hubId);
    const after = this.view(hubId);
    if (!after) {
      if (!before) return;
      this.reported.delete(hubId);
      this.onChange({ type: 'down', hub: before, reason });
      return;
    }
    this.reported.set(hubId, after);
    if (!before) this.onChange({ type: 'up', hub: after });
    else if (JSON.stringify(before) !== JSON.stringify(after))
      this.onChange({ type: 'update', hub: after });
  }

  /**
   * The newest instance speaks for the hub (an older one is a previous announcement not yet gone);
   * addresses of every instance on the same port are kept, so a tablet can try each.
   */
  private view(hubId: string): DiscoveredHub | null {
    const mine = [...this.instances.values()]
      .filter((i) => i.announcement.hubId === hubId)
      .sort((a, b) => b.firstSeen - a.firstSeen || (a.key < b.key ? -1 : 1));
    const newest = mine[0];
    if (!newest) return null;
    const addresses = mine.filter((i) => i.port === newest.port).flatMap((i) => i.addresses);
    return { ...newest.announcement, port: newest.port, addresses: [...new Set(addresses)] };
  }
}
