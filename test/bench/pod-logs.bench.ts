// Issue 5's figures: the merged logs of a pod with two chatty containers (25,000 lines
// each, already written): how fast they arrive through podLogs, in how many batches,
// whether the merge keeps time order, and what the bounded queue costs in heap.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContainerInPod } from '../../electron/engines/libpod';
import type { Engine } from '../../electron/engines/engine';
import { podLogs } from '../../electron/engines/pod-logs';
import { createPod, getPod, podAction, removePod } from '../../electron/engines/pods';
import { BASE_IMAGE, uniqueName } from '../support/engines';
import { requireServices } from '../support/services';
import { median, type BenchResult } from './report';
import { createTestBackend } from '../support/backend';

export const name = 'pods: merged logs of two containers, 50,000 lines (issue 5)';

const LINES = 25_000;

export async function run(): Promise<BenchResult[]> {
  await requireServices('podman');
  const backend = await createTestBackend({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-')) });
  // Podman's /version runs dpkg-query: on a busy machine the first connect can time out.
  let engine = backend.registry.connectedEngines().find((e) => e.snapshot.kind === 'podman');
  for (let i = 0; i < 60 && !engine; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    engine = backend.registry.connectedEngines().find((e) => e.snapshot.kind === 'podman');
  }
  if (!engine) throw new Error('no Podman engine connected');
  const pod = uniqueName('bench-pod');
  try {
    await createPod(engine, { name: pod, ports: [], labels: { 'berth.bench': '1' } });
    for (const c of ['a', 'b']) {
      await createContainerInPod(engine, { pod, image: BASE_IMAGE, name: `${pod}-${c}`, command: ['/bin/sh', '-c', `seq 1 ${LINES} | sed 's/^/${c} /'; echo done; sleep 600`] });
    }
    await podAction(engine, pod, 'start');
    // Wait until both have written everything (their last line is "done").
    const deadline = Date.now() + 90_000;
    for (;;) {
      const logs = await Promise.all(['a', 'b'].map((c) => engine.docker.getContainer(`${pod}-${c}`).logs({ stdout: true, tail: 1 } as never)));
      if (logs.every((l) => String(l).includes('done'))) break;
      if (Date.now() > deadline) throw new Error('the containers did not finish writing in 90 s');
      await new Promise((r) => setTimeout(r, 500));
    }
    if (!(await getPod(engine, pod))) throw new Error('the pod disappeared');

    // The page's case: the last 200 lines of each container, then live.
    const ui = await readLogs(engine, pod, 200, 400);
    // A burst: all 50,002 lines at once, through the bounded queue (5,000 lines).
    const burst = await readLogs(engine, pod, 'all', 2 * (LINES + 1));
    return [
      { metric: 'tail 200 per container: ms to the first batch', value: ui.firstMs, unit: 'ms', goal: '<= 1000' },
      { metric: 'tail 200 per container: lines in the first batch', value: ui.sizes[0] ?? 0, unit: 'lines', goal: '>= 400' },
      { metric: 'burst: lines handled per second (received + dropped)', value: (burst.received + burst.dropped) / burst.seconds, unit: 'lines/s', goal: '>= 20000' },
      { metric: 'burst: batches', value: burst.sizes.length, unit: 'batches' },
      { metric: 'burst: lines per batch, median', value: median(burst.sizes.filter((x) => x > 0)), unit: 'lines', goal: '>= 100' },
      { metric: 'burst: lines dropped by the bounded queue (oldest first)', value: burst.dropped, unit: 'lines' },
      // Within a batch lines are sorted; a line that reaches Berth after a later one was sent shows here.
      { metric: 'lines arriving after a later line was sent (both runs)', value: ui.disorder + burst.disorder, unit: 'lines' },
      { metric: 'burst: peak heap growth while reading', value: burst.heapMB, unit: 'MB', goal: '<= 64' },
    ];
  } finally {
    await removePod(engine, pod, true).catch(() => undefined);
    backend.close();
  }
}

async function readLogs(engine: Engine, pod: string, tail: number | 'all', expected: number) {
  const abort = new AbortController();
  const limit = setTimeout(() => abort.abort(), 60_000);
  const heap0 = process.memoryUsage().heapUsed;
  let heapPeak = heap0;
  const sizes: number[] = [];
  let received = 0;
  let dropped = 0;
  let disorder = 0;
  let last = 0;
  let firstMs = NaN;
  const t0 = performance.now();
  for await (const batch of podLogs(engine, pod, { tail, signal: abort.signal })) {
    if (!batch.lines.length && !batch.dropped) continue;
    if (Number.isNaN(firstMs)) firstMs = performance.now() - t0;
    sizes.push(batch.lines.length);
    received += batch.lines.length;
    dropped += batch.dropped;
    for (const l of batch.lines) {
      if (l.t < last) disorder++;
      last = l.t;
    }
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    if (received + dropped >= expected) break;
  }
  const seconds = (performance.now() - t0) / 1000;
  clearTimeout(limit);
  abort.abort();
  return { sizes, received, dropped, disorder, firstMs, seconds, heapMB: (heapPeak - heap0) / 1e6 };
}
