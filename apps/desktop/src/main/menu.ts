import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppMode } from '../shared/contract.js';

export interface MenuActions {
  mode: AppMode | null;
  /** Developer tools only when run from the repository, never in a packaged app. */
  developer: boolean;
  changeMode(): void;
  chooseAnotherHub(): void;
  openOrganiser(): void;
  openScoreboard(): void;
  showDataFolder(): void;
}

/** The application menu: mode switching, and what the current mode offers. */
export function buildMenu(actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const modeItems: MenuItemConstructorOptions[] =
    actions.mode === 'hub'
      ? [
          { label: 'Open Organiser', accelerator: 'CmdOrCtrl+O', click: actions.openOrganiser },
          { label: 'Open Scoreboard', accelerator: 'CmdOrCtrl+B', click: actions.openScoreboard },
          { label: 'Show Data Folder', click: actions.showDataFolder },
        ]
      : actions.mode === 'client'
        ? [{ label: 'Choose Another Hub…', click: actions.chooseAnotherHub }]
        : [];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'JudgeHub',
      submenu: [
        { label: 'Change Mode…', click: actions.changeMode },
        ...(modeItems.length > 0 ? [{ type: 'separator' as const }, ...modeItems] : []),
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'togglefullscreen' },
        { type: 'separator' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        ...(actions.developer ? [{ role: 'toggleDevTools' as const }] : []),
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
