import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveAppPaths } from './appLayout.js';

const env = {
  resourcesPath: '/opt/JudgeHub/resources',
  userData: '/home/o/.config/JudgeHub',
  logs: '/home/o/.config/JudgeHub/logs',
};

describe('where the app finds its files', () => {
  test('run from the repository: the built web UI beside it in apps/web', () => {
    const paths = resolveAppPaths({ ...env, appDir: '/repo/apps/desktop', isPackaged: false });
    expect(paths.webRoot).toBe(path.join('/repo/apps/web/dist'));
    expect(paths.hubEntry).toBe(path.join('/repo/apps/desktop/dist/hub/hubEntry.cjs'));
  });

  test('packaged: code in the asar, the web UI as a resource beside it, data in user data', () => {
    const paths = resolveAppPaths({
      ...env,
      appDir: '/opt/JudgeHub/resources/app.asar',
      isPackaged: true,
    });
    expect(paths).toEqual({
      preload: path.join('/opt/JudgeHub/resources/app.asar/dist/preload/preload.cjs'),
      rendererRoot: path.join('/opt/JudgeHub/resources/app.asar/dist/renderer'),
      hubEntry: path.join('/opt/JudgeHub/resources/app.asar/dist/hub/hubEntry.cjs'),
      webRoot: path.join('/opt/JudgeHub/resources/web'),
      settingsFile: path.join('/home/o/.config/JudgeHub/settings.json'),
      dataDir: path.join('/home/o/.config/JudgeHub/data'),
      hubLog: path.join('/home/o/.config/JudgeHub/logs/hub.log'),
    });
  });
});
