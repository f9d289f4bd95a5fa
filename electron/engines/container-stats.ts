// Live resource figures of one container from the engine's stats stream (one JSON
// document per second), reduced to what the Stats tab charts. The stream is destroyed
// as soon as the reader stops listening.
import { LineSplitter } from './log-lines';
import type { EngineRegistry } from './registry';
import { watchStreamEnd } from './stream-end';

export interface StatsSample {
  /** ms since epoch, from the engine's `read` time. */
  time: number;
  cpuPercent: number;
  memUsage: number;
  memLimit: number;
  netRx: number;
  netTx: number;
  blkRead: number;
  blkWrite: number;
  pids: number;
}

interface RawStats {
  read?: string;
  cpu_stats?: { cpu_usage?: { total_usage?: number; percpu_usage?: number[] }; system_cpu_usage?: number; online_cpus?: number };
  precpu_stats?: { cpu_usage?: { total_usage?: number }; system_cpu_usage?: number };
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: { op?: string; value?: number }[] | null };
  pids_stats?: { current?: number };
}

/** The figures `docker stats` shows, computed the way it computes them. */
export function toSample(s: RawStats, now = Date.now()): StatsSample {
  const cpu = s.cpu_stats ?? {};
  const pre = s.precpu_stats ?? {};
  const cpuDelta = (cpu.cpu_usage?.total_usage ?? 0) - (pre.cpu_usage?.total_usage ?? 0);
  const sysDelta = (cpu.system_cpu_usage ?? 0) - (pre.system_cpu_usage ?? 0);
  const cpus = cpu.online_cpus || cpu.cpu_usage?.percpu_usage?.length || 1;
  const cpuPercent = cpuDelta > 0 && sysDelta > 0 ? (cpuDelta / sysDelta) * cpus * 100 : 0;
  const mem = s.memory_stats ?? {};
  // Page cache is not the container's own memory (docker stats subtracts it too).
  const cache = mem.stats?.inactive_file ?? mem.stats?.total_inactive_file ?? 0;
  const memUsage = Math.max(0, (mem.usage ?? 0) - (cache < (mem.usage ?? 0) ? cache : 0));
  let netRx = 0;
  let netTx = 0;
  for (const n of Object.values(s.networks ?? {})) {
    netRx += n.rx_bytes ?? 0;
    netTx += n.tx_bytes ?? 0;
  }
  let blkRead = 0;
  let blkWrite = 0;
  for (const e of s.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = (e.op ?? '').toLowerCase();
    if (op === 'read') blkRead += e.value ?? 0;
    else if (op === 'write') blkWrite += e.value ?? 0;
  }
  const read = s.read ? Date.parse(s.read) : NaN;
  return {
    time: Number.isNaN(read) || read < 0 ? now : read,
    cpuPercent,
    memUsage,
    memLimit: mem.limit ?? 0,
    netRx,
    netTx,
    blkRead,
    blkWrite,
    pids: s.pids_stats?.current ?? 0,
  };
}

export async function* streamStats(registry: EngineRegistry, target: { engineId: string; id: string }, signal: AbortSignal): AsyncGenerator<StatsSample> {
  const engine = registry.get(target.engineId);
  const stream = (await engine.docker.getContainer(target.id).stats({ stream: true, abortSignal: signal } as { stream: true })) as NodeJS.ReadableStream & {
    destroy(): void;
  };
  const queue: StatsSample[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  const lines = new LineSplitter((line) => {
    if (!line.trim()) return;
    try {
      queue.push(toSample(JSON.parse(line) as RawStats));
      if (queue.length > 10) queue.shift();
    } catch {
      // not a stats document; the stream goes on
    }
    wake?.();
  });
  stream.on('data', (chunk: Buffer) => lines.push(chunk));
  const done = () => ((ended = true), wake?.());
  const release = watchStreamEnd(stream, signal, done);
  try {
    while (!ended || queue.length) {
      if (!queue.length) await new Promise<void>((r) => (wake = r));
      while (queue.length) yield queue.shift()!;
    }
  } finally {
    release();
  }
}
