// A queue between callbacks and an async generator: progress callbacks push, the RPC's
// event iterator drains. Unbounded on purpose: producers here are throttled (100 ms).
export function channel<T>() {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  let closed = false;
  return {
    push(v: T) {
      queue.push(v);
      wake?.();
    },
    close() {
      closed = true;
      wake?.();
    },
    async *drain(): AsyncGenerator<T> {
      for (;;) {
        while (queue.length) yield queue.shift()!;
        if (closed) return;
        await new Promise<void>((r) => (wake = r));
        wake = undefined;
      }
    },
  };
}

/**
 * Runs `work` with a progress callback and yields what it reports, then its result
 * (via `last`). A failure of `work` is thrown to the consumer after the reports before it.
 */
export async function* withProgress<P, R>(work: (report: (p: P) => void) => Promise<R>, last: (r: R) => P): AsyncGenerator<P> {
  const ch = channel<P>();
  let failure: { err: unknown } | undefined;
  const done = work((p) => ch.push(p))
    .then((r) => ch.push(last(r)))
    .catch((err) => void (failure = { err }))
    .finally(() => ch.close());
  yield* ch.drain();
  await done;
  if (failure) throw failure.err;
}
