// The renderer's one client of the contract, over whichever transport hosts it:
// Electron (a MessagePort handed to the preload) or the browser (`berth serve`'s WebSocket).
import { createORPCClient } from '@orpc/client';
import { RPCLink as PortLink } from '@orpc/client/message-port';
import { RPCLink as SocketLink } from '@orpc/client/websocket';
import type { ContractRouterClient } from '@orpc/contract';
import { createTanstackQueryUtils } from '@orpc/tanstack-query';
import type { Contract } from '../../../electron/api/contract';
import { setConnection } from './connection';

declare global {
  interface Window {
    berthShell?: { transport: 'electron'; platform: string };
  }
}

function createLink() {
  if (window.berthShell?.transport === 'electron') {
    const { port1, port2 } = new MessageChannel();
    window.postMessage('berth:rpc-port', window.location.origin === 'null' ? '*' : window.location.origin, [port2]);
    port1.start();
    setConnection('open');
    return new PortLink({ port: port1 });
  }
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  // The HttpOnly cookie set by the token URL authenticates this socket.
  const websocket = new WebSocket(`${scheme}://${window.location.host}/rpc`);
  websocket.addEventListener('open', () => setConnection('open'));
  websocket.addEventListener('close', () => setConnection('closed'));
  return new SocketLink({ websocket });
}

export const client: ContractRouterClient<Contract> = createORPCClient(createLink());
export const orpc = createTanstackQueryUtils(client);
