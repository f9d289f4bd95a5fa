// Images, registries, volumes and networks through the contract, against real dockerd,
// Podman and the registry on 127.0.0.1:5001 (htpasswd user berth).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRouterClient, type RouterClient } from '@orpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { createTestBackend } from '../support/backend';
import { router } from '../../electron/api/router';
import type { TransferEvent } from '../../electron/api/contracts/images';
import { createTestContainer, engineClients, removeTestContainers, RUN_ID, TEST_LABEL, uniqueName } from '../support/engines';
import { makeContext, pathInImage, removeTestObjects } from '../support/images';
import { collectLive } from '../support/live';
import { REGISTRY, requireServices } from '../support/services';

let backend: Backend;
let client: RouterClient<typeof router>;
const clients = engineClients();
const LABEL = `${TEST_LABEL}=${RUN_ID}`;

async function drain<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const e of it) out.push(e);
  return out;
}

beforeAll(async () => {
  await requireServices('docker', 'podman', 'registry');
  // An empty docker config: only what the test signs in with counts.
  const dockerConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-dockercfg-'));
  backend = await createTestBackend({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'berth-int-')), env: { ...process.env, DOCKER_CONFIG: dockerConfig } });
  client = createRouterClient(router, { context: backend.context });
});
afterAll(async () => {
  backend?.close();
  await Promise.all([removeTestContainers(clients.docker), removeTestContainers(clients.podman)]);
  await Promise.all([removeTestObjects(clients.docker), removeTestObjects(clients.podman)]);
});

const engineOf = async (kind: 'docker' | 'podman') => (await client.engines.list()).find((e) => e.kind === kind && e.state === 'connected')!;

describe('registries', () => {
  it('refuses a wrong password and keeps working ones, without ever listing a password', async () => {
    const bad = await client.registries.signIn({ host: REGISTRY, username: 'berth', password: 'wrong-password', remember: false });
    expect(bad).toMatchObject({ ok: false, message: expect.stringMatching(/refused the user name or password/) });
    expect((await client.registries.list()).registries.some((r) => r.host === REGISTRY)).toBe(false);
    const good = await client.registries.signIn({ host: `http://${REGISTRY}/`, username: 'berth', password: 'berth-password', remember: false });
    expect(good.ok).toBe(true);
    const listed = await client.registries.list();
    expect(listed.registries.find((r) => r.host === REGISTRY)).toEqual({ host: REGISTRY, username: 'berth', source: 'berth', storage: 'memory' });
    expect(JSON.stringify(listed)).not.toContain('berth-password');
    expect((await client.registries.check({ host: REGISTRY })).ok).toBe(true);
  });
});

describe.each(['docker', 'podman'] as const)('images on %s', (kind) => {
  const repo = `${REGISTRY}/berth-test/${uniqueName(kind)}`;
  const ref = `${repo}:v1`;

  it('builds a folder with its .dockerignore honoured, streaming the log', async () => {
    const engine = await engineOf(kind);
    const dir = makeContext();
    const events = await drain(await client.builds.run({ engineId: engine.id, context: { path: dir }, tags: [ref], buildArgs: { GREETING: 'hello' }, labels: { [TEST_LABEL]: RUN_ID } }));
    const log = events.flatMap((e) => (e.kind === 'log' ? [e.text] : [])).join('');
    expect(log).toMatch(/COPY \. \/ctx\//);
    const done = events.at(-1)!;
    expect(done).toMatchObject({ kind: 'done', tags: [ref] });
    expect(await pathInImage(clients[kind], ref, '/ctx/kept.txt')).toBe(true);
    expect(await pathInImage(clients[kind], ref, '/ctx/sub/inner.txt')).toBe(true);
    expect(await pathInImage(clients[kind], ref, '/ctx/secret.txt')).toBe(false);
    expect(await pathInImage(clients[kind], ref, '/ctx/junk')).toBe(false);
    const row = await client.images.get({ engineId: engine.id, ref });
    expect(row?.repoTags.some((t) => t.endsWith(`${repo.split('/').slice(1).join('/')}:v1`))).toBe(true);
    expect((await client.images.history({ engineId: engine.id, ref })).length).toBeGreaterThan(1);
  });

  it('reports a build error from inside the stream', async () => {
    const engine = await engineOf(kind);
    const dir = makeContext({ Dockerfile: `FROM berth-base:latest\nRUN exit 3\n` });
    await expect(drain(await client.builds.run({ engineId: engine.id, context: { path: dir }, tags: [] }))).rejects.toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      message: expect.stringMatching(/failed/),
    });
  });

  it('a wrong password fails the push with the registry words', async () => {
    const engine = await engineOf(kind);
    const push = client.images.push({ engineId: engine.id, ref, credentials: { username: 'berth', password: 'not-the-password' } });
    await expect(push.then(drain)).rejects.toThrow(/unauthorized|authentication required|401/i);
  });

  it('pushes with the signed-in credentials, removes, and pulls it back with layer progress', async () => {
    const engine = await engineOf(kind);
    const pushed = await drain(await client.images.push({ engineId: engine.id, ref }));
    const last = pushed.at(-1)!;
    expect(last.done).toBe(true);
    expect(last.digest).toMatch(/^sha256:/);
    await client.images.remove({ engineId: engine.id, ref, force: true });
    expect(await client.images.get({ engineId: engine.id, ref })).toBeNull();
    const pulled: TransferEvent[] = await drain(await client.images.pull({ engineId: engine.id, ref }));
    expect(pulled.at(-1)!.done).toBe(true);
    expect(pulled.at(-1)!.layers.length).toBeGreaterThan(0);
    expect(pulled.at(-1)!.fraction).toBe(1);
    expect(await client.images.get({ engineId: engine.id, ref })).not.toBeNull();
  });

  it('tags, then prunes only this run’s unused images and says what it reclaimed', async () => {
    const engine = await engineOf(kind);
    const second = `${repo}:second`;
    const live = collectLive(backend);
    await client.images.tag({ engineId: engine.id, source: ref, target: second });
    // The tag reaches the live stream as an object event (the renderer fetches that one row).
    await live.waitFor((e) => e.kind === 'object' && e.type === 'image' && e.action === 'tag' && e.engineId === engine.id);
    live.stop();
    expect((await client.images.get({ engineId: engine.id, ref: second }))?.repoTags.length).toBeGreaterThanOrEqual(2);
    const pruned = await client.images.prune({ engineId: engine.id, all: true, label: LABEL });
    expect(pruned.deleted.length).toBeGreaterThan(0);
    expect(pruned.spaceReclaimed).toBeGreaterThanOrEqual(0);
    expect(await client.images.get({ engineId: engine.id, ref })).toBeNull();
  });

  it('refuses a malformed reference before the engine sees it', async () => {
    const engine = await engineOf(kind);
    await expect(client.images.pull({ engineId: engine.id, ref: 'Bad/Name:tag' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      data: { issues: [expect.objectContaining({ message: expect.stringMatching(/lowercase/) })] },
    });
  });
});

describe.each(['docker', 'podman'] as const)('volumes and networks on %s', (kind) => {
  it('creates, lists with users, prunes by label and removes volumes', async () => {
    const engine = await engineOf(kind);
    const name = uniqueName('vol');
    const created = await client.volumes.create({ engineId: engine.id, name, labels: { [TEST_LABEL]: RUN_ID } });
    expect(created.name).toBe(name);
    const c = await clients[kind].createContainer({ Image: 'berth-base:latest', Cmd: ['true'], Labels: { [TEST_LABEL]: RUN_ID }, HostConfig: { Binds: [`${name}:/data`] } });
    expect((await client.volumes.get({ engineId: engine.id, name }))?.usedBy.length).toBe(1);
    await c.remove({ force: true });
    const spare = await client.volumes.create({ engineId: engine.id, name: uniqueName('vol'), labels: { [TEST_LABEL]: RUN_ID } });
    const pruned = await client.volumes.prune({ engineId: engine.id, label: LABEL });
    expect(pruned.deleted).toEqual(expect.arrayContaining([spare.name]));
    if ((await client.volumes.get({ engineId: engine.id, name })) !== null) await client.volumes.remove({ engineId: engine.id, name });
    expect(await client.volumes.get({ engineId: engine.id, name })).toBeNull();
  });

  it('creates a bridge, connects and disconnects a container, removes it', async () => {
    const engine = await engineOf(kind);
    const name = uniqueName('net');
    const net = await client.networks.create({ engineId: engine.id, name, labels: { [TEST_LABEL]: RUN_ID } });
    expect(net.driver).toBe('bridge');
    const container = await createTestContainer(clients[kind]);
    await client.networks.connect({ engineId: engine.id, id: name, container: container.id });
    expect((await client.networks.get({ engineId: engine.id, id: name }))?.containers.map((c) => c.id)).toContain(container.id);
    await client.networks.disconnect({ engineId: engine.id, id: name, container: container.id });
    expect((await client.networks.get({ engineId: engine.id, id: name }))?.containers.length).toBe(0);
    await client.networks.remove({ engineId: engine.id, id: name });
    expect(await client.networks.get({ engineId: engine.id, id: name })).toBeNull();
  });
});
