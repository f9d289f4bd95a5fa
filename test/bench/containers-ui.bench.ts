// Issue 3's figures, in Chromium against `berth serve` over real engines:
// 1. The Containers table with 10,000 rows: frame times while scrolling at a wheel's and a
//    flick's speed. The page, its transport and its rows are real; only the containers.list
//    reply is widened on its way through the WebSocket (Playwright's routeWebSocket): the real rows of 20 real containers
//    are cloned (fresh ids and names) to 10,000. Nothing test-only is in the product.
// 2. A container writing as fast as it can (`yes`): the Logs tab's frame times over 60 s and
//    the page's JS heap at 5 s, 30 s and 60 s (it should stay flat: the view keeps at most
//    50,000 lines); the rate `yes` produced (its log file growth) and the rate one more
//    log stream delivered through Berth for 5 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRouterClient } from '@orpc/server';
import type { Page } from 'playwright-core';
import { router } from '../../electron/api/router';
import { launchChromium, startApp } from '../support/app';
import { BASE_IMAGE, engineClients } from '../support/engines';
import { requireServices } from '../support/services';
import { percentile, type BenchResult } from './report';

export const name = 'containers UI: 10,000-row table scroll, log view under a flood (issue 3)';

const LABEL = 'berth.bench.ui';
const ROWS = 10_000;
const FLOOD_SECONDS = Number(process.env.BERTH_BENCH_FLOOD_SECONDS ?? 60);

/** Records requestAnimationFrame intervals in the page until `stop` is called. */
const FRAME_PROBE = `(() => {
  const w = window; w.__frames = []; w.__frameRun = true;
  let last = performance.now();
  const tick = (t) => { w.__frames.push(t - last); last = t; if (w.__frameRun) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
const frames = async (page: Page) => (await page.evaluate('(window.__frameRun = false, window.__frames.slice(1))')) as number[];

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

export async function run(): Promise<BenchResult[]> {
  await requireServices('docker', 'chromium');
  const { docker } = engineClients();
  const made: string[] = [];
  const app = await startApp({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-')) });
  const browser = await launchChromium();
  try {
    for (let i = 0; i < 20; i++) {
      const c = await docker.createContainer({ Image: BASE_IMAGE, Cmd: ['sleep', '600'], Labels: { [LABEL]: '1' } });
      made.push(c.id);
    }
    // ---- 1. table scroll
    const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
    const listIds = new Set<string>();
    let liveEvents = 0;
    await page.routeWebSocket(/\/rpc$/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => {
        const msg = JSON.parse(String(m)) as { i: string; p?: { u?: string } };
        if (msg.p?.u === '/containers/list') listIds.add(msg.i);
        server.send(m);
      });
      server.onMessage((m) => {
        const msg = JSON.parse(String(m)) as { i: string; t?: number; p?: { b?: { json?: Record<string, unknown>[] } } };
        if (msg.t === 3) liveEvents++;
        const rows = msg.p?.b?.json;
        if (listIds.has(msg.i) && Array.isArray(rows) && rows.length) {
          const wide = Array.from({ length: ROWS }, (_, k) => {
            const r = rows[k % rows.length]!;
            return k < rows.length ? r : { ...r, id: `${String(r.id).slice(0, 56)}${k.toString(16).padStart(8, '0')}`, name: `${String(r.name)}-${k}` };
          });
          msg.p!.b!.json = wide;
          ws.send(JSON.stringify(msg));
          return;
        }
        ws.send(m);
      });
    });
    await page.goto(app.serving.url);
    const table = page.locator('[role="table"][aria-label="Containers"]');
    for (let i = 0; i < 150 && Number(await table.getAttribute('aria-rowcount').catch(() => 0)) < ROWS; i++) await page.waitForTimeout(200);
    // Two speeds: a wheel (120 px per frame, three rows) and a flick (800 px, 20 rows), 150 frames
    // down and back up each, starting from the top. A string, not a function: tsx's name helpers
    // do not exist in the page.
    const scroll = async (px: number) => {
      await page.evaluate(FRAME_PROBE);
      const t = Date.now();
      await page.evaluate(`new Promise((resolve) => {
        const el = document.querySelector('[data-testid="table-scroller"]');
        el.scrollTop = 0;
        let dir = 1;
        let n = 0;
        const step = () => {
          el.scrollTop += ${px} * dir;
          if (++n === 150) dir = -1;
          if (dir === -1 && el.scrollTop <= 0) return resolve();
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      })`);
      return { ms: Date.now() - t, frames: await frames(page) };
    };
    const eventsBefore = liveEvents;
    const wheel = await scroll(120);
    const flick = await scroll(800);
    const eventsDuring = liveEvents - eventsBefore;
    const rowCount = Number(await table.getAttribute('aria-rowcount'));
    await page.close();

    // ---- 2. log flood
    const flood = await docker.createContainer({
      Image: BASE_IMAGE,
      Cmd: ['yes', 'berth log flood line'],
      Labels: { [LABEL]: '1' },
      HostConfig: { LogConfig: { Type: 'json-file', Config: { 'max-size': '100m', 'max-file': '1' } } },
    });
    made.push(flood.id);
    await flood.start();
    await new Promise((r) => setTimeout(r, 500));
    // What `yes` produced: the growth of its json-file log over 1 s, in lines (bytes / mean line size).
    const logPath = (await flood.inspect()).LogPath;
    const size0 = fs.statSync(logPath).size;
    const at0 = Date.now();
    await new Promise((r) => setTimeout(r, 1_000));
    const size1 = fs.statSync(logPath).size;
    const tailBytes = Buffer.alloc(65_536);
    const fd = fs.openSync(logPath, 'r');
    const got = fs.readSync(fd, tailBytes, 0, tailBytes.length, Math.max(0, size1 - tailBytes.length));
    fs.closeSync(fd);
    const perLine = got / Math.max(1, tailBytes.subarray(0, got).toString().split('\n').length - 1);
    const produced = size1 >= size0 ? (size1 - size0) / perLine / ((Date.now() - at0) / 1000) : NaN; // NaN: the file rotated meanwhile
    const dockerId = app.backend.registry.list().find((e) => e.kind === 'docker')!.id;
    const logPage = await browser.newPage({ viewport: { width: 1360, height: 820 } });
    await logPage.goto(app.serving.url);
    await logPage.goto(`${app.serving.origin}/#containers/${dockerId}/${flood.id}/logs`);
    await logPage.locator('[data-testid="log-view"][data-lines="50000"]').waitFor({ timeout: 30_000 });
    const t0 = Date.now();
    await logPage.evaluate(FRAME_PROBE);
    // The engine's own rate, read by a second reader for 5 s (lines received + lines the batcher dropped).
    const rpc = createRouterClient(router, { context: app.backend.context });
    const probe = await rpc.containerDetail.logs({ engineId: dockerId, id: flood.id, tail: 0 });
    let counted = 0;
    const probeStart = Date.now();
    while (Date.now() - probeStart < 5_000) {
      const n = await probe.next();
      if (n.done) break;
      if (n.value.kind === 'lines') counted += n.value.lines.length + n.value.dropped;
    }
    await probe.return?.();
    const rate = counted / ((Date.now() - probeStart) / 1000);
    const heaps: number[] = [];
    for (const at of [5, 30, FLOOD_SECONDS]) {
      const wait = t0 + at * 1000 - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      heaps.push(await heapMb(logPage));
    }
    const logFrames = await frames(logPage);
    const kept = Number(await logPage.getByTestId('log-view').getAttribute('data-lines'));
    await logPage.close();

    return [
      { metric: 'machine load average (1 min) at the end: 2 cores, shared', value: os.loadavg()[0]!, unit: '' },
      { metric: `table rows rendered from (aria-rowcount)`, value: rowCount, unit: 'rows' },
      { metric: `table wheel scroll, 120 px/frame (${(wheel.ms / 1000).toFixed(1)} s): frame p50`, value: percentile(wheel.frames, 50), unit: 'ms' },
      { metric: 'table wheel scroll: frame p95', value: percentile(wheel.frames, 95), unit: 'ms', goal: '<= 16.7' },
      { metric: `table flick scroll, 800 px/frame (${(flick.ms / 1000).toFixed(1)} s): frame p50`, value: percentile(flick.frames, 50), unit: 'ms' },
      { metric: 'table flick scroll: frame p95', value: percentile(flick.frames, 95), unit: 'ms', goal: '<= 16.7' },
      { metric: 'table scroll: worst frame (both)', value: Math.max(...wheel.frames, ...flick.frames), unit: 'ms' },
      { metric: 'table scroll: live events that reached the page meanwhile', value: eventsDuring, unit: 'events' },
      { metric: 'flood: lines/s `yes` wrote to its log (1 s sample)', value: produced, unit: 'lines/s', goal: '>= 100000' },
      { metric: 'flood: lines/s a log stream delivered (5 s sample)', value: rate, unit: 'lines/s' },
      { metric: `flood: log view frame p50 over ${FLOOD_SECONDS} s`, value: percentile(logFrames, 50), unit: 'ms' },
      { metric: 'flood: log view frame p95', value: percentile(logFrames, 95), unit: 'ms', goal: '<= 50' },
      { metric: 'flood: log view worst frame', value: Math.max(...logFrames), unit: 'ms' },
      { metric: 'flood: lines kept by the view', value: kept, unit: 'lines' },
      { metric: 'flood: page JS heap after 5 s', value: heaps[0]!, unit: 'MB' },
      { metric: 'flood: page JS heap after 30 s', value: heaps[1]!, unit: 'MB' },
      { metric: `flood: page JS heap after ${FLOOD_SECONDS} s`, value: heaps[2]!, unit: 'MB' },
      { metric: 'flood: heap growth 5 s → 60 s', value: heaps[2]! / heaps[0]!, unit: '×', goal: '<= 1.2' },
    ];
  } finally {
    await browser.close();
    await app.close();
    await Promise.all(made.map((id) => docker.getContainer(id).remove({ force: true }).catch(() => undefined)));
  }
}
