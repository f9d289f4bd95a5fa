// Keeps the cached pod list current from the live stream: a pod event (Podman's own, or a
// member container's, which names its pod) refetches that one pod and patches its row.
// A burst of events for one pod costs at most two fetches.
import type { QueryClient } from '@tanstack/react-query';
import type { PodRow } from '../../../../electron/api/contracts/pods';
import { onLiveEvent } from '../../lib/live';
import { client, orpc } from '../../lib/rpc';
import { dropGoneEngines, patchPods } from './patchPods';

export const podsKey = () => orpc.pods.list.queryKey({ input: {} });

const inFlight = new Map<string, { dirty: boolean }>();

export function refreshPod(queryClient: QueryClient, engineId: string, id: string): void {
  const key = `${engineId}/${id}`;
  const pending = inFlight.get(key);
  if (pending) {
    pending.dirty = true;
    return;
  }
  const state = { dirty: false };
  inFlight.set(key, state);
  const run = async (attempt = 0): Promise<void> => {
    try {
      const row = await client.pods.get({ engineId, id });
      queryClient.setQueryData<PodRow[]>(podsKey(), (old) => patchPods(old, engineId, id, row));
    } catch {
      // Podman can refuse a listing while a pod changes state: try again shortly. An engine
      // that went away lists everything again when it reconnects.
      if (attempt < 3) {
        await new Promise((r) => setTimeout(r, 250 * (attempt + 1)));
        return run(attempt + 1);
      }
    }
    if (state.dirty) {
      state.dirty = false;
      return run();
    }
    inFlight.delete(key);
  };
  void run();
}

onLiveEvent((ev, queryClient) => {
  if (ev.kind === 'engine' || ev.kind === 'engine-removed') {
    queryClient.setQueryData<PodRow[]>(podsKey(), (old) => dropGoneEngines(old, ev));
    return;
  }
  if (ev.kind !== 'object' || ev.type !== 'pod') return;
  // Only a list someone looked at is kept current.
  if (!queryClient.getQueryData(podsKey())) return;
  refreshPod(queryClient, ev.engineId, ev.id);
});
