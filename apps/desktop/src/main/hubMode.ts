import { BrowserWindow, powerSaveBlocker, screen, shell } from 'electron';
import type { HubActionResult, HubState } from '../shared/contract.js';
import type { AppPaths } from './appLayout.js';
import { HubSupervisor } from './hubSupervisor.js';
import { chooseScoreboardDisplay, type ScoreboardPlacement } from './scoreboardDisplay.js';
import type { SettingsStore } from './settingsStore.js';
import { utilityHubProcess } from './utilityHubProcess.js';
import { createHubWindow, type MainLog } from './windows.js';

export interface HubModeDeps {
  paths: AppPaths;
  settings: SettingsStore;
  log: MainLog;
  /** Show the hub process's output in the terminal (`npm run desktop`). */
  showHubOutput: boolean;
  onState: (state: HubState) => void;
}

/**
 * Hub mode, on the venue laptop: the hub runs in a utility process under the supervisor; once it
 * is ready the organiser window opens, and the scoreboard fullscreen on a second display when
 * there is one. The laptop does not go to sleep while the hub runs.
 */
export class HubMode {
  private readonly supervisor: HubSupervisor;
  private organiser: BrowserWindow | null = null;
  private scoreboard: BrowserWindow | null = null;
  private openedAtStart = false;
  private noSleep: number | null = null;
  private displayAwake: number | null = null;
  private watchingDisplays = false;
  private readonly onDisplaysChanged = () => this.placeScoreboard();

  constructor(private readonly deps: HubModeDeps) {
    this.supervisor = new HubSupervisor({
      spawn: utilityHubProcess(deps.paths.hubEntry, deps.showHubOutput),
      launch: {
        dataDir: deps.paths.dataDir,
        port: deps.settings.get().hubPort,
        host: '0.0.0.0',
        webRoot: deps.paths.webRoot,
        logFile: deps.paths.hubLog,
        advertise: true,
      },
      log: deps.log,
    });
    this.supervisor.onState((state) => {
      this.keepAwake(state.status === 'running' || state.status === 'restarting');
      deps.onState(state);
    });
  }

  get state(): HubState {
    return this.supervisor.state;
  }

  async start(): Promise<void> {
    if (!this.watchingDisplays) {
      this.watchingDisplays = true;
      screen.on('display-added', this.onDisplaysChanged);
      screen.on('display-removed', this.onDisplaysChanged);
    }
    const outcome = await this.supervisor.start();
    if (!outcome.ok || this.openedAtStart) return;
    this.openedAtStart = true;
    await this.openOrganiser();
    if (outcome.hub.hasScoreboard) await this.openScoreboard();
  }

  /** Stops the hub cleanly (it writes everything, closes its database) and closes its windows. */
  async stop(): Promise<void> {
    this.watchingDisplays = false;
    screen.off('display-added', this.onDisplaysChanged);
    screen.off('display-removed', this.onDisplaysChanged);
    for (const win of [this.organiser, this.scoreboard])
      if (win && !win.isDestroyed()) win.destroy();
    const outcome = await this.supervisor.stop();
    this.deps.log('hub.stop', outcome);
    this.keepAwake(false);
  }

  retry(): void {
    void this.start();
  }

  async openOrganiser(): Promise<HubActionResult> {
    if (this.focus(this.organiser)) return { ok: true };
    const links = await this.supervisor.refreshLinks();
    const state = this.supervisor.state;
    if (!links?.organiser || state.status !== 'running') return notRunning(state);
    this.organiser = createHubWindow(
      { url: links.organiser, hubOrigin: state.hub.url, title: 'JudgeHub — Organiser' },
      this.deps.log,
    );
    this.organiser.on('closed', () => (this.organiser = null));
    return { ok: true };
  }

  async openScoreboard(): Promise<HubActionResult> {
    if (this.focus(this.scoreboard)) return { ok: true };
    const links = await this.supervisor.refreshLinks();
    const state = this.supervisor.state;
    if (state.status !== 'running' || !links) return notRunning(state);
    if (!links.scoreboard)
      return {
        ok: false,
        message: 'There is no scoreboard yet: set up the event in the organiser window first.',
      };
    const placement = this.placement();
    const win = createHubWindow(
      {
        url: links.scoreboard,
        hubOrigin: state.hub.url,
        title: 'JudgeHub — Scoreboard',
        bounds: placement?.bounds,
        fullscreen: placement?.fullscreen ?? false,
        backgroundColor: '#000000',
      },
      this.deps.log,
    );
    this.scoreboard = win;
    this.displayAwake = powerSaveBlocker.start('prevent-display-sleep');
    // Moved by hand to another display: put it there again next time.
    win.on('moved', () => {
      const id = screen.getDisplayMatching(win.getBounds()).id;
      if (id !== this.organiserDisplayId()) this.deps.settings.update({ scoreboardDisplayId: id });
    });
    win.on('closed', () => {
      this.scoreboard = null;
      if (this.displayAwake !== null) powerSaveBlocker.stop(this.displayAwake);
      this.displayAwake = null;
    });
    return { ok: true };
  }

  async showDataFolder(): Promise<HubActionResult> {
    const problem = await shell.openPath(this.deps.paths.dataDir);
    return problem ? { ok: false, message: problem } : { ok: true };
  }

  private placement(): ScoreboardPlacement | null {
    return chooseScoreboardDisplay(
      screen.getAllDisplays().map((d) => ({
        id: d.id,
        bounds: d.bounds,
        workArea: d.workArea,
        internal: d.internal,
      })),
      {
        organiserDisplayId: this.organiserDisplayId(),
        primaryDisplayId: screen.getPrimaryDisplay().id,
        rememberedDisplayId: this.deps.settings.get().scoreboardDisplayId,
      },
    );
  }

  /** A projector plugged in or pulled out: move the scoreboard where it now belongs. */
  private placeScoreboard(): void {
    const win = this.scoreboard;
    const placement = this.placement();
    if (!win || win.isDestroyed() || !placement) return;
    const apply = () => {
      win.setBounds(placement.bounds);
      if (placement.fullscreen) win.setFullScreen(true);
    };
    if (win.isFullScreen()) {
      win.once('leave-full-screen', apply);
      win.setFullScreen(false);
    } else {
      apply();
    }
  }

  private organiserDisplayId(): number | null {
    const win = this.organiser;
    return win && !win.isDestroyed() ? screen.getDisplayMatching(win.getBounds()).id : null;
  }

  private focus(win: BrowserWindow | null): boolean {
    if (!win || win.isDestroyed()) return false;
    if (win.isMinimized()) win.restore();
    win.focus();
    return true;
  }

  /** A sleeping laptop is a hub that stopped answering: block sleep while it runs. */
  private keepAwake(on: boolean): void {
    if (on && this.noSleep === null)
      this.noSleep = powerSaveBlocker.start('prevent-app-suspension');
    if (!on && this.noSleep !== null) {
      powerSaveBlocker.stop(this.noSleep);
      this.noSleep = null;
    }
  }
}

function notRunning(state: HubState): HubActionResult {
  return {
    ok: false,
    message:
      state.status === 'failed'
        ? `The hub is not running: ${state.reason}`
        : 'The hub is not running yet. Wait until it says it is running.',
  };
}
