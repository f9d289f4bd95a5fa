// One subscription to the backend's live stream for the whole app; each event patches
// the TanStack Query cache in place. Features add their own handlers with onLiveEvent.
import { hashKey, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ContainerRow, EngineInfo, LiveEvent } from '../../../electron/api/schemas';
import { needsRelist, patchContainers, patchEngines } from './patch';
import { client, orpc } from './rpc';

export const enginesKey = () => orpc.engines.list.queryKey();
export const containersKey = () => orpc.containers.list.queryKey({ input: {} });

type LiveHandler = (ev: LiveEvent, queryClient: QueryClient) => void;
const handlers = new Set<LiveHandler>();

/** Registers what a feature does with live events (e.g. patch its own cached lists). */
export function onLiveEvent(handler: LiveHandler): () => void {
  handlers.add(handler);
  return () => handlers.delete(handler);
}

function applyCore(ev: LiveEvent, queryClient: QueryClient): void {
  const relist = needsRelist(queryClient.getQueryData<EngineInfo[]>(enginesKey()), ev);
  queryClient.setQueryData<EngineInfo[]>(enginesKey(), (old) => patchEngines(old, ev));
  queryClient.setQueryData<ContainerRow[]>(containersKey(), (old) => patchContainers(old, ev));
  // A (re)connected engine missed events while away: its lists are fetched once more.
  if (relist) {
    const engines = hashKey(enginesKey());
    void queryClient.invalidateQueries({ predicate: (q) => q.queryHash !== engines });
  }
}

export function useLiveUpdates(queryClient: QueryClient): void {
  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      while (!abort.signal.aborted) {
        try {
          const events = await client.live.events(undefined, { signal: abort.signal });
          for await (const ev of events) {
            applyCore(ev, queryClient);
            for (const h of handlers) h(ev, queryClient);
          }
        } catch {
          if (abort.signal.aborted) return;
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    })();
    return () => abort.abort();
  }, [queryClient]);
}
