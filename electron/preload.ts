// The preload exposes nothing but a marker; it forwards the page's MessagePort to the
// main process once, and turns the menu's "go to page" into a hash change. No
// ipcRenderer reaches the page.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('berthShell', { transport: 'electron', platform: process.platform });

window.addEventListener('message', (event) => {
  if (event.source !== window || event.data !== 'berth:rpc-port') return;
  const [port] = event.ports;
  if (port) ipcRenderer.postMessage('berth:rpc-port', null, [port]);
});

ipcRenderer.on('berth:navigate', (_event, page: unknown) => {
  if (typeof page === 'string' && /^[a-z-]{1,32}$/.test(page)) window.location.hash = `#${page}`;
});
