// Electron's main process: starts the backend and hands each window its RPC port.
// Glue only; everything it calls runs and is tested in plain Node.
import { app, BrowserWindow, ipcMain, safeStorage } from 'electron';
import { createBackend } from './backend';
import { createMainWindow, isOwnFrame } from './window';

app.enableSandbox();

void app.whenReady().then(async () => {
  const backend = await createBackend({
    dataDir: app.getPath('userData'),
    // Registry passwords Berth remembers are sealed with the OS keychain.
    secretBox: {
      available: () => safeStorage.isEncryptionAvailable(),
      encrypt: (plain) => safeStorage.encryptString(plain),
      decrypt: (sealed) => safeStorage.decryptString(sealed),
    },
  });

  // The preload forwards one MessagePort from the page; the whole contract runs over it.
  ipcMain.on('berth:rpc-port', (event) => {
    const [port] = event.ports;
    if (!port || !isOwnFrame(event.senderFrame?.url)) return;
    backend.messagePortHandler.upgrade(port, { context: backend.context });
    port.start();
  });

  createMainWindow();
  app.on('activate', () => {
    if (!BrowserWindow.getAllWindows().length) createMainWindow();
  });
  app.on('before-quit', () => backend.close());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
