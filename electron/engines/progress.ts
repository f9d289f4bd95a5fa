// Reads an engine's JSON progress stream (pull, push, build, import) into a per-layer
// picture with an overall fraction. The engine reports failures INSIDE the stream
// (HTTP 200 with {"errorDetail":…}), so an error line rejects here; nothing else would.
import { jsonLines } from './json-lines';

export interface LayerProgress {
  id: string;
  status: string;
  current?: number;
  total?: number;
  /** 0..1 for this layer: downloads count for the first half, extraction for the second. */
  fraction: number;
}

export interface ProgressState {
  layers: LayerProgress[];
  /** 0..1 over all layers seen so far. */
  fraction: number;
  /** The last status line that is not about one layer ("Pulling from…", "Digest: …"). */
  message?: string;
  digest?: string;
}

export interface ProgressLine {
  status?: string;
  id?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string; code?: number };
  stream?: string;
  aux?: { Digest?: string; Tag?: string; Size?: number; ID?: string };
}

export class ProgressStreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgressStreamError';
  }
}

export class CancelledError extends Error {
  constructor(what: string) {
    super(`${what} was cancelled.`);
    this.name = 'CancelledError';
  }
}

function layerFraction(status: string, current?: number, total?: number): number {
  const part = total && current !== undefined ? Math.min(1, current / total) : 0;
  if (/^(Pull complete|Already exists|Pushed|Layer already exists|Mounted from)/.test(status)) return 1;
  if (/^Downloading/.test(status)) return 0.5 * part;
  if (/^(Verifying Checksum|Download complete)/.test(status)) return 0.5;
  if (/^Extracting/.test(status)) return 0.5 + 0.5 * part;
  if (/^Pushing/.test(status)) return part;
  return 0;
}

/** Folds progress lines into state; pure, so it is unit-tested on recorded streams. */
export class ProgressTracker {
  private readonly layers = new Map<string, LayerProgress>();
  private message: string | undefined;
  private digest: string | undefined;

  /** Applies one line; throws ProgressStreamError for an error line. */
  apply(line: ProgressLine): void {
    if (line.error || line.errorDetail) throw new ProgressStreamError((line.errorDetail?.message ?? line.error ?? 'unknown error').trim());
    const digest = line.aux?.Digest ?? /(?:^|\s)digest: (sha256:[0-9a-f]{64})/i.exec(line.status ?? '')?.[1];
    if (digest) this.digest = digest;
    const status = line.status ?? '';
    // Layer ids are short hex; tags and image names in `id` are not layers.
    if (line.id && /^[0-9a-f]{12}$/.test(line.id) && status) {
      const { current, total } = line.progressDetail ?? {};
      const prev = this.layers.get(line.id);
      this.layers.set(line.id, {
        id: line.id,
        status,
        ...(current !== undefined ? { current } : {}),
        ...(total ? { total } : {}),
        // A layer never goes backwards (a late "Waiting" after "Pushing" keeps its share).
        fraction: Math.max(prev?.fraction ?? 0, layerFraction(status, current, total)),
      });
    } else if (status) {
      this.message = line.id ? `${line.id}: ${status}` : status;
    }
  }

  snapshot(): ProgressState {
    const layers = [...this.layers.values()];
    const fraction = layers.length ? layers.reduce((s, l) => s + l.fraction, 0) / layers.length : 0;
    return { layers, fraction, ...(this.message ? { message: this.message } : {}), ...(this.digest ? { digest: this.digest } : {}) };
  }
}

/**
 * Follows a progress stream to its end. Resolves with the final state; rejects with
 * ProgressStreamError for an error inside the stream, CancelledError when `signal` aborts
 * (the HTTP request is destroyed, which makes the engine stop the operation).
 */
export function followProgress(
  stream: NodeJS.ReadableStream,
  what: string,
  opts: { onProgress?: (s: ProgressState) => void; signal?: AbortSignal; throttleMs?: number } = {},
): Promise<ProgressState> {
  const tracker = new ProgressTracker();
  const throttle = opts.throttleMs ?? 100;
  let lastEmit = 0;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      if (err) {
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        reject(err);
      } else {
        const s = tracker.snapshot();
        opts.onProgress?.(s);
        resolve(s);
      }
    };
    const onAbort = () => finish(new CancelledError(what));
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort);
    const lines = jsonLines<ProgressLine>((line) => {
      if (settled) return;
      try {
        tracker.apply(line);
      } catch (err) {
        finish(err as Error);
      }
    });
    stream.on('data', (chunk: Buffer | string) => {
      lines.push(chunk);
      const now = Date.now();
      if (!settled && opts.onProgress && now - lastEmit >= throttle) {
        lastEmit = now;
        opts.onProgress(tracker.snapshot());
      }
    });
    stream.on('end', () => {
      lines.flush();
      finish();
    });
    stream.on('error', (err: Error) => finish(settled ? undefined : new ProgressStreamError(`${what} failed: the connection to the engine broke (${err.message}).`)));
  });
}
