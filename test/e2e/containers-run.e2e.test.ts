// Living in the Containers page: run from the dialog, logs, terminal, stats, bulk actions,
// grouping, and a log stream that survives its engine restarting. Real Chromium, real engines.
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, screenshot, startApp, type App } from '../support/app';
import { BASE_IMAGE, createTestContainer, engineClients, removeTestContainers, RUN_ID, TEST_LABEL, uniqueName } from '../support/engines';
import { freePort } from '../support/net';
import { requireServices } from '../support/services';

let app: App;
let browser: Browser;
let page: Page;
const clients = engineClients();
const webName = uniqueName('e2e-web');
let port = 0;

const row = (name: string) => page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
const engineId = (kind: 'docker' | 'podman') => app.backend.registry.list().find((e) => e.kind === kind)!.id;


async function fillRun(opts: { engine: string; name: string; command: string; ports?: string }) {
  await page.goto(`${app.serving.origin}/#containers/run?engine=${opts.engine}&image=${encodeURIComponent(BASE_IMAGE)}`);
  const dialog = page.getByRole('dialog', { name: 'Run a container' });
  await dialog.waitFor();
  expect(await dialog.getByLabel('Image').inputValue()).toBe(BASE_IMAGE);
  await dialog.getByLabel(/^Name/).fill(opts.name);
  await dialog.getByLabel('Command and arguments').fill(opts.command);
  if (opts.ports) await dialog.getByLabel(/^Published ports/).fill(opts.ports);
  await dialog.getByLabel(/^Labels/).fill(`${TEST_LABEL}=${RUN_ID}`);
  return dialog;
}

beforeAll(async () => {
  await requireServices('docker', 'podman', 'chromium');
  port = await freePort();
  app = await startApp();
  browser = await launchChromium();
  page = await openApp(browser, app);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await Promise.all([removeTestContainers(clients.docker), removeTestContainers(clients.podman)]);
});

describe('run from the dialog, then live in the detail view', () => {
  it('runs busybox httpd with a published port that answers', async () => {
    const dialog = await fillRun({ engine: engineId('docker'), name: webName, command: 'httpd -f -vv -p 8080', ports: `${port}:8080` });
    await dialog.getByRole('button', { name: 'Add variable' }).click();
    await dialog.getByLabel('Variable 1 name').fill('GREETING');
    await dialog.getByLabel('Variable 1 value').fill('hello world');
    await screenshot(page, 'run-dialog');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/#containers\/[^/]+\/[0-9a-f]{64}\/logs$/);
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined))?.status ?? 0).toBe(404);
  });

  it('shows the request in the Logs tab, on stderr', async () => {
    const errLine = page.locator('[data-stream="err"]').filter({ hasText: 'url:/' });
    await expect.poll(() => errLine.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByLabel('Search the log').fill('url:');
    await expect.poll(() => page.locator('.log-line mark').count()).toBeGreaterThan(0);
    await screenshot(page, 'detail-logs');
  });

  it('a second run on the same host port shows the engine refusal and leaves nothing', async () => {
    const clash = uniqueName('e2e-clash');
    const dialog = await fillRun({ engine: engineId('docker'), name: clash, command: 'httpd -f -p 8080', ports: `${port}:8080` });
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.innerText(), { timeout: 20_000 }).toMatch(/port is already allocated|address already in use/i);
    expect(await alert.innerText()).toMatch(/nothing is left behind/i);
    await screenshot(page, 'run-dialog-port-clash');
    expect(await clients.docker.listContainers({ all: true, filters: JSON.stringify({ name: [clash] }) })).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('echoes back what is typed in the Terminal tab', async () => {
    const id = (await clients.docker.getContainer(webName).inspect()).Id;
    await page.goto(`${app.serving.origin}/#containers/${engineId('docker')}/${id}/terminal`);
    const term = page.getByTestId('terminal');
    await expect.poll(() => term.locator('.xterm-rows').innerText(), { timeout: 15_000 }).toMatch(/#/);
    await term.click();
    await page.keyboard.type('echo "berth-$((40+2))"');
    await page.keyboard.press('Enter');
    await expect.poll(() => term.locator('.xterm-rows').innerText()).toMatch(/^berth-42$/m);
    await screenshot(page, 'detail-terminal');
  });

  it('shows a non-zero memory figure in Stats', async () => {
    await page.getByRole('tab', { name: 'Stats' }).click();
    await expect.poll(() => page.getByTestId('stat-mem').innerText(), { timeout: 15_000 }).toMatch(/^[1-9][\d.]* (B|KB|MB|GB)/);
    await screenshot(page, 'detail-stats');
  });

  it('stops and removes it from the UI', async () => {
    await page.getByRole('tab', { name: 'Logs' }).click();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => page.locator('.detail .badge').innerText(), { timeout: 20_000 }).toBe('exited');
    await page.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('dialog', { name: `Remove ${webName}?` }).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.url()).toMatch(/#containers$/);
    await expect.poll(() => row(webName).count()).toBe(0);
    expect(await clients.docker.listContainers({ all: true, filters: JSON.stringify({ name: [webName] }) })).toEqual([]);
  });
});

describe('the list', () => {
  it('groups by compose project, acts on a selection, and Delete asks before removing', async () => {
    const project = uniqueName('proj');
    const names = [uniqueName('e2e-g1'), uniqueName('e2e-g2')];
    for (const name of names) {
      await clients.docker
        .createContainer({ name, Image: BASE_IMAGE, Cmd: ['sleep', '600'], Labels: { [TEST_LABEL]: RUN_ID, 'com.docker.compose.project': project } })
        .then((c) => c.start());
    }
    await page.goto(`${app.serving.origin}/#containers`);
    await page.getByRole('searchbox', { name: 'Search containers' }).fill(RUN_ID);
    await page.getByLabel('Group by').selectOption('compose');
    await expect.poll(() => page.locator('.vtable-group').filter({ hasText: project }).count()).toBe(1);
    for (const name of names) await page.getByLabel(`Select ${name}`).check();
    const bar = page.getByRole('toolbar', { name: 'Selected containers' });
    await expect.poll(() => bar.innerText()).toMatch(/2 selected/);
    await screenshot(page, 'list-grouped-selected');
    await bar.getByRole('button', { name: 'Stop' }).click();
    for (const name of names) await expect.poll(() => row(name).getByRole('cell').nth(3).innerText(), { timeout: 20_000 }).toBe('exited');
    await page.getByTestId('table-scroller').focus();
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('dialog', { name: 'Remove 2 containers?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    for (const name of names) await expect.poll(() => row(name).count()).toBe(0);
    await page.getByLabel('Group by').selectOption('none');
  });
});

describe('logs', () => {
  it('tells stdout and stderr apart (the detail opened with Enter from the list)', async () => {
    const name = uniqueName('e2e-streams');
    const c = await createTestContainer(clients.docker, { name, cmd: ['sh', '-c', 'echo out-line; echo err-line >&2; sleep 600'], start: true });
    await page.goto(`${app.serving.origin}/#containers`);
    await page.getByRole('searchbox', { name: 'Search containers' }).fill(name);
    await expect.poll(() => row(name).count()).toBe(1);
    await page.getByTestId('table-scroller').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`/${c.id}/logs`);
    await expect.poll(() => page.locator('[data-stream="out"]').filter({ hasText: 'out-line' }).count()).toBe(1);
    await expect.poll(() => page.locator('[data-stream="err"]').filter({ hasText: 'err-line' }).count()).toBe(1);
    expect(await page.locator('[data-stream="out"]').filter({ hasText: 'err-line' }).count()).toBe(0);
  });

  it('says so when the engine stops during a log stream, and resumes when it is back (Podman)', async () => {
    const name = uniqueName('e2e-ticks');
    const c = await createTestContainer(clients.podman, { name, cmd: ['sh', '-c', 'i=0; while true; do echo tick-$i; i=$((i+1)); sleep 0.3; done'], start: true });
    await page.goto(`${app.serving.origin}/#containers/${engineId('podman')}/${c.id}/logs`);
    await expect.poll(() => page.locator('.log-line').filter({ hasText: /^tick-\d+$/ }).count()).toBeGreaterThan(2);
    const lostNotice = page.locator('.log-line.notice').filter({ hasText: /Lost the engine/ });
    const backNotice = page.locator('.log-line.notice').filter({ hasText: /engine is back/ });
    try {
      execFileSync('bash', ['scripts/test-env.sh', 'stop-podman'], { stdio: 'ignore' });
      await expect.poll(() => lostNotice.count(), { timeout: 20_000 }).toBe(1);
      await screenshot(page, 'logs-engine-lost');
    } finally {
      execFileSync('bash', ['scripts/test-env.sh', 'start-podman'], { stdio: 'ignore' });
    }
    await expect.poll(() => backNotice.count(), { timeout: 30_000 }).toBe(1);
    // New ticks arrive after the notice, with no line repeated.
    await expect
      .poll(async () => page.locator('.log-line').evaluateAll((els) => els.map((e) => e.textContent ?? '')), { timeout: 15_000 })
      .toSatisfy((texts: string[]) => {
        const at = texts.findIndex((t) => /engine is back/.test(t));
        const ticks = texts.filter((t) => /^tick-\d+$/.test(t));
        return at >= 0 && texts.slice(at + 1).some((t) => /^tick-\d+$/.test(t)) && new Set(ticks).size === ticks.length;
      });
    await screenshot(page, 'logs-engine-back');
  });
});
