// Electron's main process: windows, menu, IPC and the hub's supervisor. It never opens the
// database or a socket of the hub itself; those live in the hub process (hubEntry.ts).
import path from 'node:path';
import { app } from 'electron';
import { resolveAppPaths } from './appLayout.js';
import { DesktopApp } from './desktopApp.js';
import { createMainLog } from './mainLog.js';
import { SettingsStore } from './settingsStore.js';
import { registerUiScheme } from './uiProtocol.js';

registerUiScheme();

if (!app.requestSingleInstanceLock()) {
  // Another JudgeHub runs already (it gets focused); two hubs on one data folder never.
  app.quit();
} else {
  app.enableSandbox();
  const paths = resolveAppPaths({
    appDir: app.getAppPath(),
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    userData: app.getPath('userData'),
    logs: app.getPath('logs'),
  });
  const log = createMainLog(path.join(app.getPath('logs'), 'main.log'), !app.isPackaged);
  const settings = SettingsStore.open(paths.settingsFile);
  const last = settings.get().lastHub;
  if (settings.get().mode === 'client' && last) {
    // The judge view keeps the app itself in a service worker, which browsers allow only on
    // secure origins; a venue hub is plain http. Treating the chosen hub's origin as secure lets
    // the judge view reload without the hub (scores are kept in IndexedDB either way). Chromium
    // reads this switch at start, so it covers the hub joined last time.
    app.commandLine.appendSwitch('unsafely-treat-insecure-origin-as-secure', last.origin);
  }
  const desktop = new DesktopApp(paths, settings, log, !app.isPackaged);
  app
    .whenReady()
    .then(() => desktop.start())
    .catch((error: unknown) => {
      log('app.start_failed', { error: String(error) });
      app.exit(1);
    });
}
