// Applies one pod's fresh row (or its absence) to the cached list: replaced, added or
// dropped in place, nothing re-listed (pure; unit-tested).
import type { PodRow } from '../../../../electron/api/contracts/pods';
import type { LiveEvent } from '../../../../electron/api/schemas';

export function patchPods(rows: PodRow[] | undefined, engineId: string, id: string, row: PodRow | null): PodRow[] | undefined {
  if (!rows) return rows;
  const i = rows.findIndex((r) => r.engineId === engineId && (r.id === id || r.id.startsWith(id)));
  if (row === null) return i < 0 ? rows : [...rows.slice(0, i), ...rows.slice(i + 1)];
  if (i < 0) return [row, ...rows];
  const next = rows.slice();
  next[i] = row;
  return next;
}

/** Rows of an engine that went away (or was removed) are no longer true. */
export function dropGoneEngines(rows: PodRow[] | undefined, ev: LiveEvent): PodRow[] | undefined {
  if (!rows) return rows;
  const gone = ev.kind === 'engine-removed' ? ev.engineId : ev.kind === 'engine' && ev.engine.state !== 'connected' ? ev.engine.id : undefined;
  return gone && rows.some((r) => r.engineId === gone) ? rows.filter((r) => r.engineId !== gone) : rows;
}
