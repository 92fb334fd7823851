import { BrowserWindow, type WebContents, type WebPreferences } from 'electron';
import { UI_ENTRY, hubOriginOf, isAllowedHubUrl } from './originPolicy.js';
import type { Rectangle } from './scoreboardDisplay.js';

export type MainLog = (event: string, fields?: Record<string, unknown>) => void;

/** Every window: isolated, sandboxed, no Node. Only the start window gets a preload. */
export function secureWebPreferences(preload?: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    ...(preload ? { preload } : {}),
  };
}

/**
 * Keeps a window's page where it belongs: navigation, redirects and `window.open` are allowed
 * only to the chosen hub's origin (`allowedOrigin()`, null for the start window: nowhere).
 * Windows a hub page opens (the organiser opening the scoreboard) get the same rules.
 */
export function guardContents(
  contents: WebContents,
  allowedOrigin: () => string | null,
  log: MainLog,
): void {
  const deny = (event: { preventDefault(): void }, url: string, how: string) => {
    if (isAllowedHubUrl(url, allowedOrigin())) return;
    event.preventDefault();
    log('navigation.denied', { how, to: hubOriginOf(url) ?? url.split(':')[0] });
  };
  contents.on('will-navigate', (event) => deny(event, event.url, 'navigate'));
  contents.on('will-frame-navigate', (event) => deny(event, event.url, 'frame'));
  contents.on('will-redirect', (event) => deny(event, event.url, 'redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    if (!isAllowedHubUrl(url, allowedOrigin())) {
      log('navigation.denied', { how: 'window.open', to: hubOriginOf(url) ?? url.split(':')[0] });
      return { action: 'deny' };
    }
    return {
      action: 'allow',
      overrideBrowserWindowOptions: {
        autoHideMenuBar: true,
        webPreferences: secureWebPreferences(),
      },
    };
  });
  contents.on('did-create-window', (child) => guardContents(child.webContents, allowedOrigin, log));
}

/** The start window: our own page (mode choice, hub list, hub status) with the preload API. */
export function createStartWindow(preload: string, log: MainLog): BrowserWindow {
  const win = new BrowserWindow({
    width: 960,
    height: 720,
    minWidth: 560,
    minHeight: 480,
    title: 'JudgeHub',
    show: false,
    backgroundColor: '#f4f5f7',
    webPreferences: secureWebPreferences(preload),
  });
  guardContents(win.webContents, () => null, log);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(UI_ENTRY);
  return win;
}

export interface HubWindowOptions {
  /** The page to load: a hub page on `hubOrigin`, possibly with a sign-in token. */
  url: string;
  hubOrigin: string;
  title: string;
  bounds?: Rectangle;
  fullscreen?: boolean;
  backgroundColor?: string;
}

/** A window showing a hub's page (organiser, scoreboard, judge view): no preload, no Node. */
export function createHubWindow(options: HubWindowOptions, log: MainLog): BrowserWindow {
  const win = new BrowserWindow({
    ...(options.bounds ?? { width: 1280, height: 800 }),
    minWidth: 480,
    minHeight: 400,
    title: options.title,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: options.backgroundColor ?? '#ffffff',
    webPreferences: secureWebPreferences(),
  });
  guardContents(win.webContents, () => options.hubOrigin, log);
  // Keep our title: the page's own <title> would say "JudgeHub" on every window alike.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => {
    win.show();
    if (options.fullscreen) win.setFullScreen(true);
  });
  void win.loadURL(options.url).catch(() => undefined);
  return win;
}
