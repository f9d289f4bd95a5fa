// Containers of every connected engine, live: search, filter by state and engine, act.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ContainerRow } from '../../../../electron/api/schemas';
import { EngineSelect } from '../../components/EngineSelect';
import { VirtualTable } from '../../components/VirtualTable';
import { errorText } from '../../components/Toasts';
import { rowKey } from '../../lib/patch';
import { orpc } from '../../lib/rpc';
import { containerColumns, TEMPLATE } from './columns';
import { RemoveDialog } from './RemoveDialog';
import { useContainerAction } from './useContainerActions';

const STATE_FILTERS = ['all', 'running', 'exited', 'paused', 'created'] as const;
type StateFilter = (typeof STATE_FILTERS)[number];

export function ContainersPage() {
  const containers = useQuery({ ...orpc.containers.list.queryOptions({ input: {} }), staleTime: Infinity });
  const engines = useQuery({ ...orpc.engines.list.queryOptions(), staleTime: Infinity });
  const [search, setSearch] = useState('');
  const [stateFilter, setStateFilter] = useState<StateFilter>('all');
  const [engineFilter, setEngineFilter] = useState('all');
  const [removing, setRemoving] = useState<ContainerRow>();
  const action = useContainerAction();
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const engineMap = useMemo(() => new Map((engines.data ?? []).map((e) => [e.id, e])), [engines.data]);
  const pendingKey = action.isPending && action.variables ? rowKey(action.variables.row) : undefined;
  const columns = useMemo(
    () =>
      containerColumns({
        engines: engineMap,
        act: (row, verb) => action.mutate({ row, verb }),
        askRemove: setRemoving,
        busy: (row) => rowKey(row) === pendingKey,
      }),
    [engineMap, action.mutate, pendingKey],
  );

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (containers.data ?? []).filter(
      (r) =>
        (stateFilter === 'all' || r.state === stateFilter) &&
        (engineFilter === 'all' || r.engineId === engineFilter) &&
        (!q || r.name.toLowerCase().includes(q) || r.image.toLowerCase().includes(q) || r.id.startsWith(q)),
    );
  }, [containers.data, search, stateFilter, engineFilter]);

  const total = containers.data?.length ?? 0;
  const running = containers.data?.filter((r) => r.state === 'running').length ?? 0;
  const connected = (engines.data ?? []).filter((e) => e.state === 'connected');

  return (
    <section className="page" aria-labelledby="containers-title">
      <header className="page-head">
        <h1 id="containers-title">Containers</h1>
        <span className="muted" data-testid="containers-count">
          {total} containers, {running} running
        </span>
      </header>
      <div className="toolbar">
        <input
          ref={searchRef}
          type="search"
          placeholder="Search name, image or id   ( / )"
          aria-label="Search containers"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <div className="segmented" role="radiogroup" aria-label="State">
          {STATE_FILTERS.map((s) => (
            <button key={s} role="radio" aria-checked={stateFilter === s} className={stateFilter === s ? 'on' : ''} onClick={() => setStateFilter(s)}>
              {s}
            </button>
          ))}
        </div>
        <EngineSelect value={engineFilter} onChange={setEngineFilter} />
      </div>
      {containers.error && (
        <p className="error-text" role="alert">
          Could not list containers: {errorText(containers.error)}
        </p>
      )}
      <VirtualTable
        label="Containers"
        data={rows}
        columns={columns}
        rowId={rowKey}
        template={TEMPLATE}
        emptyText={
          containers.isPending
            ? 'Loading…'
            : connected.length === 0
              ? 'No engine is connected. See the engines on the left for why.'
              : total === 0
                ? 'No containers yet.'
                : 'No container matches the filters.'
        }
      />
      {removing && <RemoveDialog row={removing} onClose={() => setRemoving(undefined)} />}
    </section>
  );
}
