// Issue 6's figures: what the events log adds on top of the engine.
// - Berth's engines.events stream vs a raw GET /events on dockerd's socket, subscribed
//   together: for each event seen by both, the extra delay of Berth's path (p50/p95), and
//   both delays from the engine's own timestamp.
// - Replaying the full ring (5,000 events) to a page that opens the Events log later.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRouterClient } from '@orpc/server';
import { router } from '../../electron/api/router';
import type { RawEngineEvent } from '../../electron/engines/engine';
import { EVENT_LOG_CAPACITY, EventLog } from '../../electron/engines/event-log';
import { jsonLines } from '../../electron/engines/json-lines';
import { BASE_IMAGE, engineClients, RUN_ID, TEST_LABEL } from '../support/engines';
import { requireServices } from '../support/services';
import { median, percentile, type BenchResult } from './report';
import { createTestBackend } from '../support/backend';

export const name = 'events: Berth events stream vs raw /events, and ring replay (issue 6)';

const ROUNDS = 15;
const key = (e: { actorId: string; action: string; time: number }) => `${e.actorId}/${e.action}/${e.time}`;

export async function run(): Promise<BenchResult[]> {
  await requireServices('docker');
  const { docker } = engineClients();
  const backend = await createTestBackend({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-')) });
  const client = createRouterClient(router, { context: backend.context });
  const engine = (await client.engines.list()).find((e) => e.kind === 'docker' && e.state === 'connected');
  if (!engine) throw new Error('dockerd is not connected');
  const abort = new AbortController();
  const rawSeen = new Map<string, number>();
  const berthSeen = new Map<string, number>();
  const delays = { raw: [] as number[], berth: [] as number[] };

  const raw = (await docker.getEvents({ filters: JSON.stringify({ label: [`${TEST_LABEL}=${RUN_ID}-bench`] }) })) as NodeJS.ReadableStream & { destroy(): void };
  const lines = jsonLines<RawEngineEvent>((ev) => {
    const time = Math.floor((ev.timeNano ?? 0) / 1e6);
    rawSeen.set(key({ actorId: ev.Actor?.ID ?? '', action: ev.Action ?? '', time }), performance.timeOrigin + performance.now());
    delays.raw.push(Date.now() - time);
  });
  raw.on('data', (c: Buffer) => lines.push(c));
  const berth = (async () => {
    for await (const ev of await client.engines.events({ engineId: engine.id }, { signal: abort.signal })) {
      if (ev.attributes[TEST_LABEL] !== `${RUN_ID}-bench`) continue;
      berthSeen.set(key(ev), performance.timeOrigin + performance.now());
      delays.berth.push(Date.now() - ev.time);
    }
  })().catch(() => undefined);

  try {
    for (let i = 0; i < ROUNDS; i++) {
      const c = await docker.createContainer({ Image: BASE_IMAGE, Cmd: ['sleep', '600'], Labels: { [TEST_LABEL]: `${RUN_ID}-bench` } });
      await c.start();
      await c.kill();
      await c.remove({ force: true });
    }
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    abort.abort();
    raw.destroy();
    await berth;
    backend.close();
  }
  const extra: number[] = [];
  for (const [k, t] of berthSeen) {
    const r = rawSeen.get(k);
    if (r !== undefined) extra.push(t - r);
  }
  if (extra.length < ROUNDS * 3) throw new Error(`only ${extra.length} events were seen by both paths`);

  // A page opening the Events log late: the whole ring replayed to a new subscriber.
  const log = new EventLog();
  for (let i = 0; i < EVENT_LOG_CAPACITY + 500; i++) log.record('e', { Type: 'container', Action: 'start', Actor: { ID: `c${i}`, Attributes: { name: `n${i}` } }, time: i });
  const replays: number[] = [];
  for (let r = 0; r < 10; r++) {
    const stop = new AbortController();
    const t0 = performance.now();
    let n = 0;
    const it = log.subscribe(undefined, stop.signal);
    while (n < EVENT_LOG_CAPACITY) (await it.next(), n++);
    replays.push(performance.now() - t0);
    stop.abort();
  }

  return [
    { metric: `events matched on both paths`, value: extra.length, unit: 'events' },
    { metric: 'raw /events: engine timestamp → received, p50', value: median(delays.raw), unit: 'ms' },
    { metric: 'Berth engines.events: engine timestamp → received, p50', value: median(delays.berth), unit: 'ms' },
    { metric: "Berth's extra delay over raw /events, p50", value: median(extra), unit: 'ms', goal: '<= 5' },
    { metric: "Berth's extra delay over raw /events, p95", value: percentile(extra, 95), unit: 'ms', goal: '<= 20' },
    { metric: `replay of the full ring (${EVENT_LOG_CAPACITY} events) to a new subscriber, median`, value: median(replays), unit: 'ms', goal: '<= 50' },
  ];
}
