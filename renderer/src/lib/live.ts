// One subscription to the backend's live stream for the whole app; each event patches
// the TanStack Query cache in place.
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ContainerRow, EngineInfo } from '../../../electron/api/schemas';
import { needsRelist, patchContainers, patchEngines } from './patch';
import { client, orpc } from './rpc';

export const enginesKey = () => orpc.engines.list.queryKey();
export const containersKey = () => orpc.containers.list.queryKey({ input: {} });

export function useLiveUpdates(queryClient: QueryClient): void {
  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      while (!abort.signal.aborted) {
        try {
          const events = await client.live.events(undefined, { signal: abort.signal });
          for await (const ev of events) {
            const engines = queryClient.getQueryData<EngineInfo[]>(enginesKey());
            const relist = needsRelist(engines, ev);
            queryClient.setQueryData<EngineInfo[]>(enginesKey(), (old) => patchEngines(old, ev));
            queryClient.setQueryData<ContainerRow[]>(containersKey(), (old) => patchContainers(old, ev));
            if (relist) void queryClient.invalidateQueries({ queryKey: containersKey() });
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
