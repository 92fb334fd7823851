import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import { PROTOCOL_VERSION } from '@judgehub/model';
import {
  EVENT_CHANNELS,
  type AppMode,
  type ConnectResult,
  type DesktopState,
  type HubActionResult,
  type HubState,
  type Screen,
} from '../shared/contract.js';
import type { AppPaths } from './appLayout.js';
import { ClientMode } from './clientMode.js';
import { HubMode } from './hubMode.js';
import { bindInvokeHandlers, type InvokeHandlers } from './ipcBinding.js';
import { buildMenu } from './menu.js';
import { isTrustedSender } from './originPolicy.js';
import { hardenSessions } from './sessionSecurity.js';
import type { SettingsStore } from './settingsStore.js';
import { serveUiFiles } from './uiProtocol.js';
import { createStartWindow, type MainLog } from './windows.js';

/**
 * The app as a whole: the start window, the mode it runs in (hub or client), the IPC handlers
 * behind `window.judgehub`, the menu, and a quit that stops the hub cleanly first.
 */
export class DesktopApp {
  private startWindow: BrowserWindow | null = null;
  private hubMode: HubMode | null = null;
  private clientMode: ClientMode | null = null;
  /** The mode choice was asked for (menu, or the window's "Change mode"). */
  private askingMode = false;
  private quitting: 'no' | 'stopping' | 'done' = 'no';
  private publishQueued = false;

  constructor(
    private readonly paths: AppPaths,
    private readonly settings: SettingsStore,
    private readonly log: MainLog,
    private readonly developer: boolean,
  ) {}

  async start(): Promise<void> {
    serveUiFiles(this.paths.rendererRoot);
    hardenSessions();
    bindInvokeHandlers(
      ipcMain,
      this.handlers(),
      (sender) => isTrustedSender(sender, this.uiIds()),
      this.log,
    );
    app.on('before-quit', (event) => {
      if (this.quitting === 'done') return;
      event.preventDefault();
      if (this.quitting === 'stopping') return;
      this.quitting = 'stopping';
      void this.leaveMode().finally(() => {
        this.quitting = 'done';
        app.quit();
      });
    });
    app.on('window-all-closed', () => app.quit());
    app.on('second-instance', () => this.showStartWindow());
    if (this.settings.problem)
      this.log('settings.unreadable', {
        problem: this.settings.problem,
        keptAs: this.settings.setAside,
      });
    this.openStartWindow();
    this.applyMenu();
    const mode = this.settings.get().mode;
    if (mode) await this.enter(mode);
  }

  private state(): DesktopState {
    const mode = this.settings.get().mode;
    const screen: Screen =
      this.askingMode || mode === null ? 'mode-choice' : mode === 'hub' ? 'hub' : 'join';
    return {
      screen,
      mode,
      client: this.clientMode?.view() ?? {
        hubs: [],
        discovery: { active: false, detail: 'Not looking for hubs.' },
        lastHub: null,
        reconnect: null,
        problem: null,
      },
      hub: this.hubMode?.state ?? { status: 'stopped' },
      appVersion: app.getVersion(),
    };
  }

  /** Sends the whole state to the start window, at most once per tick. */
  private publish(): void {
    if (this.publishQueued) return;
    this.publishQueued = true;
    setImmediate(() => {
      this.publishQueued = false;
      const win = this.startWindow;
      if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNELS.state, this.state());
    });
  }

  private handlers(): InvokeHandlers {
    return {
      getState: () => this.state(),
      chooseMode: (mode) => this.chooseMode(mode),
      connectToHub: async (request): Promise<ConnectResult> =>
        this.clientMode
          ? this.clientMode.connect(request)
          : {
              ok: false,
              reason: 'not-found',
              message: 'Choose “Join a hub” first.',
              address: null,
            },
      cancelReconnect: () => {
        this.clientMode?.cancelReconnect();
        return undefined;
      },
      hubAction: async (action): Promise<HubActionResult> => {
        const hub = this.hubMode;
        if (!hub) return { ok: false, message: 'This laptop is not running the hub.' };
        switch (action) {
          case 'open-organiser':
            return hub.openOrganiser();
          case 'open-scoreboard':
            return hub.openScoreboard();
          case 'show-data-folder':
            return hub.showDataFolder();
          case 'retry':
            hub.retry();
            return { ok: true };
        }
      },
    };
  }

  private async chooseMode(mode: AppMode): Promise<undefined> {
    const current = this.settings.get().mode;
    this.askingMode = false;
    const running = mode === 'hub' ? this.hubMode : this.clientMode;
    if (current === mode && running) {
      this.publish();
      return undefined;
    }
    if (this.hubIsUp() && !this.confirmStopHub()) {
      this.publish();
      return undefined;
    }
    await this.leaveMode();
    const saved = this.settings.update({ mode });
    if (!saved.ok) this.log('settings.save_failed', { problem: saved.problem });
    await this.enter(mode);
    return undefined;
  }

  private async enter(mode: AppMode): Promise<void> {
    if (mode === 'hub') {
      this.hubMode = new HubMode({
        paths: this.paths,
        settings: this.settings,
        log: this.log,
        showHubOutput: this.developer,
        onState: (state) => this.onHubState(state),
      });
      this.applyMenu();
      this.publish();
      await this.hubMode.start();
    } else {
      this.clientMode = new ClientMode({
        settings: this.settings,
        log: this.log,
        protocolVersion: PROTOCOL_VERSION,
        onChange: () => this.publish(),
        onJudgeWindow: (open) => (open ? this.startWindow?.hide() : this.showStartWindow()),
      });
      this.applyMenu();
      this.clientMode.start();
    }
  }

  private async leaveMode(): Promise<void> {
    const hub = this.hubMode;
    const client = this.clientMode;
    this.hubMode = null;
    this.clientMode = null;
    await Promise.all([hub?.stop(), client?.stop()]);
    this.applyMenu();
    this.publish();
  }

  private onHubState(state: HubState): void {
    this.publish();
    // Trouble with the hub must be seen: bring the window that explains it to the front.
    if (state.status === 'restarting' || state.status === 'failed') this.showStartWindow();
  }

  private openStartWindow(): void {
    const win = createStartWindow(this.paths.preload, this.log);
    this.startWindow = win;
    win.on('close', (event) => {
      if (this.quitting !== 'no') return;
      if (this.hubIsUp() && !this.confirmStopHub()) event.preventDefault();
    });
    win.on('closed', () => {
      this.startWindow = null;
      app.quit();
    });
  }

  private showStartWindow(): void {
    const win = this.startWindow;
    if (!win || win.isDestroyed() || this.quitting !== 'no') return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  /** Running, or about to be: stopping it is worth a question. */
  private hubIsUp(): boolean {
    const status = this.hubMode?.state.status;
    return status === 'running' || status === 'starting' || status === 'restarting';
  }

  private confirmStopHub(): boolean {
    const options = {
      type: 'question' as const,
      buttons: ['Stop the hub', 'Keep it running'],
      defaultId: 1,
      cancelId: 1,
      title: 'Stop the hub?',
      message: 'Stop the hub on this laptop?',
      detail:
        'Tablets keep scoring while it is stopped and send their values when it runs again. Every value the hub confirmed is saved.',
    };
    const win = this.startWindow;
    const answer =
      win && !win.isDestroyed()
        ? dialog.showMessageBoxSync(win, options)
        : dialog.showMessageBoxSync(options);
    return answer === 0;
  }

  private applyMenu(): void {
    Menu.setApplicationMenu(
      buildMenu({
        mode: this.hubMode ? 'hub' : this.clientMode ? 'client' : null,
        developer: this.developer,
        changeMode: () => {
          this.askingMode = true;
          this.clientMode?.leaveHub();
          this.showStartWindow();
          this.publish();
        },
        chooseAnotherHub: () => {
          this.clientMode?.leaveHub();
          this.showStartWindow();
        },
        openOrganiser: () => void this.hubMode?.openOrganiser(),
        openScoreboard: () => void this.hubMode?.openScoreboard(),
        showDataFolder: () => void this.hubMode?.showDataFolder(),
      }),
    );
  }

  private uiIds(): ReadonlySet<number> {
    const win = this.startWindow;
    return new Set(win && !win.isDestroyed() ? [win.webContents.id] : []);
  }
}
