// The one window: sandboxed, context-isolated, no Node, a CSP, no navigation, no popups.
import path from 'node:path';
import { BrowserWindow, session, shell } from 'electron';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const devUrl = process.env.ELECTRON_RENDERER_URL;

function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** True for the page Berth loaded itself (the built file, or the dev server). */
export function isOwnFrame(url: string | undefined): boolean {
  if (!url) return false;
  if (devUrl) return url.startsWith(devUrl);
  return url.startsWith('file://') && url.includes('/renderer/index.html');
}

export interface InitialBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export function createMainWindow(bounds: InitialBounds): BrowserWindow {
  // The CSP above is valid (Chromium enforces it); Electronegativity's parser cannot read it.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => { // eng-disable CSP_GLOBAL_CHECK
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  // Every permission is refused but writing to the clipboard ("Copy diagnostics"), and that
  // only for Berth's own page.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(permission === 'clipboard-sanitized-write' && isOwnFrame(details.requestingUrl)),
  );

  const win = new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Berth',
    webPreferences: {
      // The preload exposes only a marker and forwards one MessagePort (see preload.ts).
      preload: path.join(__dirname, '../preload/index.cjs'), // eng-disable PRELOAD_JS_CHECK
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // Middle-click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => {
    if (bounds.maximized) win.maximize();
    win.show();
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links to documentation open in the user's browser, never in a Berth window.
    // Only https:// links go to the user's browser: no file:, smb: or custom schemes.
    if (isHttpsUrl(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' };
  });
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(path.join(__dirname, '../renderer/index.html'));
  return win;
}
