// The application menu as plain data (no electron import: electron/main.ts builds it with
// Menu.buildFromTemplate). Roles give the platform's usual items and shortcuts; commands
// are Berth's own and are carried out by main.ts.
export type MenuCommand = 'open-settings' | 'open-engines' | 'open-events' | 'copy-diagnostics';

/** The subset of Electron's MenuItem roles Berth uses (the strings are Electron's). */
export type MenuRole =
  | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit' | 'close'
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle' | 'delete' | 'selectAll'
  | 'reload' | 'forceReload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'
  | 'minimize' | 'zoom' | 'front' | 'window' | 'help' | 'appMenu' | 'editMenu' | 'viewMenu' | 'windowMenu';

export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  command?: MenuCommand;
  submenu?: MenuItemSpec[];
}

const sep: MenuItemSpec = { type: 'separator' };

export function menuTemplate(platform: NodeJS.Platform, appName = 'Berth', opts: { devTools?: boolean } = {}): MenuItemSpec[] {
  const mac = platform === 'darwin';
  const settings: MenuItemSpec = { label: mac ? 'Settings…' : 'Settings', accelerator: 'CmdOrCtrl+,', command: 'open-settings' };
  const app: MenuItemSpec[] = mac
    ? [
        {
          label: appName,
          submenu: [{ role: 'about' }, sep, settings, sep, { role: 'services' }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }],
        },
      ]
    : [];
  const file: MenuItemSpec = { label: 'File', submenu: mac ? [{ role: 'close' }] : [settings, sep, { role: 'quit' }] };
  const edit: MenuItemSpec = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as MenuItemSpec] : []),
      { role: 'delete' },
      sep,
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemSpec = {
    label: 'View',
    submenu: [
      { label: 'Engines', accelerator: 'CmdOrCtrl+Shift+E', command: 'open-engines' },
      { label: 'Events', accelerator: 'CmdOrCtrl+Shift+L', command: 'open-events' },
      sep,
      { role: 'reload' },
      { role: 'forceReload' },
      ...(opts.devTools ? [{ role: 'toggleDevTools' } as MenuItemSpec] : []),
      sep,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemSpec = {
    label: 'Window',
    role: 'window',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  };
  const help: MenuItemSpec = {
    label: 'Help',
    role: 'help',
    submenu: [{ label: 'Copy diagnostics', command: 'copy-diagnostics' }],
  };
  return [...app, file, edit, view, windowMenu, help];
}

/** Every command the template uses, so main.ts can prove it handles each one. */
export function menuCommands(items: MenuItemSpec[]): MenuCommand[] {
  return items.flatMap((i) => [...(i.command ? [i.command] : []), ...menuCommands(i.submenu ?? [])]);
}
