// The end of an engine stream, however it comes: the engine ends or breaks it, or the
// reader aborts (which destroys it, so the engine stops sending). Shared by logs and stats.

type EngineStream = NodeJS.ReadableStream & { destroy(): void };

/** Calls `done` when the stream ends, breaks or `signal` aborts; returns the release for a finally. */
export function watchStreamEnd(stream: EngineStream, signal: AbortSignal, done: () => void): () => void {
  stream.on('end', done);
  stream.on('close', done);
  stream.on('error', done);
  const onAbort = () => (stream.destroy(), done());
  signal.addEventListener('abort', onAbort);
  return () => {
    signal.removeEventListener('abort', onAbort);
    stream.destroy();
  };
}
