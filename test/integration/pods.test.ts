// Pods, Kubernetes YAML and Compose groups through the contract, against the real Podman
// service and dockerd. Everything made here has a unique name and is removed at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRouterClient, type RouterClient } from '@orpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { router } from '../../electron/api/router';
import type { Backend } from '../../electron/backend';
import { createContainerInPod, libpodVersion } from '../../electron/engines/libpod';
import { BASE_IMAGE, createTestContainer, engineClients, removeTestContainers, RUN_ID, TEST_LABEL, uniqueName } from '../support/engines';
import { collectLive } from '../support/live';
import { removeTestPods } from '../support/pods';
import { requireServices } from '../support/services';
import { createTestBackend } from '../support/backend';

let backend: Backend;
let client: RouterClient<typeof router>;
let podmanId: string;
let dockerId: string;
const clients = engineClients();
const madePods: string[] = [];
const hostPort = 20000 + Math.floor(Math.random() * 20000);
const LOOP = ['/bin/sh', '-c', 'trap "exit 0" TERM; i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 0.2; done'];

beforeAll(async () => {
  await requireServices('docker', 'podman');
  backend = await createTestBackend({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'berth-int-')) });
  client = createRouterClient(router, { context: backend.context });
  const engines = await client.engines.list();
  podmanId = engines.find((e) => e.kind === 'podman' && e.state === 'connected')!.id;
  dockerId = engines.find((e) => e.kind === 'docker' && e.state === 'connected')!.id;
});
afterAll(async () => {
  await removeTestPods(madePods);
  backend?.close();
  await Promise.all([removeTestContainers(clients.docker), removeTestContainers(clients.podman)]);
});

const podNames = async () => (await client.pods.list({ engineId: podmanId })).map((p) => p.name);

describe('the libpod module', () => {
  it("takes the API version from the engine's /version", async () => {
    const v = (await clients.podman.version()) as { Components?: Array<{ Name: string; Details?: { APIVersion?: string } }> };
    const expected = v.Components!.find((c) => /podman/i.test(c.Name))!.Details!.APIVersion!;
    expect(await libpodVersion(backend.registry.get(podmanId))).toBe(expected.replace(/-.*$/, ''));
  });

  it('refuses pods on Docker Engine, in words', async () => {
    await expect(client.pods.list({ engineId: dockerId })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/Podman feature/) });
  });
});

describe('a pod, from creation to YAML and back', () => {
  const name = uniqueName('int-pod');
  madePods.push(name);
  let yaml = '';

  it('creates a pod with a published port and labels, and its events arrive', async () => {
    const live = collectLive(backend);
    const row = await client.pods.create({ engineId: podmanId, name, ports: [{ containerPort: 8080, hostPort, protocol: 'tcp' }], labels: { [TEST_LABEL]: RUN_ID } });
    expect(row).toMatchObject({ name, state: 'created', labels: { [TEST_LABEL]: RUN_ID } });
    expect(row.ports).toContainEqual(expect.objectContaining({ privatePort: 8080, publicPort: hostPort, type: 'tcp' }));
    expect(row.containers).toHaveLength(1);
    expect(row.containers[0]!.infra).toBe(true);
    await live.waitFor((e) => e.kind === 'object' && e.type === 'pod' && e.id === row.id && e.action === 'create');
    live.stop();
  });

  it('adds a busybox container (createContainerInPod), starts the pod, and marks the infra container', async () => {
    const live = collectLive(backend);
    const { id } = await createContainerInPod(backend.registry.get(podmanId), {
      pod: name,
      image: BASE_IMAGE,
      name: `${name}-web`,
      command: LOOP,
      labels: { [TEST_LABEL]: RUN_ID },
    });
    // The container's own event names its pod: the pod's row is refreshed from it.
    const pod = (await client.pods.get({ engineId: podmanId, id: name }))!;
    await live.waitFor((e) => e.kind === 'object' && e.type === 'pod' && e.id === pod.id && e.action === 'container-create' && e.attributes['containerId'] === id);
    await client.pods.start({ engineId: podmanId, id: name });
    await live.waitFor((e) => e.kind === 'object' && e.type === 'pod' && e.id === pod.id && e.action === 'start');
    const row = (await client.pods.get({ engineId: podmanId, id: pod.id }))!;
    expect(row.state).toBe('running');
    expect(row.containers.map((c) => [c.name, c.infra, c.state])).toEqual([
      [expect.stringMatching(/-infra$/), true, 'running'],
      [`${name}-web`, false, 'running'],
    ]);
    expect((await client.pods.list({})).some((p) => p.id === pod.id && p.engineId === podmanId)).toBe(true);
    live.stop();
  });

  it('streams the merged logs in batches, each line naming its container', async () => {
    const abort = new AbortController();
    const stream = await client.pods.logs({ engineId: podmanId, id: name, tail: 5 }, { signal: abort.signal });
    const lines: { container: string; text: string }[] = [];
    let batches = 0;
    for await (const batch of stream) {
      batches++;
      lines.push(...batch.lines);
      if (lines.length >= 8) break;
    }
    abort.abort();
    expect(lines.every((l) => l.container === `${name}-web`)).toBe(true);
    expect(lines[0]!.text).toMatch(/^tick \d+$/);
    // The tail arrives as one batch, not line by line.
    expect(batches).toBeLessThan(lines.length);
  });

  it('pauses, resumes, stops, kills; a missing pod is said in words', async () => {
    await client.pods.pause({ engineId: podmanId, id: name });
    expect((await client.pods.get({ engineId: podmanId, id: name }))!.state).toBe('paused');
    await client.pods.unpause({ engineId: podmanId, id: name });
    await client.pods.stop({ engineId: podmanId, id: name, timeoutSeconds: 2 });
    expect(['exited', 'stopped']).toContain((await client.pods.get({ engineId: podmanId, id: name }))!.state);
    await client.pods.start({ engineId: podmanId, id: name });
    await client.pods.kill({ engineId: podmanId, id: name });
    await expect(client.pods.start({ engineId: podmanId, id: 'berth-no-such-pod' })).rejects.toMatchObject({ message: expect.stringMatching(/no pod with name or ID berth-no-such-pod/) });
  });

  it('generates YAML, is removed, and comes back from the YAML; kube down takes it away', async () => {
    yaml = (await client.pods.kube.generate({ engineId: podmanId, names: [name] })).yaml;
    expect(yaml).toMatch(new RegExp(`name: ${name}\\b`));
    expect(yaml).toContain('kind: Pod');
    await client.pods.start({ engineId: podmanId, id: name });
    await expect(client.pods.remove({ engineId: podmanId, id: name })).rejects.toThrow(/running|force/i);
    await client.pods.remove({ engineId: podmanId, id: name, force: true });
    expect(await podNames()).not.toContain(name);

    const played = await client.pods.kube.play({ engineId: podmanId, yaml });
    expect(played.pods.map((p) => p.name)).toEqual([name]);
    const back = (await client.pods.get({ engineId: podmanId, id: name }))!;
    expect(back.state).toBe('running');
    // Podman names a played container <pod>-<container>.
    expect(back.containers.map((c) => c.name)).toContain(`${name}-${name}-web`);

    const down = await client.pods.kube.down({ engineId: podmanId, yaml });
    expect(down.removed).toEqual([back.id]);
    expect(await podNames()).not.toContain(name);
  });
});

describe('YAML from a container', () => {
  it('generates a pod spec from a container outside any pod', async () => {
    const name = uniqueName('int-kube-c');
    await createTestContainer(clients.podman, { name, cmd: ['/bin/sleep', '600'] });
    const { yaml } = await client.pods.kube.generate({ engineId: podmanId, names: [name], service: true });
    expect(yaml).toContain('kind: Pod');
    expect(yaml).toContain('kind: Service');
    expect(yaml).toContain(`name: ${name}`);
    await expect(client.pods.kube.generate({ engineId: podmanId, names: ['berth-no-such-thing'] })).rejects.toThrow(/berth-no-such-thing/);
  });
});

describe('malformed or failing YAML', () => {
  const pod = (n: string, image: string, extra = '') =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${n}\nspec:\n  containers:\n  - name: main\n    image: ${image}\n    command: ["/bin/sleep", "600"]\n${extra}`;

  it("gives the engine's words for YAML that does not parse", async () => {
    await expect(client.pods.kube.play({ engineId: podmanId, yaml: 'apiVersion: v1\nkind: Pod\nmetadata: [unclosed\n' })).rejects.toMatchObject({
      message: expect.stringMatching(/Playing the YAML on .*: playing YAML file: .*yaml: line \d+/),
    });
    await expect(client.pods.kube.play({ engineId: podmanId, yaml: 'kind: Banana\n' })).rejects.toThrow(/does not contain any supported kube kind/);
  });

  it('leaves nothing half-made when a later document fails', async () => {
    const good = uniqueName('int-half');
    const bad = uniqueName('int-half');
    madePods.push(good, bad);
    // The first pod is made (and started) before Podman finds the second one invalid.
    const yaml = `${pod(good, `localhost/${BASE_IMAGE}`)}---\n${pod(bad, `localhost/${BASE_IMAGE}`)}  - name: main\n    image: localhost/${BASE_IMAGE}\n`;
    await expect(client.pods.kube.play({ engineId: podmanId, yaml })).rejects.toThrow(/duplicate container name "main"/);
    const names = await podNames();
    expect(names).not.toContain(good);
    expect(names).not.toContain(bad);
  });

  it('keeps the pods that were there before when a play fails on them', async () => {
    const existing = uniqueName('int-keep');
    madePods.push(existing);
    await client.pods.create({ engineId: podmanId, name: existing, ports: [], labels: { [TEST_LABEL]: RUN_ID } });
    await expect(client.pods.kube.play({ engineId: podmanId, yaml: pod(existing, `localhost/${BASE_IMAGE}`) })).rejects.toThrow(/already|in use|exists/i);
    expect(await podNames()).toContain(existing);
  });
});

describe('Compose groups on Docker', () => {
  it('starts, stops and removes the containers of one project', async () => {
    const project = uniqueName('proj');
    for (const service of ['web', 'db']) {
      await clients.docker.createContainer({
        name: `${project}-${service}-1`,
        Image: BASE_IMAGE,
        Cmd: LOOP,
        Labels: { [TEST_LABEL]: RUN_ID, 'com.docker.compose.project': project, 'com.docker.compose.service': service },
      });
    }
    const states = async () =>
      (await clients.docker.listContainers({ all: true, filters: JSON.stringify({ label: [`com.docker.compose.project=${project}`] }) })).map((c) => c.State);
    expect(await client.pods.compose.start({ engineId: dockerId, project })).toEqual({ containers: 2 });
    expect(await states()).toEqual(['running', 'running']);
    expect(await client.pods.compose.stop({ engineId: dockerId, project, timeoutSeconds: 5 })).toEqual({ containers: 2 });
    expect(await states()).toEqual(['exited', 'exited']);
    await client.pods.compose.remove({ engineId: dockerId, project });
    expect(await states()).toEqual([]);
    await expect(client.pods.compose.stop({ engineId: dockerId, project })).rejects.toThrow(/No containers of the Compose project/);
  });
});
