// The Containers page in a real Chromium, against `berth serve` over real dockerd and Podman.
import WebSocket from 'ws';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, screenshot, startApp, type App } from '../support/app';
import { createTestContainer, engineClients, removeTestContainers, uniqueName } from '../support/engines';
import { requireServices } from '../support/services';

let app: App;
let browser: Browser;
let page: Page;
const clients = engineClients();
const dockerName = uniqueName('e2e-docker');
const podmanName = uniqueName('e2e-podman');

const row = (name: string) => page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });

beforeAll(async () => {
  await requireServices('docker', 'podman', 'chromium');
  await createTestContainer(clients.docker, { name: dockerName, start: true });
  await createTestContainer(clients.podman, { name: podmanName, start: true });
  app = await startApp();
  browser = await launchChromium();
  page = await openApp(browser, app);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await Promise.all([removeTestContainers(clients.docker), removeTestContainers(clients.podman)]);
});

describe('Containers page', () => {
  it('lists the containers of both engines, with both engines connected', async () => {
    await expect.poll(() => row(dockerName).count()).toBe(1);
    await expect.poll(() => row(podmanName).count()).toBe(1);
    await expect.poll(() => page.locator('[data-engine-id][data-state="connected"]').count()).toBeGreaterThanOrEqual(2);
    expect(await row(dockerName).getByRole('cell').nth(3).innerText()).toBe('running');
    await screenshot(page, 'containers-both-engines');
  });

  it('Stop turns the row to exited without a reload', async () => {
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    await row(podmanName).getByRole('button', { name: `Stop ${podmanName}`, exact: true }).click();
    await expect.poll(() => row(podmanName).getByRole('cell').nth(3).innerText(), { timeout: 20_000 }).toBe('exited');
    expect(navigations).toEqual([]);
    await screenshot(page, 'containers-after-stop');
  });

  it('a change made outside Berth shows up live', async () => {
    await clients.docker.getContainer(dockerName).kill();
    await expect.poll(() => row(dockerName).getByRole('cell').nth(3).innerText()).toBe('exited');
  });

  it('Remove asks first, then the row disappears', async () => {
    await row(dockerName).getByRole('button', { name: `Remove ${dockerName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Remove ${dockerName}?` });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await screenshot(page, 'containers-remove-dialog');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => row(dockerName).count()).toBe(0);
  });

  it("shows the engine's error in words when an action fails", async () => {
    const name = uniqueName('e2e-broken');
    await createTestContainer(clients.docker, { name, cmd: ['/no/such/program'] });
    await row(name).getByRole('button', { name: `Start ${name}`, exact: true }).click();
    const toast = page.getByRole('alert').filter({ hasText: `Start ${name} failed` });
    await expect.poll(() => toast.innerText()).toMatch(/no such file or directory/i);
    await screenshot(page, 'containers-action-error');
  });
});

describe('berth serve guards', () => {
  it('refuses a page request without the token', async () => {
    const res = await fetch(`${app.serving.origin}/`);
    expect(res.status).toBe(401);
    expect(await res.text()).toMatch(/token/);
  });

  it('refuses the RPC WebSocket without the token, and from a foreign Origin with it', async () => {
    const attempt = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${app.serving.port}/rpc`, { headers });
        ws.on('open', () => (ws.close(), resolve(101)));
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('error', () => resolve(-1));
      });
    expect(await attempt({ origin: app.serving.origin })).toBe(401);
    expect(await attempt({ origin: 'http://evil.example', cookie: `berth_token=${app.serving.token}` })).toBe(403);
    expect(await attempt({ origin: app.serving.origin, cookie: `berth_token=${app.serving.token}` })).toBe(101);
  });
});
