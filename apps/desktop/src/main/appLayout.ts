import path from 'node:path';

/**
 * The built app's files, relative to apps/desktop (which is the packaged app's root, inside the
 * asar). scripts/check-electron-builder.mjs checks that electron-builder.yml packs each of them.
 */
export const APP_FILES = {
  main: 'dist/main/main.cjs',
  preload: 'dist/preload/preload.cjs',
  hubEntry: 'dist/hub/hubEntry.cjs',
  renderer: 'dist/renderer',
  rendererEntry: 'dist/renderer/index.html',
} as const;

/** The web UI the hub serves: a resource beside the asar in the packaged app (extraResources). */
export const PACKAGED_WEB_DIR = 'web';

export interface AppEnvironment {
  /** `app.getAppPath()`: apps/desktop when run from the repository, …/app.asar when packaged. */
  appDir: string;
  isPackaged: boolean;
  /** `process.resourcesPath` */
  resourcesPath: string;
  /** `app.getPath('userData')` */
  userData: string;
  /** `app.getPath('logs')` */
  logs: string;
}

export interface AppPaths {
  preload: string;
  rendererRoot: string;
  hubEntry: string;
  webRoot: string;
  settingsFile: string;
  /** The hub's data folder in hub mode: the event lives here. */
  dataDir: string;
  hubLog: string;
}

export function resolveAppPaths(env: AppEnvironment): AppPaths {
  const inApp = (file: string) => path.join(env.appDir, ...file.split('/'));
  return {
    preload: inApp(APP_FILES.preload),
    rendererRoot: inApp(APP_FILES.renderer),
    hubEntry: inApp(APP_FILES.hubEntry),
    // From the repository: apps/desktop → apps/web/dist, built by `npm run build`.
    webRoot: env.isPackaged
      ? path.join(env.resourcesPath, PACKAGED_WEB_DIR)
      : path.join(env.appDir, '..', 'web', 'dist'),
    settingsFile: path.join(env.userData, 'settings.json'),
    dataDir: path.join(env.userData, 'data'),
    hubLog: path.join(env.logs, 'hub.log'),
  };
}
