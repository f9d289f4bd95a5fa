// Engines: /info details, disk usage and prune (restricted to this run's label), the raw
// events stream, and settings, against real dockerd and Podman.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRouterClient, type RouterClient } from '@orpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { router } from '../../electron/api/router';
import type { EngineInfo } from '../../electron/api/schemas';
import { createBackend, type Backend } from '../../electron/backend';
import { createTestContainer, engineClients, removeTestContainers, RUN_ID, TEST_LABEL, uniqueName } from '../support/engines';
import { makeDanglingImage, removeTestImages } from '../support/images';
import { requireServices } from '../support/services';
import { createTestBackend } from '../support/backend';

let backend: Backend;
let client: RouterClient<typeof router>;
let dataDir: string;
const clients = engineClients();
const engineOf = async (kind: 'docker' | 'podman'): Promise<EngineInfo> =>
  (await client.engines.list()).find((e) => e.kind === kind && e.state === 'connected')!;

beforeAll(async () => {
  await requireServices('docker', 'podman');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-engines-'));
  backend = await createTestBackend({ dataDir });
  client = createRouterClient(router, { context: backend.context });
});
afterAll(async () => {
  backend?.close();
  await Promise.all([removeTestContainers(clients.docker), removeTestContainers(clients.podman)]);
  await Promise.all([removeTestImages(clients.docker), removeTestImages(clients.podman)]);
});

describe.each(['docker', 'podman'] as const)('%s', (kind) => {
  it('details from /info, and the version its /version gives', async () => {
    const engine = await engineOf(kind);
    const version = await clients[kind].version();
    expect(engine.version).toBe(version.Version);
    expect(engine.apiVersion).toBe(version.ApiVersion);
    const d = await client.engines.details({ engineId: engine.id });
    expect(d.cpus).toBeGreaterThan(0);
    expect(d.memoryBytes).toBeGreaterThan(0);
    expect(d.kernel).toMatch(/\d+\.\d+/);
    expect(d.storageDriver).toMatch(/overlay/);
    expect(d.rootDir).toMatch(/^\//);
    expect(d.cgroupVersion).toMatch(/^[12]$/);
    expect(d.runtimes).toContain('runc');
    expect(d.rootless).toBe(false);
  });

  it('disk usage counts images, and a label-restricted prune removes only our dangling image', async () => {
    const engine = await engineOf(kind);
    const before = await client.engines.diskUsage({ engineId: engine.id });
    const images = before.lines.find((l) => l.category === 'images')!;
    expect(images.count).toBeGreaterThan(0);
    expect(images.sizeBytes).toBeGreaterThan(0);
    const id = await makeDanglingImage(clients[kind]);
    const result = await client.engines.prune({ engineId: engine.id, category: 'images', labels: [`${TEST_LABEL}=${RUN_ID}`] });
    expect(result.deleted.map((d) => d.replace(/^sha256:/, ''))).toContain(id.replace(/^sha256:/, ''));
    expect(result.reclaimedBytes).toBeGreaterThan(0);
    // berth-base (not ours) is still there.
    expect((await clients[kind].listImages()).some((i) => (i.RepoTags ?? []).some((t) => t.endsWith('berth-base:latest')))).toBe(true);
  });

  it('the events stream carries a container start within a second', async () => {
    const engine = await engineOf(kind);
    const c = await createTestContainer(clients[kind], { name: uniqueName(`ev-${kind}`) });
    const abort = new AbortController();
    const stream = await client.engines.events({ engineId: engine.id }, { signal: abort.signal });
    // Latency from the engine's own timestamp of the event to its arrival here.
    const seen = (async () => {
      for await (const ev of stream) {
        if (ev.type === 'container' && ev.action === 'start' && ev.actorId === c.id) return Date.now() - ev.time;
      }
      return -1;
    })();
    await c.start();
    const latency = await seen;
    abort.abort();
    expect(latency).toBeGreaterThanOrEqual(0);
    expect(latency).toBeLessThan(1000);
    await c.remove({ force: true });
  });
});

describe('prune refuses what it cannot restrict', () => {
  it('build cache with a label filter, and build cache on Podman', async () => {
    const docker = await engineOf('docker');
    const podman = await engineOf('podman');
    await expect(client.engines.prune({ engineId: docker.id, category: 'buildCache', labels: ['x=y'] })).rejects.toThrow(/carry no labels/);
    await expect(client.engines.prune({ engineId: podman.id, category: 'buildCache' })).rejects.toThrow(/no separate build cache/);
    await expect(client.engines.prune({ engineId: docker.id, category: 'images', labels: ['bad label'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('the events log', () => {
  it('replays recent events to a late subscriber, in order and bounded', async () => {
    const engine = await engineOf('docker');
    const c = await createTestContainer(clients.docker, { name: uniqueName('ev-replay') });
    await c.remove({ force: true });
    await expect.poll(() => backend.registry.eventLog['recent'].toArray().some((e) => e.actorId === c.id && e.action === 'destroy')).toBe(true);
    const abort = new AbortController();
    const seen: string[] = [];
    for await (const ev of await client.engines.events({ engineId: engine.id }, { signal: abort.signal })) {
      if (ev.actorId === c.id) seen.push(ev.action);
      if (ev.actorId === c.id && ev.action === 'destroy') break;
    }
    abort.abort();
    expect(seen[0]).toBe('create');
    expect(seen.at(-1)).toBe('destroy');
  });
});

describe('settings', () => {
  it('saves valid values, refuses bad ones in words, and keeps them across a restart', async () => {
    const docker = await engineOf('docker');
    await client.settings.update({ theme: 'dark', defaultEngine: docker.id, aws: { region: 'eu-west-1', profile: 'dev', ecrRegistryHost: '127.0.0.1:5001' } });
    await expect(client.settings.update({ aws: { region: 'Europe' } })).rejects.toMatchObject({ code: 'BAD_REQUEST', data: { issues: [expect.objectContaining({ message: expect.stringMatching(/us-east-1/) })] } });
    await expect(client.settings.update({ aws: { ecrRegistryHost: 'http://x/y' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(client.settings.update({ defaultEngine: 'no-such-engine' })).rejects.toThrow(/No engine "no-such-engine"/);
    await expect(client.settings.update({ theme: 'pink' } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const again = await createBackend({ dataDir, discover: false });
    try {
      const s = await createRouterClient(router, { context: again.context }).settings.get();
      expect(s).toMatchObject({ theme: 'dark', defaultEngine: docker.id, aws: { region: 'eu-west-1', profile: 'dev', ecrRegistryHost: '127.0.0.1:5001' } });
    } finally {
      again.close();
    }
    await client.settings.update({ aws: { region: null } });
    expect((await client.settings.get()).aws.region).toBeUndefined();
  });

  it('refuses TLS files that are missing, and TLS on a unix socket', async () => {
    await expect(client.engines.add({ endpoint: 'tcp://127.0.0.1:2376', tls: { ca: '/nonexistent/ca.pem' } })).rejects.toThrow(/CA certificate \/nonexistent\/ca\.pem cannot be read: there is no such file/);
    await expect(client.engines.add({ endpoint: '/var/run/docker.sock', tls: { ca: '/etc/hostname' } })).rejects.toThrow(/tcp:\/\//);
    await expect(client.engines.add({ endpoint: 'tcp://127.0.0.1:2376', tls: { cert: '/etc/hostname' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await client.settings.get()).endpoints).toEqual([]);
  });
});
