// The merged logs of a pod's containers: each line tagged with its container, ordered by
// the engine's timestamps, sent in batches (one per flush interval, never one per line),
// with a bounded queue: a reader that falls behind loses the oldest lines, counted.
import { PassThrough } from 'node:stream';
import type { Engine } from './engine';
import { getPod } from './pods';

export interface LogLine {
  /** Milliseconds since the epoch, with sub-millisecond fraction from the engine's timestamp. */
  t: number;
  container: string;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface LogBatch {
  lines: LogLine[];
  /** Lines dropped since the last batch because the reader fell behind. */
  dropped: number;
  /** Containers whose logs are followed now. */
  containers?: string[];
}

const MAX_LINE = 16 * 1024;

/** "2026-11-23T19:53:26.123456789Z text" -> {t, text}; lines without a timestamp keep `fallback`. */
export function splitTimestamp(line: string, fallback: number): { t: number; text: string } {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d) ?/.exec(line);
  if (!m) return { t: fallback, text: line };
  const base = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(base)) return { t: fallback, text: line };
  const fraction = m[2] ? Number(`0${m[2]}`) * 1000 : 0;
  return { t: base + fraction, text: line.slice(m[0].length) };
}

/** Splits a byte stream into lines; keeps a partial last line for the next chunk; caps line length. */
export class LineSplitter {
  private rest = '';
  push(chunk: string): string[] {
    const parts = (this.rest + chunk).split('\n');
    this.rest = parts.pop() ?? '';
    if (this.rest.length > MAX_LINE) {
      parts.push(this.rest);
      this.rest = '';
    }
    return parts.map((p) => (p.endsWith('\r') ? p.slice(0, -1) : p)).map((p) => (p.length > MAX_LINE ? `${p.slice(0, MAX_LINE)}…` : p));
  }
  flush(): string[] {
    const last = this.rest;
    this.rest = '';
    return last ? [last] : [];
  }
}

/** Collects lines from many sources and hands them out in time order, bounded (pure; unit-tested). */
export class LogMerger {
  private pending: LogLine[] = [];
  private dropped = 0;
  constructor(private readonly maxQueue = 5_000) {}

  add(line: LogLine): void {
    this.pending.push(line);
    if (this.pending.length > this.maxQueue) {
      // Oldest first out, a tenth of the queue at a time (one sort per many lines, not per line).
      const over = this.pending.length - Math.floor(this.maxQueue * 0.9);
      this.pending.sort((a, b) => a.t - b.t);
      this.pending.splice(0, over);
      this.dropped += over;
    }
  }

  get size(): number {
    return this.pending.length;
  }

  take(): LogBatch | undefined {
    if (!this.pending.length && !this.dropped) return undefined;
    const lines = this.pending.sort((a, b) => a.t - b.t);
    const batch = { lines, dropped: this.dropped };
    this.pending = [];
    this.dropped = 0;
    return batch;
  }
}

export interface PodLogOptions {
  /** Lines of history per container ('all' for everything: a huge number makes Podman slow). */
  tail: number | 'all';
  signal: AbortSignal;
  flushMs?: number;
  maxQueue?: number;
  /** Calls back with a container id when a container of the pod starts (to follow it again). */
  watchStarts?: (podId: string, onStart: (containerId: string) => void) => void;
}

/** Follows the logs of every non-infra container of a pod, merged; ends when `signal` aborts. */
export async function* podLogs(engine: Engine, podRef: string, opts: PodLogOptions): AsyncGenerator<LogBatch> {
  const pod = await getPod(engine, podRef);
  if (!pod) throw Object.assign(new Error('no such pod'), { statusCode: 404, json: { message: `no pod with name or ID ${podRef} found` } });
  const merger = new LogMerger(opts.maxQueue);
  // Per container: the last line's time and how many lines carried it (engines may stamp whole
  // seconds), so a re-follow from an earlier second skips exactly what was already sent.
  const followed = new Map<string, { name: string; lastT: number; atLast: number; skip?: { t: number; n: number }; stream?: NodeJS.ReadableStream }>();
  let wake: (() => void) | undefined;
  const nudge = () => wake?.();

  const follow = async (id: string, name: string, since?: number) => {
    const known = followed.get(id) ?? { name, lastT: 0, atLast: 0 };
    followed.set(id, known);
    if (since !== undefined) known.skip = { t: known.lastT, n: known.atLast };
    (known.stream as (NodeJS.ReadableStream & { destroy?(): void }) | undefined)?.destroy?.();
    try {
      const container = engine.docker.getContainer(id);
      const tty = !!(await container.inspect()).Config?.Tty;
      const stream = (await container.logs({
        follow: true,
        stdout: true,
        stderr: true,
        timestamps: true,
        ...(since !== undefined ? { since } : { tail: opts.tail }),
        abortSignal: opts.signal,
      } as never)) as unknown as NodeJS.ReadableStream;
      known.stream = stream;
      const sink = (kind: 'stdout' | 'stderr') => {
        const splitter = new LineSplitter();
        const out = new PassThrough();
        const emit = (lines: string[]) => {
          for (const raw of lines) {
            const { t, text } = splitTimestamp(raw, Date.now());
            if (known.skip) {
              if (t < known.skip.t || (t === known.skip.t && known.skip.n-- > 0)) continue; // sent before the re-follow
              known.skip = undefined;
            }
            if (t === known.lastT) known.atLast++;
            else (known.lastT = t), (known.atLast = 1);
            merger.add({ t, container: name, stream: kind, text });
          }
          nudge();
        };
        out.on('data', (c: Buffer) => emit(splitter.push(c.toString('utf8'))));
        out.on('end', () => emit(splitter.flush()));
        return out;
      };
      if (tty) stream.pipe(sink('stdout'));
      else engine.docker.modem.demuxStream(stream, sink('stdout'), sink('stderr'));
      stream.on('error', () => undefined);
    } catch (err) {
      if (opts.signal.aborted) return;
      merger.add({ t: Date.now(), container: name, stream: 'stderr', text: `[berth] cannot read the logs of ${name}: ${(err as Error).message}` });
      nudge();
    }
  };

  const members = pod.containers.filter((c) => !c.infra);
  await Promise.all(members.map((c) => follow(c.id, c.name)));
  opts.watchStarts?.(pod.id, (containerId) => {
    if (opts.signal.aborted) return;
    void (async () => {
      const fresh = await getPod(engine, pod.id).catch(() => null);
      const c = fresh?.containers.find((x) => x.id === containerId || x.id.startsWith(containerId));
      if (!c || c.infra) return;
      // A container seen before is followed again from a second before its last line (the
      // engine's `since` has second precision; what was sent already is dropped). A new one
      // starts with its tail.
      const lastT = followed.get(c.id)?.lastT;
      await follow(c.id, c.name, lastT ? Math.floor(lastT / 1000) - 1 : undefined);
    })();
  });

  const flushMs = opts.flushMs ?? 100;
  const aborted = new Promise<void>((resolve) => opts.signal.addEventListener('abort', () => resolve(), { once: true }));
  let first = true;
  try {
    while (!opts.signal.aborted) {
      // Sleep until a line arrives, then give the others one flush interval to join the batch.
      await Promise.race([
        aborted,
        new Promise<void>((resolve) => {
          const idle = setTimeout(resolve, merger.size || first ? flushMs : 60_000);
          idle.unref?.();
          wake = () => {
            wake = undefined;
            clearTimeout(idle);
            setTimeout(resolve, flushMs).unref?.();
          };
        }),
      ]);
      wake = undefined;
      const batch = merger.take();
      if (batch || first) {
        yield { ...(batch ?? { lines: [], dropped: 0 }), ...(first ? { containers: members.map((c) => c.name) } : {}) };
        first = false;
      }
    }
  } finally {
    for (const f of followed.values()) (f.stream as (NodeJS.ReadableStream & { destroy?(): void }) | undefined)?.destroy?.();
  }
}
