// Keeps a cached list of engine objects (images, volumes, networks) current from the live
// stream: each `object` event fetches only the one object it names and patches that row.
// Events for one object that arrive while its fetch runs coalesce into one more fetch.
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { LiveEvent } from '../../../electron/api/schemas';
import { onLiveEvent } from './live';
import { patchObject } from './object-patch';

export { patchObject };

type ObjectEvent = Extract<LiveEvent, { kind: 'object' }>;

export interface ObjectPatcher<T extends { engineId: string }> {
  type: ObjectEvent['type'];
  queryKey(): QueryKey;
  /** The object's current row, or null when it is gone. */
  fetch(engineId: string, id: string): Promise<T | null>;
  /** Whether a row is the object an event (or a fetched row) names. */
  same(row: T, id: string): boolean;
  idOf(row: T): string;
}

/** Patches one row in now (after an action Berth ran: engines without events stay right too). */
export function applyRow<T extends { engineId: string }>(qc: QueryClient, p: ObjectPatcher<T>, engineId: string, id: string, row: T | null): void {
  qc.setQueryData<T[]>(p.queryKey(), (old) => patchObject(old, p, engineId, id, row));
}

export function registerObjectPatcher<T extends { engineId: string }>(p: ObjectPatcher<T>): ObjectPatcher<T> {
  const running = new Map<string, { dirty: boolean }>();
  const refresh = (qc: QueryClient, engineId: string, id: string) => {
    const key = `${engineId}/${id}`;
    const state = running.get(key);
    if (state) {
      state.dirty = true;
      return;
    }
    const mine = { dirty: false };
    running.set(key, mine);
    const run = async (): Promise<void> => {
      try {
        const row = await p.fetch(engineId, id);
        qc.setQueryData<T[]>(p.queryKey(), (old) => patchObject(old, p, engineId, id, row));
      } catch {
        // the engine went away; its reconnect lists everything again
      }
      if (mine.dirty) {
        mine.dirty = false;
        return run();
      }
      running.delete(key);
    };
    void run();
  };
  onLiveEvent((ev, qc) => {
    if (ev.kind === 'engine-removed' || (ev.kind === 'engine' && ev.engine.state !== 'connected')) {
      const gone = ev.kind === 'engine' ? ev.engine.id : ev.engineId;
      qc.setQueryData<T[]>(p.queryKey(), (old) => (old?.some((r) => r.engineId === gone) ? old.filter((r) => r.engineId !== gone) : old));
      return;
    }
    if (ev.kind !== 'object' || ev.type !== p.type) return;
    if (qc.getQueryData(p.queryKey()) === undefined) return; // nobody lists these yet
    refresh(qc, ev.engineId, ev.id);
  });
  return p;
}
