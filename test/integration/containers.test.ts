// The contract's container procedures and the live stream, against real dockerd and Podman.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRouterClient, type RouterClient } from '@orpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { router } from '../../electron/api/router';
import { createTestContainer, engineClients, removeTestContainers, uniqueName } from '../support/engines';
import { requireServices } from '../support/services';
import { collectLive } from '../support/live';
import { createTestBackend } from '../support/backend';

let backend: Backend;
let client: RouterClient<typeof router>;
const clients = engineClients();

beforeAll(async () => {
  await requireServices('docker', 'podman');
  backend = await createTestBackend({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'berth-int-')) });
  client = createRouterClient(router, { context: backend.context });
});
afterAll(async () => {
  backend?.close();
  await Promise.all([removeTestContainers(clients.docker), removeTestContainers(clients.podman)]);
});

describe('engines', () => {
  it('finds both engines and tells Docker from Podman by /version', async () => {
    const engines = await client.engines.list();
    const kinds = engines.filter((e) => e.state === 'connected').map((e) => e.kind);
    expect(kinds).toContain('docker');
    expect(kinds).toContain('podman');
    const podman = engines.find((e) => e.kind === 'podman')!;
    expect(podman.endpoint).toBe('unix:///run/podman/podman.sock');
    expect(podman.version).toMatch(/^\d+\.\d+/);
  });

  it('refuses a malformed endpoint and shows a missing socket as down with the reason', async () => {
    await expect(client.engines.add({ endpoint: 'ftp://nowhere' })).rejects.toThrow(/Unsupported scheme/);
    const added = await client.engines.add({ endpoint: '/tmp/berth-no-such.sock', name: 'ghost' });
    expect(added.state).toBe('disconnected');
    expect(added.reason).toMatch(/No socket at unix:\/\/\/tmp\/berth-no-such\.sock/);
    await client.engines.remove({ engineId: added.id });
    expect((await client.engines.list()).some((e) => e.id === added.id)).toBe(false);
  });
});

describe.each(['docker', 'podman'] as const)('containers on %s', (kind) => {
  it('creates, starts, lists, sees the events, stops and removes', async () => {
    const engine = (await client.engines.list()).find((e) => e.kind === kind && e.state === 'connected')!;
    const live = collectLive(backend);
    const name = uniqueName(`int-${kind}`);
    const created = await createTestContainer(clients[kind], { name });

    const rowOf = async () => (await client.containers.list({ engineId: engine.id })).find((r) => r.name === name);
    expect((await rowOf())?.state).toBe('created');
    // The create event arrives with the container's row.
    const createdEvent = await live.waitFor((e) => e.kind === 'container' && e.row?.name === name);
    expect(createdEvent.kind === 'container' && createdEvent.engineId).toBe(engine.id);

    await client.containers.start({ engineId: engine.id, id: created.id });
    await live.waitFor((e) => e.kind === 'container' && e.id === created.id && e.row?.state === 'running');
    expect((await rowOf())?.state).toBe('running');

    await client.containers.stop({ engineId: engine.id, id: created.id, timeoutSeconds: 0 });
    await live.waitFor((e) => e.kind === 'container' && e.id === created.id && e.row?.state === 'exited');

    await client.containers.remove({ engineId: engine.id, id: created.id });
    await live.waitFor((e) => e.kind === 'container' && e.id === created.id && e.row === null);
    expect(await rowOf()).toBeUndefined();
    live.stop();
  });

  it("gives the engine's words for a container that does not exist", async () => {
    const engine = (await client.engines.list()).find((e) => e.kind === kind && e.state === 'connected')!;
    await expect(client.containers.start({ engineId: engine.id, id: 'berth-no-such-container' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/no such container/i),
    });
  });
});

describe('an engine that stops', () => {
  it('is shown disconnected with the reason, and reconnects by itself when it returns', async () => {
    const { execFileSync } = await import('node:child_process');
    const live = collectLive(backend);
    const podmanId = (await client.engines.list()).find((e) => e.kind === 'podman')!.id;
    try {
      execFileSync('bash', ['scripts/test-env.sh', 'stop-podman'], { stdio: 'ignore' });
      const down = await live.waitFor((e) => e.kind === 'engine' && e.engine.id === podmanId && e.engine.state === 'disconnected');
      expect(down.kind === 'engine' && down.engine.reason).toMatch(/podman\.sock/);
      await expect(client.containers.list({ engineId: podmanId })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    } finally {
      execFileSync('bash', ['scripts/test-env.sh', 'start-podman'], { stdio: 'ignore' });
    }
    await live.waitFor((e) => e.kind === 'engine' && e.engine.id === podmanId && e.engine.state === 'connected', 20_000);
    expect(Array.isArray(await client.containers.list({ engineId: podmanId }))).toBe(true);
    live.stop();
  });
});

