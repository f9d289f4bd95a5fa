// Collects the backend's live events so a test can wait for the one it expects.
import type { LiveEvent } from '../../electron/api/schemas';
import type { Backend } from '../../electron/backend';

export function collectLive(backend: Backend) {
  const abort = new AbortController();
  const seen: LiveEvent[] = [];
  const waiters = new Set<{ match: (e: LiveEvent) => boolean; resolve: (e: LiveEvent) => void }>();
  void (async () => {
    try {
      for await (const e of backend.registry.subscribe(abort.signal)) {
        seen.push(e);
        for (const w of waiters) if (w.match(e)) (waiters.delete(w), w.resolve(e));
      }
    } catch {
      /* aborted */
    }
  })();
  return {
    seen,
    waitFor(match: (e: LiveEvent) => boolean, timeoutMs = 10_000): Promise<LiveEvent> {
      const already = seen.find(match);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const w = { match, resolve };
        waiters.add(w);
        setTimeout(() => {
          if (waiters.delete(w)) reject(new Error(`no matching live event within ${timeoutMs} ms; saw ${seen.length}: ${JSON.stringify(seen.slice(-5))}`));
        }, timeoutMs);
      });
    },
    stop: () => abort.abort(),
  };
}
