// Applies one live event to the cached lists: the row it concerns is replaced, added or
// dropped; nothing is re-listed. Pure, so it is unit-tested without a browser.
import type { ContainerRow, EngineInfo, LiveEvent } from '../../../electron/api/schemas';

export const rowKey = (r: { engineId: string; id: string }) => `${r.engineId}/${r.id}`;

export function patchContainers(rows: ContainerRow[] | undefined, ev: LiveEvent): ContainerRow[] | undefined {
  if (!rows) return rows;
  if (ev.kind === 'engine-removed') return rows.filter((r) => r.engineId !== ev.engineId);
  if (ev.kind === 'engine') {
    // Rows of an engine that went away are no longer true: drop them until it returns.
    return ev.engine.state === 'connected' ? rows : dropEngine(rows, ev.engine.id);
  }
  if (ev.kind !== 'container') return rows;
  const i = rows.findIndex((r) => r.engineId === ev.engineId && (r.id === ev.id || r.id.startsWith(ev.id)));
  if (ev.row === null) return i < 0 ? rows : [...rows.slice(0, i), ...rows.slice(i + 1)];
  if (i < 0) return [ev.row, ...rows];
  const next = rows.slice();
  next[i] = ev.row;
  return next;
}

function dropEngine(rows: ContainerRow[], engineId: string): ContainerRow[] {
  return rows.some((r) => r.engineId === engineId) ? rows.filter((r) => r.engineId !== engineId) : rows;
}

export function patchEngines(engines: EngineInfo[] | undefined, ev: LiveEvent): EngineInfo[] | undefined {
  if (ev.kind === 'engine-removed') return engines?.filter((e) => e.id !== ev.engineId);
  if (ev.kind !== 'engine') return engines;
  const list = engines ?? [];
  const i = list.findIndex((e) => e.id === ev.engine.id);
  if (i < 0) return [...list, ev.engine];
  const next = list.slice();
  next[i] = ev.engine;
  return next;
}

/** An engine that (re)connects needs its rows listed once: events missed while away are lost. */
export function needsRelist(before: EngineInfo[] | undefined, ev: LiveEvent): boolean {
  if (ev.kind !== 'engine' || ev.engine.state !== 'connected') return false;
  const prev = before?.find((e) => e.id === ev.engine.id);
  return prev?.state !== 'connected';
}
