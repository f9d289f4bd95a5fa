// The one contract over both transports: Electron's MessagePort (here Node's own
// MessageChannel, which the same oRPC adapter serves) and berth serve's WebSocket.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { createORPCClient } from '@orpc/client';
import { RPCLink as PortLink } from '@orpc/client/message-port';
import { RPCLink as SocketLink } from '@orpc/client/websocket';
import type { ContractRouterClient } from '@orpc/contract';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../electron/api/contract';
import type { Backend } from '../../electron/backend';
import { serve, type Serving } from '../../electron/serve/server';
import { requireServices } from '../support/services';
import { createTestBackend } from '../support/backend';

let backend: Backend;
let serving: Serving;
const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-static-'));

beforeAll(async () => {
  await requireServices('docker', 'podman');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  backend = await createTestBackend({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'berth-tr-')) });
  serving = await serve({ backend, staticDir });
});
afterAll(async () => {
  await serving?.close();
  backend?.close();
});

async function exercise(client: ContractRouterClient<Contract>) {
  const engines = await client.engines.list();
  expect(engines.map((e) => e.kind).sort()).toEqual(expect.arrayContaining(['docker', 'podman']));
  expect(Array.isArray(await client.containers.list({}))).toBe(true);
  // Schema checks hold on every transport.
  await expect(client.containers.start({ engineId: 'bad id', id: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  // The live stream starts with the engines' states.
  const abort = new AbortController();
  const events = await client.live.events(undefined, { signal: abort.signal });
  const first = await events.next();
  expect(first.value).toMatchObject({ kind: 'engine' });
  abort.abort();
  await new Promise((r) => setTimeout(r, 100)); // let the cancel reach the server before the socket closes
}

describe('transports', () => {
  it('serves the contract over a MessagePort (the Electron transport)', async () => {
    const { port1, port2 } = new MessageChannel();
    backend.messagePortHandler.upgrade(port2 as never, { context: backend.context });
    port2.start();
    port1.start();
    await exercise(createORPCClient(new PortLink({ port: port1 as never })));
    port1.close();
  });

  it('serves the same contract over the WebSocket of berth serve', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${serving.port}/rpc`, { headers: { origin: serving.origin, cookie: `berth_token=${serving.token}` } });
    await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
    await exercise(createORPCClient(new SocketLink({ websocket: ws as never })));
    ws.close();
  });
});
