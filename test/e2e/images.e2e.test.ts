// Images, registries, volumes and networks in a real Chromium against `berth serve`, over
// real dockerd and Podman and the registry on 127.0.0.1:5001 (htpasswd user berth).
// Build contexts reach the page two ways: the folder upload path (Playwright's
// setInputFiles on the <input webkitdirectory>) on Docker, and a drop (a DataTransfer
// with File objects dispatched on the drop zone) on Podman.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, screenshot, startApp, type App } from '../support/app';
import { engineClients, removeTestContainers, RUN_ID, TEST_LABEL, uniqueName } from '../support/engines';
import { makeContext, pathInImage, removeTestObjects } from '../support/images';
import { REGISTRY, requireServices } from '../support/services';

let app: App;
let browser: Browser;
let page: Page;
const clients = engineClients();
const repo = `${REGISTRY}/berth-test/${uniqueName('e2e')}`;
const dockerRef = `${repo}:v1`;
const podmanRef = `${repo}:podman`;

const row = (text: string) => page.getByRole('row').filter({ has: page.getByText(text, { exact: true }) });
const engineId = async (kind: 'docker' | 'podman') => (await app.backend.context.registry.list()).find((e) => e.kind === kind && e.state === 'connected')!.id;

beforeAll(async () => {
  await requireServices('docker', 'podman', 'registry', 'chromium');
  const dockerConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-e2e-dockercfg-'));
  app = await startApp({ env: { ...process.env, DOCKER_CONFIG: dockerConfig } });
  browser = await launchChromium();
  page = await openApp(browser, app);
  await page.goto(`${app.serving.origin}/#images`);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await Promise.all([removeTestContainers(clients.docker), removeTestContainers(clients.podman)]);
  await Promise.all([removeTestObjects(clients.docker), removeTestObjects(clients.podman)]);
});

async function openBuild(kind: 'docker' | 'podman', tag: string) {
  await page.getByRole('button', { name: 'Build…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Build an image' });
  await dialog.getByRole('combobox').first().selectOption(await engineId(kind));
  await dialog.getByLabel('Tags (space or comma separated)').fill(tag);
  return dialog;
}

describe('build', () => {
  it('builds a chosen folder on Docker with its .dockerignore honoured, the log streaming', async () => {
    const dialog = await openBuild('docker', dockerRef);
    await dialog.getByLabel('Choose a context folder').setInputFiles(makeContext());
    await expect.poll(() => dialog.getByTestId('context-summary').innerText(), { timeout: 30_000 }).toMatch(/^Context: 4 files/); // secret.txt and junk/ are plain .dockerignore lines: not even uploaded
    await dialog.getByRole('button', { name: 'Build', exact: true }).click();
    await expect.poll(() => dialog.getByRole('status').innerText(), { timeout: 60_000 }).toMatch(/^Built [0-9a-f]{12}, tagged /);
    expect(await dialog.getByLabel('Build log').innerText()).toMatch(/COPY \. \/ctx\//);
    await screenshot(page, 'images-build-docker');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => row(dockerRef).count(), { timeout: 30_000 }).toBe(1);
    expect(await pathInImage(clients.docker, dockerRef, '/ctx/kept.txt')).toBe(true);
    expect(await pathInImage(clients.docker, dockerRef, '/ctx/secret.txt')).toBe(false);
  });

  it('builds a dropped Dockerfile and files on Podman, .dockerignore honoured', async () => {
    const dialog = await openBuild('podman', podmanRef);
    const dir = makeContext();
    const files = ['Dockerfile', '.dockerignore', 'kept.txt', 'secret.txt'].map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
    const dt = await page.evaluateHandle((list) => {
      const t = new DataTransfer();
      for (const f of list) t.items.add(new File([f.text], f.name));
      return t;
    }, files);
    await dialog.getByTestId('build-dropzone').dispatchEvent('drop', { dataTransfer: dt });
    await expect.poll(() => dialog.getByTestId('context-summary').innerText()).toMatch(/^Context: 4 files/);
    await dialog.getByRole('button', { name: 'Build', exact: true }).click();
    await expect.poll(() => dialog.getByRole('status').innerText(), { timeout: 60_000 }).toMatch(/^Built/);
    await screenshot(page, 'images-build-podman');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await pathInImage(clients.podman, podmanRef, '/ctx/kept.txt')).toBe(true);
    expect(await pathInImage(clients.podman, podmanRef, '/ctx/secret.txt')).toBe(false);
  });
});

describe('push and pull through the registry', () => {
  it('a wrong password fails the push in words; the right one pushes', async () => {
    await row(dockerRef).getByRole('button', { name: `Push ${dockerRef}` }).click();
    const dialog = page.getByRole('dialog', { name: `Push ${dockerRef}` });
    await dialog.getByLabel('User name').fill('berth');
    await dialog.getByLabel('Password or token').fill('wrong-password');
    await dialog.getByRole('button', { name: 'Push', exact: true }).click();
    await expect.poll(() => dialog.locator('.transfer').getAttribute('data-status'), { timeout: 30_000 }).toBe('failed');
    expect(await dialog.getByRole('alert').innerText()).toMatch(/unauthorized|authentication required/i);
    await screenshot(page, 'images-push-wrong-password');
    await dialog.getByLabel('Password or token').fill('berth-password');
    await dialog.getByRole('button', { name: 'Push again' }).click();
    await expect.poll(() => dialog.locator('.transfer').getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    expect(await dialog.locator('.transfer-head').innerText()).toMatch(/done \(sha256:/);
    await screenshot(page, 'images-push-done');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('removes the image, then pulls it back with per-layer progress', async () => {
    await row(dockerRef).getByRole('button', { name: `Remove ${dockerRef}` }).click();
    const remove = page.getByRole('dialog', { name: `Remove ${dockerRef}?` });
    await remove.getByLabel(/Force/).check();
    await remove.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => row(dockerRef).count()).toBe(0);

    await page.getByRole('button', { name: 'Pull…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pull an image' });
    await dialog.getByLabel('Image reference').fill('Bad/Name');
    expect(await dialog.getByTestId('reference-words').innerText()).toMatch(/lowercase/);
    await dialog.getByLabel('Image reference').fill(dockerRef);
    expect(await dialog.getByTestId('reference-words').innerText()).toContain(`registry ${REGISTRY}`);
    await dialog.getByRole('combobox').first().selectOption(await engineId('docker'));
    await dialog.getByLabel('User name').fill('berth');
    await dialog.getByLabel('Password or token').fill('berth-password');
    await dialog.getByLabel(/Sign in with them/).check();
    await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
    await expect.poll(() => dialog.locator('.transfer').getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    expect(await dialog.locator('.layers li').count()).toBeGreaterThan(0);
    expect(await dialog.getByRole('progressbar', { name: `Pulling ${dockerRef} overall` }).getAttribute('aria-valuenow')).toBe('100');
    await screenshot(page, 'images-pull-done');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => row(dockerRef).count(), { timeout: 30_000 }).toBe(1);
  });

  it('the image detail shows layers and Run goes to the run dialog route', async () => {
    await row(dockerRef).getByRole('button', { name: dockerRef, exact: true }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Layers' }).getByRole('row').count()).toBeGreaterThan(2);
    await screenshot(page, 'images-detail');
    await page.getByRole('button', { name: 'Run…' }).click();
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#containers/run?engine=${await engineId('docker')}&image=${dockerRef}`);
    await page.goto(`${app.serving.origin}/#images`);
  });

  it('a tag made outside Berth shows up live, then prune removes only this run’s images and says what it reclaimed', async () => {
    await clients.docker.getImage(dockerRef).tag({ repo, tag: 'outside' });
    await expect.poll(() => page.locator('[data-col="name"]').filter({ hasText: repo }).allInnerTexts()).toContainEqual(expect.stringMatching(/\+1$/));
    await page.getByRole('button', { name: 'Prune…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Prune images' });
    await dialog.getByRole('combobox').first().selectOption(await engineId('docker'));
    await dialog.getByRole('radio', { name: 'All unused' }).click();
    await dialog.getByLabel(/Only images with the label/).fill(`${TEST_LABEL}=${RUN_ID}`);
    await dialog.getByRole('button', { name: 'Prune' }).click();
    await expect.poll(() => dialog.getByTestId('prune-result').innerText(), { timeout: 30_000 }).toMatch(/^Removed [1-9]\d* entries, reclaimed \d/);
    await screenshot(page, 'images-prune');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('[data-col="name"]').filter({ hasText: `${repo}:` }).count()).toBe(1); // only Podman's is left
  });
});

describe('registries, volumes and networks', () => {
  it('signs in (refusing a wrong password) and out on the Registries page', async () => {
    await page.goto(`${app.serving.origin}/#registries`);
    await expect.poll(() => page.locator(`[data-registry="${REGISTRY}"]`).count()).toBe(1); // signed in during the pull
    await page.getByRole('button', { name: `Sign out of ${REGISTRY}` }).click();
    await expect.poll(() => page.locator(`[data-registry="${REGISTRY}"]`).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign in…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in to a registry' });
    await dialog.getByLabel('Registry').fill(REGISTRY);
    await dialog.getByLabel('User name').fill('berth');
    await dialog.getByLabel('Password or token').fill('nope');
    await dialog.getByLabel('Remember after Berth stops').check();
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toMatch(/refused the user name or password/);
    await screenshot(page, 'registries-wrong-password');
    await dialog.getByLabel('Password or token').fill('berth-password');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator(`[data-registry="${REGISTRY}"]`).innerText()).toMatch(/0600 file/);
    await page.getByRole('button', { name: `Check ${REGISTRY}` }).click();
    await expect.poll(() => page.locator(`[data-registry="${REGISTRY}"] [role=status]`).innerText()).toMatch(/Signed in to/);
    await screenshot(page, 'registries');
    expect(await page.content()).not.toContain('berth-password');
  });

  it('creates and removes a volume and a network from the UI', async () => {
    const vol = uniqueName('e2e-vol');
    await page.goto(`${app.serving.origin}/#volumes`);
    await page.getByRole('button', { name: 'Create…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Create a volume' });
    await dialog.getByRole('combobox').first().selectOption(await engineId('podman'));
    await dialog.getByLabel(/^Name/).fill(vol);
    await dialog.getByLabel(/^Labels/).fill(`${TEST_LABEL}=${RUN_ID}`);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => row(vol).count()).toBe(1);
    await screenshot(page, 'volumes');
    await row(vol).getByRole('button', { name: `Remove volume ${vol}` }).click();
    await page.getByRole('dialog', { name: `Remove volume ${vol}?` }).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => row(vol).count()).toBe(0);

    const net = uniqueName('e2e-net');
    await page.goto(`${app.serving.origin}/#networks`);
    await page.getByRole('button', { name: 'Create bridge…' }).click();
    dialog = page.getByRole('dialog', { name: 'Create a bridge network' });
    await dialog.getByRole('combobox').first().selectOption(await engineId('docker'));
    await dialog.getByLabel('Name').fill(net);
    await dialog.getByLabel(/^Labels/).fill(`${TEST_LABEL}=${RUN_ID}`);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => row(net).count()).toBe(1);
    await screenshot(page, 'networks');
    await row(net).getByRole('button', { name: `Remove network ${net}` }).click();
    await page.getByRole('dialog', { name: `Remove network ${net}?` }).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => row(net).count()).toBe(0);
  });
});
