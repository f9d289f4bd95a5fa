// A container's log, followed: the tail first, then new lines in batches (every ~50 ms,
// bounded), stdout and stderr told apart. When the engine goes away the stream says so,
// waits, and resumes where it stopped (from the last line's timestamp) once it is back;
// when the container stops it says so and resumes when it starts again.
import type Docker from 'dockerode';
import type { LiveEvent } from '../api/schemas';
import { engineMessage } from './errors';
import { Demuxer, LineQueue, LineSplitter, sinceParam, splitTimestamp, type LogLine, type StreamName } from './log-lines';
import type { EngineRegistry } from './registry';
import { watchStreamEnd } from './stream-end';

export type LogEvent =
  | { kind: 'lines'; lines: LogLine[]; dropped: number }
  | { kind: 'notice'; level: 'info' | 'warn'; text: string };

export interface LogOptions {
  /** Lines of history to start with ('all' or a count). */
  tail: number | 'all';
  /** Only lines after this time (unix seconds). */
  since?: number;
}

const BATCH_MS = 50;
const QUEUE_CAP = 5_000;

export async function* followLogs(
  registry: EngineRegistry,
  target: { engineId: string; id: string },
  opts: LogOptions,
  signal: AbortSignal,
): AsyncGenerator<LogEvent> {
  let lastNs: string | undefined;
  let first = true;
  while (!signal.aborted) {
    const engine = registry.get(target.engineId);
    const container = engine.docker.getContainer(target.id);
    const info = await container.inspect();
    const queue = new LineQueue(QUEUE_CAP);
    const resumeAfter = lastNs;
    const onLine = (s: StreamName) => (raw: string) => {
      const t = splitTimestamp(raw);
      if (t && resumeAfter !== undefined && t.key <= resumeAfter) return; // seen before the break
      if (t) lastNs = t.key;
      queue.push(t ? { s, ts: t.iso, text: t.text } : { s, text: raw });
    };
    const out = new LineSplitter(onLine('out'));
    const err = new LineSplitter(onLine('err'));
    const since = lastNs !== undefined ? sinceParam(lastNs) : opts.since;
    const stream = (await container.logs({
      follow: true,
      stdout: true,
      stderr: true,
      timestamps: true,
      tail: first ? opts.tail : 'all',
      ...(since !== undefined ? { since: since as unknown as number } : {}),
      abortSignal: signal,
    } as Docker.ContainerLogsOptions & { follow: true })) as NodeJS.ReadableStream & { destroy(): void };
    first = false;
    const demux = info.Config.Tty ? undefined : new Demuxer((s, payload) => (s === 'err' ? err : out).push(payload));
    let ended = false;
    let wake: (() => void) | undefined;
    const done = () => {
      ended = true;
      wake?.();
    };
    stream.on('data', (chunk: Buffer) => (demux ? demux.push(chunk) : out.push(chunk)));
    const release = watchStreamEnd(stream, signal, done);
    try {
      while (!ended) {
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, BATCH_MS);
        });
        if (queue.size || queue.dropped) yield { kind: 'lines', ...queue.take() };
      }
      out.flush();
      err.flush();
      if (queue.size || queue.dropped) yield { kind: 'lines', ...queue.take() };
    } finally {
      release();
    }
    if (signal.aborted) return;

    // The stream ended: the engine went away, or the container stopped or was removed.
    const why = await whyEnded(registry, target);
    if (why.kind === 'removed') {
      yield { kind: 'notice', level: 'info', text: 'The container was removed: its log ends here.' };
      return;
    }
    if (why.kind === 'engine-lost') {
      yield { kind: 'notice', level: 'warn', text: `Lost the engine: ${why.reason} Waiting for it to come back…` };
      await waitUntil(registry, signal, async () => (await whyEnded(registry, target)).kind !== 'engine-lost');
      if (signal.aborted) return;
      yield { kind: 'notice', level: 'info', text: 'The engine is back: the log resumes.' };
    } else if (why.kind === 'stopped') {
      yield { kind: 'notice', level: 'info', text: `The container stopped (${why.status}). The log resumes if it starts again.` };
      await waitUntil(
        registry,
        signal,
        async () => (await whyEnded(registry, target)).kind === 'running',
        (e) => e.kind === 'engine' || (e.kind === 'container' && e.engineId === target.engineId),
      );
      if (signal.aborted) return;
      yield { kind: 'notice', level: 'info', text: 'The container started again.' };
    }
  }
}

type Ended = { kind: 'removed' } | { kind: 'engine-lost'; reason: string } | { kind: 'stopped'; status: string } | { kind: 'running' };

async function whyEnded(registry: EngineRegistry, target: { engineId: string; id: string }): Promise<Ended> {
  let engine;
  try {
    engine = registry.get(target.engineId);
  } catch (err) {
    return { kind: 'engine-lost', reason: (err as Error).message };
  }
  try {
    const info = await engine.docker.getContainer(target.id).inspect();
    if (info.State.Running) return { kind: 'running' };
    return { kind: 'stopped', status: `exit code ${info.State.ExitCode}` };
  } catch (err) {
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 404) return { kind: 'removed' };
    if (status === undefined) return { kind: 'engine-lost', reason: `${engineMessage(err)}.` };
    return { kind: 'stopped', status: engineMessage(err) };
  }
}

/**
 * Resolves once `check` holds, testing it on each matching live event (engine state,
 * the container's events) and, as a safety net while waiting, every 2 s.
 */
export async function waitUntil(
  registry: EngineRegistry,
  signal: AbortSignal,
  check: () => Promise<boolean>,
  match: (e: LiveEvent) => boolean = (e) => e.kind === 'engine',
): Promise<void> {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal.addEventListener('abort', onAbort);
  let wake: (() => void) | undefined;
  void (async () => {
    for await (const e of registry.subscribe(stop.signal)) if (match(e)) wake?.();
  })().catch(() => undefined);
  try {
    while (!signal.aborted) {
      if (await check()) return;
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, 2_000);
      });
    }
  } finally {
    stop.abort();
    signal.removeEventListener('abort', onAbort);
  }
}
