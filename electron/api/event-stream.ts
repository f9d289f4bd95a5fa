// Turns a callback-driven long operation (pull, push, build) into an oRPC event iterator:
// what it emits is yielded in order, its result ends the stream, its failure is thrown to
// the client in words, and the client leaving (or cancelling) aborts the operation.
import { ORPCError } from '@orpc/server';
import { toRpcError } from '../engines/errors';
import { CancelledError, ProgressStreamError } from '../engines/progress';
import { ReferenceError } from '../engines/reference';

export async function* eventStream<T>(
  signal: AbortSignal | undefined,
  what: string,
  run: (emit: (value: T) => void, signal: AbortSignal) => Promise<T | undefined>,
): AsyncGenerator<T, void, unknown> {
  const abort = new AbortController();
  const onOuter = () => abort.abort();
  if (signal?.aborted) abort.abort();
  signal?.addEventListener('abort', onOuter);
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  let outcome: { ok: true; last: T | undefined } | { ok: false; error: unknown } | undefined;
  run(
    (v) => {
      queue.push(v);
      wake?.();
    },
    abort.signal,
  ).then(
    (last) => ((outcome = { ok: true, last }), wake?.()),
    (error: unknown) => ((outcome = { ok: false, error }), wake?.()),
  );
  try {
    while (true) {
      while (queue.length) yield queue.shift()!;
      if (outcome) break;
      await new Promise<void>((r) => (wake = r));
      wake = undefined;
    }
    if (!outcome.ok) throw asRpcError(outcome.error, what);
    if (outcome.last !== undefined) yield outcome.last;
  } finally {
    signal?.removeEventListener('abort', onOuter);
    abort.abort(); // the client went away: stop the engine's work too
  }
}

export function asRpcError(err: unknown, what: string): ORPCError<string, unknown> {
  if (err instanceof ORPCError) return err;
  if (err instanceof ProgressStreamError) return new ORPCError('UNPROCESSABLE_CONTENT', { message: `${what} failed: ${err.message}` });
  if (err instanceof CancelledError) return new ORPCError('CLIENT_CLOSED_REQUEST', { message: err.message });
  if (err instanceof ReferenceError) return new ORPCError('BAD_REQUEST', { message: err.message });
  if ((err as Error)?.name === 'AbortError') return new ORPCError('CLIENT_CLOSED_REQUEST', { message: `${what} was cancelled.` });
  return toRpcError(err, what);
}
