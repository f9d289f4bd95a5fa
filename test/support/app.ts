// Berth as a user meets it: the backend, `berth serve` over it, and a real Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Backend } from '../../electron/backend';
import { serve, type Serving } from '../../electron/serve/server';
import { CHROMIUM } from './services';
import { createTestBackend } from './backend';

export const STATIC_DIR = path.resolve(import.meta.dirname, '../../out/renderer');
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

export interface App {
  backend: Backend;
  serving: Serving;
  dataDir: string;
  close(): Promise<void>;
}

export async function startApp(opts: { dataDir?: string; env?: Record<string, string | undefined> } = {}): Promise<App> {
  if (!fs.existsSync(path.join(STATIC_DIR, 'index.html'))) throw new Error('The renderer is not built: run "npm run build" before the e2e tests.');
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'berth-e2e-'));
  const backend = await createTestBackend({ dataDir, env: opts.env ?? process.env });
  const serving = await serve({ backend, staticDir: STATIC_DIR });
  return {
    backend,
    serving,
    dataDir,
    close: async () => {
      await serving.close();
      backend.close();
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function openApp(browser: Browser, app: App, viewport = { width: 1360, height: 820 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (err) => console.error('page error:', err));
  await page.goto(app.serving.url);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
