// One engine object's row into a cached list (pure, so it is unit-tested without a browser).

/** Pure: the list with one object's row replaced, added, or (row null) dropped. */
export function patchObject<T extends { engineId: string }>(rows: T[] | undefined, p: { same(row: T, id: string): boolean; idOf(row: T): string }, engineId: string, eventId: string, row: T | null): T[] | undefined {
  if (!rows) return rows;
  const hit = (r: T) => r.engineId === engineId && (p.same(r, eventId) || (row !== null && p.same(r, p.idOf(row))));
  const i = rows.findIndex(hit);
  if (row === null) return i < 0 ? rows : rows.filter((r) => !hit(r));
  if (i < 0) return [row, ...rows];
  const next = rows.slice();
  next[i] = row;
  return next;
}
