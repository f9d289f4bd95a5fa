// Engines, Events and Settings pages in a real Chromium, against `berth serve` over real
// dockerd and Podman.
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, startApp, type App } from '../support/app';
import { createTestContainer, engineClients, removeTestContainers, RUN_ID, TEST_LABEL, uniqueName } from '../support/engines';
import { makeDanglingImage, removeTestImages } from '../support/images';
import { requireServices } from '../support/services';

let app: App;
let browser: Browser;
let page: Page;
const clients = engineClients();

const card = (kind: 'Docker' | 'Podman') => page.locator('article.engine-card').filter({ has: page.locator('.badge', { hasText: kind }) });

async function open(hash: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.serving.origin });
  page = await context.newPage();
  page.on('pageerror', (err) => console.error('page error:', err));
  await page.goto(app.serving.url);
  await page.evaluate((h) => (window.location.hash = h), hash);
}

beforeAll(async () => {
  await requireServices('docker', 'podman', 'chromium');
  app = await startApp();
  browser = await launchChromium();
  await open('#engines');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await Promise.all([removeTestContainers(clients.docker), removeTestContainers(clients.podman)]);
  await Promise.all([removeTestImages(clients.docker), removeTestImages(clients.podman)]);
});

describe('Engines page', () => {
  it('shows both engines with the versions their /version gives, and their host', async () => {
    for (const [kind, docker] of [['Docker', clients.docker], ['Podman', clients.podman]] as const) {
      const v = await docker.version();
      await expect.poll(() => card(kind).locator('[data-fact="Version"] dd').innerText()).toBe(v.Version);
      expect(await card(kind).locator('[data-fact="API version"] dd').innerText()).toBe(v.ApiVersion);
      await expect.poll(() => card(kind).locator('[data-fact="Runtimes"] dd').innerText()).toMatch(/runc/);
      expect(await card(kind).locator('[data-fact="Mode"] dd').innerText()).toBe('rootful');
    }
    expect(await card('Podman').locator('.engine-endpoint').innerText()).toMatch(/unix:\/\/\/run\/podman\/podman\.sock · default socket/);
    await card('Docker').getByRole('button', { name: 'Make default' }).click();
    await expect.poll(() => card('Docker').locator('.badge', { hasText: /^default$/ }).count()).toBe(1);
    await screenshot(page, 'engines-page');
  });

  it('disk usage shows a non-zero image total; a label-restricted prune says what it reclaimed', async () => {
    const images = card('Docker').locator('tr[data-category="images"]');
    await expect.poll(() => images.locator('[data-testid="size"]').innerText()).toMatch(/^[1-9][\d.]* (kB|MB|GB)$/);
    await makeDanglingImage(clients.docker);
    await images.getByRole('button', { name: /Prune images/ }).click();
    const dialog = page.getByRole('dialog', { name: /Prune images on/ });
    await dialog.getByLabel('Label filter').fill(`${TEST_LABEL}=${RUN_ID}`);
    await screenshot(page, 'engines-prune-dialog');
    await dialog.getByRole('button', { name: 'Prune' }).click();
    const status = card('Docker').locator('.prune-result');
    await expect.poll(() => status.innerText()).toMatch(/reclaimed [1-9][\d.]* (kB|MB), [12] objects? removed/);
    await screenshot(page, 'engines-prune-result');
  });

  it('a Podman that stops turns disconnected with the reason, and reconnects without a reload', async () => {
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    try {
      execFileSync('bash', ['scripts/test-env.sh', 'stop-podman'], { stdio: 'ignore' });
      await expect.poll(() => card('Podman').getAttribute('data-state')).toBe('disconnected');
      await expect.poll(() => card('Podman').getByTestId('engine-reason').innerText()).toMatch(/podman\.sock.*(not running|stopped)/);
      await screenshot(page, 'engines-podman-down');
    } finally {
      execFileSync('bash', ['scripts/test-env.sh', 'start-podman'], { stdio: 'ignore' });
    }
    await expect.poll(() => card('Podman').getAttribute('data-state'), { timeout: 20_000 }).toBe('connected');
    await expect.poll(() => card('Podman').locator('[data-fact="Version"] dd').innerText()).toMatch(/^\d/);
    expect(navigations).toEqual([]);
  });

  it('refuses a malformed endpoint, and shows a missing socket as down with the reason', async () => {
    await page.getByRole('button', { name: 'Add engine…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an engine' });
    await dialog.getByLabel('Endpoint').fill('ftp://nowhere');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toMatch(/Unsupported scheme "ftp:\/\/"/);
    await dialog.getByLabel('Endpoint').fill(`/tmp/berth-${RUN_ID}-missing.sock`);
    await dialog.getByLabel('Name (optional)').fill('ghost');
    await dialog.getByRole('button', { name: 'Add' }).click();
    const ghost = page.locator('article.engine-card', { has: page.getByRole('heading', { name: 'ghost' }) });
    await expect.poll(() => ghost.getByTestId('engine-reason').innerText()).toMatch(/No socket at unix:\/\/\/tmp\/berth-.*-missing\.sock/);
    await screenshot(page, 'engines-ghost-down');
    await ghost.getByRole('button', { name: 'Remove ghost' }).click();
    await page.getByRole('dialog', { name: 'Remove ghost?' }).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => ghost.count()).toBe(0);
  });
});

describe('Events page', () => {
  it('a container start appears in the log within a second', async () => {
    await page.evaluate(() => (window.location.hash = '#events'));
    await expect.poll(() => page.locator('.live-dot.on').count()).toBe(1);
    const name = uniqueName('e2e-ev');
    const c = await createTestContainer(clients.docker, { name });
    const row = page.getByRole('row').filter({ hasText: name }).filter({ hasText: 'start' });
    // The engine emits "start" before the start call returns: from that return to the row
    // on screen bounds the delay of events → backend → WebSocket → page.
    await c.start();
    const t0 = Date.now();
    await expect.poll(() => row.count(), { timeout: 5_000, interval: 20 }).toBe(1);
    expect(Date.now() - t0).toBeLessThan(1000);
    await page.getByLabel('Search events').fill(name);
    await expect.poll(() => page.getByRole('row').filter({ hasText: name }).count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'events-log');
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(await page.locator('.live-dot').innerText()).toBe('paused');
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: name }).count()).toBe(0);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => page.locator('.live-dot').innerText()).toBe('live');
    await c.remove({ force: true });
  });
});

describe('Settings page', () => {
  it('refuses a bad value in words, saves good ones, and keeps them across a restart of berth serve', async () => {
    await page.evaluate(() => (window.location.hash = '#settings'));
    await page.getByRole('combobox', { name: 'Theme' }).first().selectOption('dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByLabel('Region').fill('Europe');
    await page.getByRole('button', { name: 'Save AWS settings' }).click();
    await expect.poll(() => page.locator('.settings-group').getByRole('alert').innerText()).toMatch(/aws\.region: a region looks like us-east-1/);
    await screenshot(page, 'settings-refused');
    await page.getByLabel('Region').fill('eu-west-1');
    await page.getByLabel('ECR registry host').fill('127.0.0.1:5001');
    await page.getByRole('button', { name: 'Save AWS settings' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Copy diagnostics' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Berth \d+\.\d+\.\d+ \(berth serve\)/);
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/Podman 4\./);
    expect(text).not.toContain(app.serving.token);
    await screenshot(page, 'settings-page');

    const dataDir = app.dataDir;
    await page.context().close();
    await app.close();
    app = await startApp({ dataDir });
    await open('#settings');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(() => page.getByLabel('Region').inputValue()).toBe('eu-west-1');
    expect(await page.getByLabel('ECR registry host').inputValue()).toBe('127.0.0.1:5001');
  });
});
