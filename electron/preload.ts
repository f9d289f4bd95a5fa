// The preload exposes nothing but a marker; it forwards the page's MessagePort to the
// main process once. No ipcRenderer reaches the page.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('berthShell', { transport: 'electron', platform: process.platform });

window.addEventListener('message', (event) => {
  if (event.source !== window || event.data !== 'berth:rpc-port') return;
  const [port] = event.ports;
  if (port) ipcRenderer.postMessage('berth:rpc-port', null, [port]);
});
