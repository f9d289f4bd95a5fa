// Run, lifecycle, logs, stats, terminal and grouping through the contract, on real engines.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRouterClient, type RouterClient } from '@orpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { createTestBackend } from '../support/backend';
import { router } from '../../electron/api/router';
import { BASE_IMAGE, engineClients, removeTestContainers, RUN_ID, TEST_LABEL, uniqueName } from '../support/engines';
import { freePort } from '../support/net';
import { requireServices } from '../support/services';

let backend: Backend;
let client: RouterClient<typeof router>;
const clients = engineClients();
const engineOf = async (kind: 'docker' | 'podman') => (await client.engines.list()).find((e) => e.kind === kind && e.state === 'connected')!;
const labels = { [TEST_LABEL]: RUN_ID };


/** Reads a stream's events until `until` holds or the time is up; then ends the stream. */
async function collect<T>(iterator: AsyncIterator<T> & { return?(): unknown }, until: (seen: T[]) => boolean, ms = 15_000): Promise<T[]> {
  const seen: T[] = [];
  const deadline = Date.now() + ms;
  while (!until(seen) && Date.now() < deadline) {
    const next = await Promise.race([iterator.next(), new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), deadline - Date.now()))]);
    if (next === 'timeout' || next.done) break;
    seen.push(next.value);
  }
  await iterator.return?.();
  return seen;
}

beforeAll(async () => {
  await requireServices('docker', 'podman');
  backend = await createTestBackend({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'berth-int-')) });
  client = createRouterClient(router, { context: backend.context });
});
afterAll(async () => {
  backend?.close();
  await Promise.all([removeTestContainers(clients.docker), removeTestContainers(clients.podman)]);
});

describe.each(['docker', 'podman'] as const)('run on %s', (kind) => {
  it('runs httpd with a published port that answers; a second run on that port fails and leaves nothing', async () => {
    const engine = await engineOf(kind);
    const port = await freePort();
    const name = uniqueName(`run-${kind}`);
    const spec = { engineId: engine.id, image: BASE_IMAGE, cmd: ['httpd', '-f', '-p', '8080'], ports: [{ hostPort: port, containerPort: 8080, protocol: 'tcp' as const }], labels, env: [{ key: 'GREETING', value: 'a=b c' }] };
    const made = await client.containerRun.run({ ...spec, name });
    expect(made.started).toBe(true);
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined))?.status ?? 0).toBeGreaterThan(0);
    const inspect = (await client.containerDetail.inspect({ engineId: engine.id, id: made.id })) as { Config: { Env: string[] } };
    expect(inspect.Config.Env).toContain('GREETING=a=b c');

    const second = uniqueName(`run-${kind}-clash`);
    await expect(client.containerRun.run({ ...spec, name: second })).rejects.toThrow(/nothing is left behind/i);
    const left = await clients[kind].listContainers({ all: true, filters: JSON.stringify({ name: [second] }) });
    expect(left).toEqual([]);
    await expect(client.containerRun.run({ ...spec, ports: [], name })).rejects.toMatchObject({ message: expect.stringMatching(/already in use|already exists|in use/i) });
    await expect(client.containerRun.run({ ...spec, ports: [], image: 'berth-no-such-image:nope' })).rejects.toMatchObject({ message: expect.stringMatching(/no such image|not found|unable to find|pull/i) });
  });

  it('pauses, resumes, kills, and prunes only what the label names, telling the space reclaimed', async () => {
    const engine = await engineOf(kind);
    const made = await client.containerRun.run({ engineId: engine.id, image: BASE_IMAGE, cmd: ['sleep', '600'], labels });
    const state = async () => (await clients[kind].getContainer(made.id).inspect()).State;
    await client.containers.pause({ engineId: engine.id, id: made.id });
    expect((await state()).Paused).toBe(true);
    await client.containers.unpause({ engineId: engine.id, id: made.id });
    expect((await state()).Paused).toBe(false);
    await client.containers.kill({ engineId: engine.id, id: made.id });
    await expect.poll(async () => (await state()).Running).toBe(false);
    const pruned = await client.containers.prune({ engineId: engine.id, labels: [`${TEST_LABEL}=${RUN_ID}`] });
    expect(pruned.deleted.map((id) => id.slice(0, 12))).toContain(made.id.slice(0, 12));
    expect(pruned.spaceReclaimed).toBeGreaterThanOrEqual(0);
  });
});

describe('logs', () => {
  it.each(['docker', 'podman'] as const)('tells stdout from stderr and follows new lines on %s', async (kind) => {
    const engine = await engineOf(kind);
    const made = await client.containerRun.run({
      engineId: engine.id,
      image: BASE_IMAGE,
      cmd: ['sh', '-c', 'echo to-out; echo to-err >&2; sleep 1; echo later-out; sleep 600'],
      labels,
    });
    const stream = await client.containerDetail.logs({ engineId: engine.id, id: made.id, tail: 100 });
    const events = await collect(stream, (seen) => seen.some((e) => e.kind === 'lines' && e.lines.some((l) => l.text === 'later-out')));
    const lines = events.flatMap((e) => (e.kind === 'lines' ? e.lines : []));
    expect(lines.find((l) => l.text === 'to-out')?.s).toBe('out');
    expect(lines.find((l) => l.text === 'to-err')?.s).toBe('err');
    expect(lines.find((l) => l.text === 'later-out')?.ts).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('keeps a TTY container readable (no frame headers) and stops at the tail asked for', async () => {
    const engine = await engineOf('docker');
    const c = await clients.docker.createContainer({ Image: BASE_IMAGE, Tty: true, Cmd: ['sh', '-c', 'for i in 1 2 3 4 5; do echo tty-$i; done; sleep 600'], Labels: labels });
    await c.start();
    await new Promise((r) => setTimeout(r, 500));
    const stream = await client.containerDetail.logs({ engineId: engine.id, id: c.id, tail: 2 });
    const events = await collect(stream, (seen) => seen.some((e) => e.kind === 'lines'), 5_000);
    const texts = events.flatMap((e) => (e.kind === 'lines' ? e.lines.map((l) => l.text) : []));
    expect(texts).toEqual(['tty-4', 'tty-5']);
  });
});

describe.each(['docker', 'podman'] as const)('terminal and stats on %s', (kind) => {
  it('runs a shell: input reaches it, output comes back, resize reaches the engine, closing ends the exec', async () => {
    const engine = await engineOf(kind);
    const made = await client.containerRun.run({ engineId: engine.id, image: BASE_IMAGE, cmd: ['sleep', '600'], labels });
    const it = await client.containerDetail.terminal({ engineId: engine.id, id: made.id, shell: 'sh', cols: 80, rows: 24 });
    const first = await it.next();
    expect((first.value as { kind: string }).kind).toBe('session');
    const sessionId = (first.value as { sessionId: string }).sessionId;
    let out = '';
    const deadline = Date.now() + 10_000;
    // As a user does: wait for the prompt, then resize the window and type.
    while (!/[#$] /.test(out) && Date.now() < deadline) {
      const n = await it.next();
      if (n.done) break;
      if (n.value.kind === 'data') out += n.value.data;
    }
    await client.containerDetail.terminalResize({ sessionId, cols: 123, rows: 45 });
    await client.containerDetail.terminalInput({ sessionId, data: 'stty size; echo "hel""lo-$((6*7))"\n' });
    while (!/hello-42/.test(out) && Date.now() < deadline) {
      const n = await it.next();
      if (n.done) break;
      if (n.value.kind === 'data') out += n.value.data;
    }
    expect(out).toMatch(/hello-42/);
    expect(out).toMatch(/45 123/);
    const execIds = ((await clients[kind].getContainer(made.id).inspect()) as { ExecIDs?: string[] }).ExecIDs ?? [];
    await it.return?.();
    for (const id of execIds) await expect.poll(async () => (await clients[kind].getExec(id).inspect()).Running, { timeout: 5_000 }).toBe(false);
    await expect(client.containerDetail.terminalInput({ sessionId, data: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('streams stats with a memory figure, and stops when the reader leaves', async () => {
    const engine = await engineOf(kind);
    const made = await client.containerRun.run({ engineId: engine.id, image: BASE_IMAGE, cmd: ['sleep', '600'], labels });
    const stream = await client.containerDetail.stats({ engineId: engine.id, id: made.id });
    const samples = await collect(stream, (s) => s.length >= 2, 10_000);
    expect(samples.length).toBeGreaterThanOrEqual(1);
    expect(samples.at(-1)!.memUsage).toBeGreaterThan(0);
  });
});

describe('grouping by pod', () => {
  it('joins a Podman pod at run and names the pod of each container', async () => {
    const engine = await engineOf('podman');
    const pod = uniqueName('pod');
    await new Promise<void>((resolve, reject) =>
      clients.podman.modem.dial(
        { path: `/v${engine.version}/libpod/pods/create`, method: 'POST', options: { _body: { name: pod, labels } }, statusCodes: { 201: true, 200: true } },
        (err) => (err ? reject(err) : resolve()),
      ),
    );
    try {
      const made = await client.containerRun.run({ engineId: engine.id, image: BASE_IMAGE, cmd: ['sleep', '600'], labels, pod, start: false });
      const pods = await client.containers.pods({ engineId: engine.id });
      expect(pods.find((p) => p.id === made.id)?.pod).toBe(pod);
      await expect(client.containerRun.run({ engineId: engine.id, image: BASE_IMAGE, labels, pod: uniqueName('no-pod') })).rejects.toThrow(/no pod|no such pod/i);
      const docker = await engineOf('docker');
      await expect(client.containerRun.run({ engineId: docker.id, image: BASE_IMAGE, labels, pod })).rejects.toThrow(/Podman feature/);
    } finally {
      await removeTestContainers(clients.podman);
      await new Promise<void>((resolve) =>
        // docker-modem appends `options` as the query to a path ending in "?".
        clients.podman.modem.dial({ path: `/v${engine.version}/libpod/pods/${pod}?`, method: 'DELETE', options: { force: true }, statusCodes: { 200: true, 404: true } }, () => resolve()),
      );
    }
  });
});
