import { BrowserWindow, powerSaveBlocker } from 'electron';
import { discoverHubs, type HubDiscovery } from '@judgehub/discovery';
import type {
  ClientView,
  ConnectionProblem,
  ConnectRequest,
  ConnectResult,
} from '../shared/contract.js';
import { originLabel, parseHubAddress } from './hubAddress.js';
import { hubOrigins, reconnectOrigins, toHubListings } from './hubListings.js';
import { probeHub, probeProblem } from './hubProbe.js';
import { LastHubReconnect } from './lastHubReconnect.js';
import type { RememberedHub, RememberedPage, SettingsStore } from './settingsStore.js';
import { createHubWindow, type MainLog } from './windows.js';

export interface ClientModeDeps {
  settings: SettingsStore;
  log: MainLog;
  protocolVersion: number;
  /** Something the start window shows changed. */
  onChange: () => void;
  /** The judge view opened (hide the start window) or closed (show it again). */
  onJudgeWindow: (open: boolean) => void;
}

/** Chromium's "aborted": a navigation replaced by another, not a failure. */
const ERR_ABORTED = -3;

/**
 * Client mode, on a judge's laptop: finds hubs over mDNS, joins the one picked or typed (after
 * checking it is a hub), shows its judge view in a window of its own (no preload: a hub's page
 * never gets the app's API), keeps the screen awake while it is open, and gets back to the last
 * hub at the next start, also when its address changed.
 */
export class ClientMode {
  private discovery: HubDiscovery | null = null;
  private judgeWindow: BrowserWindow | null = null;
  private judgeOrigin: string | null = null;
  private awake: number | null = null;
  private problem: ConnectionProblem | null = null;
  private readonly reconnect: LastHubReconnect;

  constructor(private readonly deps: ClientModeDeps) {
    this.reconnect = new LastHubReconnect({
      probe: (origin) => probeHub(origin),
      candidates: (hub) => reconnectOrigins(hub, this.discovery?.hubs() ?? []),
      // At another address the judge's sign-in (kept per origin by the page) is not there yet.
      join: (origin, hub, hubId) => {
        const page = origin === hub.origin ? hub.page : '/join';
        this.join(origin, hubId, hub.eventName, page, page);
      },
      onChange: () => {
        if (this.reconnect.problem) this.problem = this.reconnect.problem;
        deps.onChange();
      },
    });
  }

  view(): ClientView {
    const settings = this.deps.settings.get();
    const hubs = this.discovery?.hubs() ?? [];
    const status = this.discovery?.status();
    return {
      hubs: toHubListings(hubs, {
        protocolVersion: this.deps.protocolVersion,
        lastHubId: settings.lastHub?.hubId ?? null,
        lastOrigin: settings.lastHub?.origin ?? null,
      }),
      discovery: !status
        ? { active: false, detail: 'Not looking for hubs.' }
        : status.ok
          ? { active: true, detail: `Looking on ${status.name} (${status.address}).` }
          : { active: false, detail: `Cannot look for hubs: ${status.reason}.` },
      lastHub: settings.lastHub
        ? {
            label: settings.lastHub.eventName || originLabel(settings.lastHub.origin),
            address: originLabel(settings.lastHub.origin),
          }
        : null,
      reconnect: this.reconnect.view,
      problem: this.problem,
    };
  }

  /** Starts looking for hubs, and goes back to the last hub if there is one. */
  start(): void {
    if (!this.discovery) {
      this.discovery = discoverHubs(
        (change) => {
          this.deps.onChange();
          // The last hub showed up (perhaps at a new address): try it now, not in 5 s.
          if (change.type !== 'down' && change.hub.hubId === this.reconnect.hub?.hubId)
            this.reconnect.nudge();
        },
        { log: { info: this.deps.log, warn: this.deps.log } },
      );
    }
    const last = this.deps.settings.get().lastHub;
    if (last) this.reconnect.start(last);
    this.deps.onChange();
  }

  async stop(): Promise<void> {
    this.cancelReconnect();
    this.closeJudgeWindow();
    const discovery = this.discovery;
    this.discovery = null;
    await discovery?.stop();
  }

  /** Leaves the hub's page for the start window (menu: "Choose another hub…"). */
  leaveHub(): void {
    this.cancelReconnect();
    this.closeJudgeWindow();
  }

  cancelReconnect(): void {
    this.reconnect.cancel();
    this.deps.onChange();
  }

  async connect(request: ConnectRequest): Promise<ConnectResult> {
    this.cancelReconnect();
    switch (request.kind) {
      case 'last': {
        const last = this.deps.settings.get().lastHub;
        if (!last)
          return this.fail({
            reason: 'not-found',
            message: 'No hub was joined before.',
            address: null,
          });
        this.reconnect.start(last);
        return { ok: true, address: originLabel(last.origin) };
      }
      case 'address': {
        const address = parseHubAddress(request.address);
        if (!address.ok)
          return this.fail({ reason: 'invalid-address', message: address.problem, address: null });
        const probe = await probeHub(address.origin);
        if (!probe.ok) return this.fail(probeProblem(probe, address.label));
        this.join(
          address.origin,
          probe.hubId,
          '',
          address.page ?? '/join',
          address.page ? '/judge' : '/join',
        );
        return { ok: true, address: address.label };
      }
      case 'listed': {
        const hub = this.discovery?.hubs().find((h) => h.hubId === request.hubId);
        if (!hub)
          return this.fail({
            reason: 'not-found',
            message: 'That hub is no longer on the network. Pick another, or type its address.',
            address: null,
          });
        if (hub.protocolVersion !== this.deps.protocolVersion)
          return this.fail({
            reason: 'incompatible',
            message: 'That hub runs another version of JudgeHub: update the app on one side.',
            address: null,
          });
        let firstFailure: ConnectionProblem | null = null;
        for (const origin of hubOrigins(hub)) {
          const probe = await probeHub(origin);
          if (probe.ok && (probe.hubId === null || probe.hubId === hub.hubId)) {
            this.join(origin, hub.hubId, hub.eventName, '/join', '/join');
            return { ok: true, address: originLabel(origin) };
          }
          firstFailure ??= probe.ok
            ? {
                reason: 'not-found',
                message: 'Another hub answers at that address now.',
                address: originLabel(origin),
              }
            : probeProblem(probe, originLabel(origin));
        }
        return this.fail(
          firstFailure ?? {
            reason: 'unreachable',
            message: 'The hub gave no address.',
            address: null,
          },
        );
      }
    }
  }

  private fail(problem: ConnectionProblem): ConnectResult {
    this.problem = problem;
    this.deps.onChange();
    return { ok: false, ...problem };
  }

  /** Opens the hub's page and remembers the hub (its page path only: never a token). */
  private join(
    origin: string,
    hubId: string | null,
    eventName: string,
    path: string,
    remembered: RememberedPage,
  ): void {
    this.problem = null;
    this.saveLastHub({ origin, hubId, eventName, page: remembered });
    this.closeJudgeWindow();
    this.judgeOrigin = origin;
    const win = createHubWindow(
      {
        url: `${origin}${path}`,
        hubOrigin: origin,
        title: `JudgeHub — ${eventName || originLabel(origin)}`,
      },
      this.deps.log,
    );
    this.judgeWindow = win;
    const contents = win.webContents;
    contents.on('did-navigate', (_event, url) => {
      // Signed in (the join page moved on to the judge view): come back to it next time.
      if (new URL(url).pathname.replace(/\/+$/, '') === '/judge') this.rememberPage('/judge');
    });
    contents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
      if (!isMainFrame || code === ERR_ABORTED || this.judgeWindow !== win) return;
      this.deps.log('client.page_failed', { code, description });
      const last = this.deps.settings.get().lastHub;
      this.problem = {
        reason: 'lost',
        message: `The hub's page could not be loaded (${description}). Scores already entered stay on this laptop; JudgeHub keeps trying to get back to the hub.`,
        address: originLabel(origin),
      };
      this.closeJudgeWindow();
      if (last) this.reconnect.start(last);
    });
    contents.once('did-finish-load', () => {
      if (this.awake === null) this.awake = powerSaveBlocker.start('prevent-display-sleep');
    });
    win.on('closed', () => {
      if (this.judgeWindow !== win) return;
      this.judgeWindow = null;
      this.judgeOrigin = null;
      this.releaseAwake();
      this.deps.onJudgeWindow(false);
      this.deps.onChange();
    });
    this.deps.onJudgeWindow(true);
    this.deps.onChange();
  }

  private rememberPage(page: RememberedPage): void {
    const last = this.deps.settings.get().lastHub;
    if (last && last.origin === this.judgeOrigin && last.page !== page)
      this.saveLastHub({ ...last, page });
  }

  private saveLastHub(hub: RememberedHub): void {
    const saved = this.deps.settings.update({ lastHub: hub });
    if (!saved.ok) this.deps.log('settings.save_failed', { problem: saved.problem });
  }

  private closeJudgeWindow(): void {
    const win = this.judgeWindow;
    this.judgeWindow = null;
    this.judgeOrigin = null;
    this.releaseAwake();
    if (win && !win.isDestroyed()) {
      win.close();
      this.deps.onJudgeWindow(false);
    }
  }

  private releaseAwake(): void {
    if (this.awake !== null && powerSaveBlocker.isStarted(this.awake))
      powerSaveBlocker.stop(this.awake);
    this.awake = null;
  }
}
