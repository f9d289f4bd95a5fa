// The Pods page in a real Chromium, against `berth serve` over the real Podman service and dockerd.
import fs from 'node:fs';
import { createRouterClient, type RouterClient } from '@orpc/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { router } from '../../electron/api/router';
import { launchChromium, openApp, screenshot, startApp, type App } from '../support/app';
import { BASE_IMAGE, engineClients, removeTestContainers, RUN_ID, TEST_LABEL, uniqueName } from '../support/engines';
import { removeTestPods } from '../support/pods';
import { requireServices } from '../support/services';

let app: App;
let browser: Browser;
let page: Page;
let api: RouterClient<typeof router>;
let podmanId: string;
let dockerId: string;
const clients = engineClients();
const podName = uniqueName('e2e-pod');
const madePods = [podName];
const hostPort = 20000 + Math.floor(Math.random() * 20000);

const podRow = (name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
const alert = (text: RegExp) => page.getByRole('alert').filter({ hasText: text });
const podmanPods = async () => (await api.pods.list({ engineId: podmanId })).map((p) => p.name);

/** Drops a file onto the window as a user dragging it from the file manager would. */
async function dropFile(name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'application/yaml' }));
      return dt;
    },
    [name, text] as const,
  );
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
}

beforeAll(async () => {
  await requireServices('docker', 'podman', 'chromium');
  app = await startApp();
  api = createRouterClient(router, { context: app.backend.context });
  const engines = await api.engines.list();
  podmanId = engines.find((e) => e.kind === 'podman' && e.state === 'connected')!.id;
  dockerId = engines.find((e) => e.kind === 'docker' && e.state === 'connected')!.id;
  browser = await launchChromium();
  page = await openApp(browser, app);
});
afterAll(async () => {
  await browser?.close();
  await removeTestPods(madePods);
  await app?.close();
  await Promise.all([removeTestContainers(clients.docker), removeTestContainers(clients.podman)]);
});

describe('Pods on Podman', () => {
  let yaml = '';

  it('creates a pod from the UI: the row shows its infra container and port', async () => {
    await page.goto(`${app.serving.origin}/#pods/${podmanId}`);
    await page.getByRole('button', { name: 'Create pod' }).click();
    const dialog = page.getByRole('dialog', { name: /Create a pod/ });
    await dialog.getByLabel('Name').fill(podName);
    await dialog.getByLabel(/Published ports/).fill(`${hostPort}:8080`);
    await dialog.getByLabel(/Labels/).fill(`${TEST_LABEL}=${RUN_ID}`);
    await screenshot(page, 'pods-create-dialog');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => podRow(podName).count()).toBe(1);
    await expect.poll(() => podRow(podName).innerText()).toContain(`${hostPort}→8080/tcp`);
    await expect.poll(() => podRow(podName).locator('.chip.infra').count()).toBe(1);
  });

  it('adds a busybox container, starts the pod and shows the merged logs prefixed by container', async () => {
    await podRow(podName).getByRole('link', { name: podName }).click();
    const form = page.getByRole('form', { name: 'Add a container to this pod' });
    await form.getByLabel('Image').fill(BASE_IMAGE);
    await form.getByLabel(/Command/).fill(`/bin/sh -c "trap 'exit 0' TERM; while true; do echo hello-from-pod; sleep 1; done"`);
    await form.getByLabel(/Name/).fill(`${podName}-web`);
    await form.getByRole('button', { name: 'Add container' }).click();
    const members = page.getByRole('list', { name: 'Containers of the pod' });
    // The container's event names its pod: the detail updates without a reload.
    await expect.poll(() => members.getByText(`${podName}-web`, { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: `Start pod ${podName}` }).click();
    await expect.poll(() => page.locator('.pod-summary .badge').innerText(), { timeout: 20_000 }).toBe('running');
    const log = page.getByRole('log', { name: 'Pod logs' });
    await expect.poll(() => log.locator('.log-line', { hasText: 'hello-from-pod' }).first().locator('.log-prefix').innerText(), { timeout: 20_000 }).toBe(`${podName}-web`);
    await screenshot(page, 'pods-detail-logs');
  });

  it('generates its Kubernetes YAML, shown in the editor, saved as a file', async () => {
    await page.getByRole('button', { name: `Kubernetes YAML of pod ${podName}` }).click();
    await expect.poll(() => page.locator('.cm-content').innerText(), { timeout: 20_000 }).toContain(`name: ${podName}`);
    await screenshot(page, 'pods-kube-generated');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as file' }).click()]);
    expect(download.suggestedFilename()).toBe(`${podName}.yaml`);
    yaml = fs.readFileSync((await download.path())!, 'utf8');
    expect(yaml).toContain('kind: Pod');
    expect(yaml).toContain(`hostPort: ${hostPort}`);
  });

  it('removes the pod, then plays the YAML back from a file and sees the pod return', async () => {
    await page.goto(`${app.serving.origin}/#pods/${podmanId}`);
    await podRow(podName).getByRole('button', { name: `Remove pod ${podName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Remove pod ${podName}?` });
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => podRow(podName).count(), { timeout: 20_000 }).toBe(0);

    await page.getByRole('button', { name: 'Kubernetes YAML', exact: true }).click();
    const file = `${app.dataDir}/${podName}.yaml`;
    fs.writeFileSync(file, yaml);
    await page.getByTestId('kube-file').setInputFiles(file);
    await expect.poll(() => page.locator('.cm-content').innerText()).toContain(`name: ${podName}`);
    await page.getByRole('button', { name: 'Play' }).click();
    const made = page.getByRole('status', { name: 'Pods made by the YAML' });
    await expect.poll(() => made.innerText(), { timeout: 30_000 }).toContain(podName);
    await screenshot(page, 'pods-kube-played');

    await page.getByRole('button', { name: 'Back to the pods' }).click();
    await expect.poll(() => podRow(podName).count()).toBe(1);
    await expect.poll(() => podRow(podName).getByRole('cell').nth(1).innerText()).toBe('running');
    await screenshot(page, 'pods-list-after-play');

    await page.getByRole('button', { name: 'Kubernetes YAML', exact: true }).click();
    await page.getByRole('button', { name: 'Take down' }).click();
    await expect.poll(async () => (await podmanPods()).includes(podName), { timeout: 20_000 }).toBe(false);
  });

  it("a malformed YAML dropped onto the window gives the engine's words, and leaves nothing half-made", async () => {
    const first = uniqueName('e2e-half');
    const second = uniqueName('e2e-half');
    madePods.push(first, second);
    const pod = (n: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${n}\nspec:\n  containers:\n  - name: main\n    image: localhost/${BASE_IMAGE}\n    command: ["/bin/sleep", "600"]\n`;
    // The first pod is valid (Podman makes it), the second names one container twice.
    const broken = `${pod(first)}---\n${pod(second)}  - name: main\n    image: localhost/${BASE_IMAGE}\n`;
    await page.goto(`${app.serving.origin}/#pods/${podmanId}`);
    await dropFile('broken.yaml', broken);
    await expect.poll(() => page.locator('.cm-content').innerText()).toContain(`name: ${second}`);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => alert(/duplicate container name "main"/).count(), { timeout: 30_000 }).toBe(1);
    expect(await alert(/duplicate container name/).innerText()).toMatch(/^Playing the YAML on .*: playing YAML file: .*\nNothing it made was left behind\.$/s);
    await screenshot(page, 'pods-kube-error');
    const names = await podmanPods();
    expect(names).not.toContain(first);
    expect(names).not.toContain(second);
  });
});

describe('Compose groups on Docker', () => {
  it('says pods are a Podman feature, shows the project as a group, and stops the whole group', async () => {
    const project = uniqueName('e2e-proj');
    for (const service of ['web', 'worker']) {
      const c = await clients.docker.createContainer({
        name: `${project}-${service}-1`,
        Image: BASE_IMAGE,
        Cmd: ['/bin/sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'],
        Labels: { [TEST_LABEL]: RUN_ID, 'com.docker.compose.project': project, 'com.docker.compose.service': service },
      });
      await c.start();
    }
    await page.goto(`${app.serving.origin}/#pods/${dockerId}`);
    expect(await page.getByRole('note').innerText()).toMatch(/Pods are a Podman feature/);
    const group = page.getByRole('region', { name: `Compose project ${project}` });
    await expect.poll(() => group.locator('li').count()).toBe(2);
    expect(await group.locator('header').innerText()).toMatch(/2\/2 running · services: web, worker/);
    await screenshot(page, 'pods-compose-group');
    await group.getByRole('button', { name: `Stop project ${project}` }).click();
    await expect.poll(() => group.locator('li .badge').allInnerTexts(), { timeout: 20_000 }).toEqual(['exited', 'exited']);
    expect(await group.locator('header').innerText()).toMatch(/0\/2 running/);
  });
});
