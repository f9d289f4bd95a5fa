// Issue 2's figures, with 1,000 containers on dockerd:
// - containers.list through the browser transport (berth serve's WebSocket, oRPC) vs a
//   raw GET /containers/json on the engine's socket: the ratio of medians, interleaved.
// - an engine event → the row updated in Chromium: p50/p95 from the event's own time
//   (the engine's timeNano) to the DOM mutation that shows it.
import http from 'node:http';
import { createORPCClient } from '@orpc/client';
import { RPCLink } from '@orpc/client/websocket';
import type { ContractRouterClient } from '@orpc/contract';
import WebSocket from 'ws';
import type { Contract } from '../../electron/api/contract';
import { launchChromium, openApp, startApp } from '../support/app';
import { BASE_IMAGE, engineClients } from '../support/engines';
import { DOCKER_SOCKET, requireServices } from '../support/services';
import { median, percentile, type BenchResult } from './report';

export const name = 'containers: list and live rows with 1,000 containers (issue 2)';

const COUNT = 1000;
const LABEL = 'berth.bench';
const ROUNDS = 30;
const EVENTS = 40;

function rawList(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    http
      .get({ socketPath: DOCKER_SOCKET, path: '/containers/json?all=1' }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          JSON.parse(Buffer.concat(chunks).toString('utf8'));
          resolve(performance.now() - t0);
        });
      })
      .on('error', reject);
  });
}

async function ensureContainers(): Promise<void> {
  const { docker } = engineClients();
  const have = await docker.listContainers({ all: true, filters: JSON.stringify({ label: [LABEL] }) });
  const missing = COUNT - have.length;
  let next = 0;
  const worker = async () => {
    while (next < missing) {
      next++;
      await docker.createContainer({ Image: BASE_IMAGE, Cmd: ['sleep', '600'], Labels: { [LABEL]: '1' } });
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

async function removeContainers(): Promise<void> {
  const { docker } = engineClients();
  const list = await docker.listContainers({ all: true, filters: JSON.stringify({ label: [LABEL] }) });
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const c = list[next++]!;
      await docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

export async function run(): Promise<BenchResult[]> {
  await requireServices('docker', 'chromium');
  await ensureContainers();
  const app = await startApp();
  const browser = await launchChromium();
  try {
    const dockerId = app.backend.registry.list().find((e) => e.kind === 'docker')!.id;
    // The browser transport, spoken from Node exactly as the page speaks it.
    const ws = new WebSocket(`ws://127.0.0.1:${app.serving.port}/rpc`, {
      headers: { origin: app.serving.origin, cookie: `berth_token=${app.serving.token}` },
    });
    await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
    const client: ContractRouterClient<Contract> = createORPCClient(new RPCLink({ websocket: ws as never }));
    const berthList = async () => {
      const t0 = performance.now();
      const rows = await client.containers.list({ engineId: dockerId });
      if (rows.length < COUNT) throw new Error(`listed ${rows.length} containers, expected ≥ ${COUNT}`);
      return performance.now() - t0;
    };
    for (let i = 0; i < 5; i++) (await berthList(), await rawList()); // warm both paths
    const berth: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      raw.push(await rawList());
      berth.push(await berthList());
    }
    ws.close();

    // Live rows: rename one container again and again; the page's search keeps its row in view.
    const { docker } = engineClients();
    const probe = await docker.createContainer({ Image: BASE_IMAGE, Cmd: ['sleep', '600'], Labels: { [LABEL]: '1' }, name: 'bench-live-0' });
    const page = await openApp(browser, app);
    await page.getByRole('searchbox', { name: 'Search containers' }).fill('bench-live-');
    await page.getByText('bench-live-0', { exact: true }).waitFor();
    const events = await docker.getEvents({ filters: JSON.stringify({ type: ['container'], event: ['rename'] }) });
    const eventTimes = new Map<string, number>();
    let buf = '';
    events.on('data', (c: Buffer) => {
      buf += c.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const e = JSON.parse(buf.slice(0, nl)) as { timeNano: number; Actor: { Attributes: { name: string } } };
        buf = buf.slice(nl + 1);
        eventTimes.set(e.Actor.Attributes.name, e.timeNano / 1e6);
      }
    });
    const latencies: number[] = [];
    for (let i = 1; i <= EVENTS; i++) {
      const newName = `bench-live-${i}`;
      // A string, not a function: tsx's name helpers do not exist in the page.
      const seen = page.evaluate(`new Promise((resolve) => {
        const found = () => [...document.querySelectorAll('[data-col="name"]')].some((el) => el.textContent === ${JSON.stringify(newName)});
        const obs = new MutationObserver(() => { if (found()) { obs.disconnect(); resolve(Date.now()); } });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
      })`) as Promise<number>;
      seen.catch(() => undefined);
      await new Promise((r) => setTimeout(r, 20)); // the observer is armed
      await probe.rename({ name: newName });
      const shownAt = await seen;
      for (let k = 0; k < 50 && !eventTimes.has(newName); k++) await new Promise((r) => setTimeout(r, 10));
      latencies.push(shownAt - eventTimes.get(newName)!);
    }
    (events as unknown as { destroy(): void }).destroy();
    await page.close();
    const ratio = median(berth) / median(raw);
    return [
      { metric: `raw GET /containers/json, ${COUNT} containers (median)`, value: median(raw), unit: 'ms' },
      { metric: 'containers.list via berth serve WebSocket (median)', value: median(berth), unit: 'ms' },
      { metric: 'containers.list ratio Berth / raw', value: ratio, unit: '×', goal: '<= 1.15' },
      { metric: 'engine event → row updated in Chromium (p50)', value: percentile(latencies, 50), unit: 'ms' },
      { metric: 'engine event → row updated in Chromium (p95)', value: percentile(latencies, 95), unit: 'ms', goal: '<= 100' },
    ];
  } finally {
    await browser.close();
    await app.close();
    await removeContainers();
  }
}
