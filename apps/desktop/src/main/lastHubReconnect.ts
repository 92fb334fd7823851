import type { ConnectionProblem, ReconnectView } from '../shared/contract.js';
import { originLabel } from './hubAddress.js';
import { probeProblem, type ProbeResult } from './hubProbe.js';
import type { RememberedHub } from './settingsStore.js';

export interface LastHubReconnectDeps {
  /** Is there a hub at this origin, and which one? (`probeHub`) */
  probe: (origin: string) => Promise<ProbeResult>;
  /** Where the hub may be now: its remembered origin first, then what mDNS announces. */
  candidates: (hub: RememberedHub) => string[];
  /** Found it: open its page. */
  join: (origin: string, hub: RememberedHub, hubId: string | null) => void;
  /** The view or the problem changed (for the start window). */
  onChange: () => void;
  /** Between rounds; a Wi-Fi coming back should not wait long. */
  intervalMs?: number;
}

/**
 * Gets a judge's laptop back to the hub it joined last: one round tries every place the hub may
 * be, then waits and tries again, until it is found or the judge picks something else. A hub
 * answering at the old address with another hub id is not ours (the address was handed to
 * another laptop), and is never joined. Plain Node: probe, candidates and timing are injected.
 */
export class LastHubReconnect {
  private current: { hub: RememberedHub; view: ReconnectView } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private lastProblem: ConnectionProblem | null = null;

  constructor(private readonly deps: LastHubReconnectDeps) {}

  /** What the start window shows while trying; null when not trying. */
  get view(): ReconnectView | null {
    return this.current?.view ?? null;
  }

  /** Why the last round failed. */
  get problem(): ConnectionProblem | null {
    return this.lastProblem;
  }

  /** The hub being looked for. */
  get hub(): RememberedHub | null {
    return this.current?.hub ?? null;
  }

  start(hub: RememberedHub): void {
    this.cancel();
    const label = originLabel(hub.origin);
    this.current = {
      hub,
      view: { label: hub.eventName || label, address: label, attempt: 0, waiting: false },
    };
    void this.round();
  }

  /** Try now instead of at the next round (mDNS just saw the hub). */
  nudge(): void {
    if (this.current && !this.running) void this.round();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.current) return;
    this.current = null;
    this.lastProblem = null;
    this.deps.onChange();
  }

  private async round(): Promise<void> {
    const current = this.current;
    if (!current || this.running) return;
    this.running = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    current.view = { ...current.view, attempt: current.view.attempt + 1, waiting: false };
    this.deps.onChange();
    let failure: Extract<ProbeResult, { ok: false }> | null = null;
    let wrongHubAt: string | null = null;
    try {
      for (const origin of this.deps.candidates(current.hub)) {
        const probe = await this.deps.probe(origin);
        if (this.current !== current) return;
        if (!probe.ok) {
          failure ??= probe;
          continue;
        }
        const expected = current.hub.hubId;
        if (expected !== null && probe.hubId !== null && probe.hubId !== expected) {
          wrongHubAt ??= originLabel(origin);
          continue;
        }
        this.current = null;
        this.lastProblem = null;
        this.deps.join(origin, current.hub, probe.hubId ?? expected);
        this.deps.onChange();
        return;
      }
    } finally {
      this.running = false;
    }
    if (this.current !== current) return;
    this.lastProblem = wrongHubAt
      ? {
          reason: 'not-found',
          message: `Another hub answers at ${wrongHubAt} now. ${current.view.label} may have moved: JudgeHub keeps looking for it on this network.`,
          address: wrongHubAt,
        }
      : failure
        ? probeProblem(failure, current.view.address)
        : null;
    current.view = { ...current.view, waiting: true };
    this.timer = setTimeout(() => void this.round(), this.deps.intervalMs ?? 5_000);
    this.deps.onChange();
  }
}
