// Electron's main process: starts the backend, hands each window its RPC port, and applies
// the menu and the remembered window bounds. Glue only; everything it calls runs and is
// tested in plain Node (shell/menu.ts, shell/window-state.ts, shell/diagnostics.ts).
import { app, BrowserWindow, clipboard, ipcMain, Menu, screen, type MenuItemConstructorOptions } from 'electron';
import { createBackend, type Backend } from './backend';
import { collectDiagnostics } from './shell/collect-diagnostics';
import { menuTemplate, type MenuCommand, type MenuItemSpec } from './shell/menu';
import { restoreWindowState } from './shell/window-state';
import { createMainWindow, isOwnFrame } from './window';

app.enableSandbox();

function toElectronMenu(items: MenuItemSpec[], run: (c: MenuCommand) => void): MenuItemConstructorOptions[] {
  return items.map(({ command, submenu, ...rest }) => ({
    ...rest,
    ...(command ? { click: () => run(command) } : {}),
    ...(submenu ? { submenu: toElectronMenu(submenu, run) } : {}),
  }));
}

function openWindow(backend: Backend): BrowserWindow {
  const state = restoreWindowState(backend.context.settings.get().window, screen.getAllDisplays().map((d) => d.workArea));
  const win = createMainWindow(state);
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    const b = win.getNormalBounds();
    backend.context.settings.update((s) => ({ ...s, window: { ...b, maximized: win.isMaximized() } }));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  win.on('close', save);
  return win;
}

void app.whenReady().then(async () => {
  const backend = await createBackend({ dataDir: app.getPath('userData') });

  // The preload forwards one MessagePort from the page; the whole contract runs over it.
  ipcMain.on('berth:rpc-port', (event) => {
    const [port] = event.ports;
    if (!port || !isOwnFrame(event.senderFrame?.url)) return;
    backend.messagePortHandler.upgrade(port, { context: backend.context });
    port.start();
  });

  const navigate = (page: string) => {
    const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? openWindow(backend);
    win.webContents.send('berth:navigate', page);
  };
  const commands: Record<MenuCommand, () => void> = {
    'open-settings': () => navigate('settings'),
    'open-engines': () => navigate('engines'),
    'open-events': () => navigate('events'),
    'copy-diagnostics': () => clipboard.writeText(collectDiagnostics(backend.context)),
  };
  const template = menuTemplate(process.platform, app.name, { devTools: !app.isPackaged });
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectronMenu(template, (c) => commands[c]())));

  openWindow(backend);
  app.on('activate', () => {
    if (!BrowserWindow.getAllWindows().length) openWindow(backend);
  });
  app.on('before-quit', () => backend.close());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
