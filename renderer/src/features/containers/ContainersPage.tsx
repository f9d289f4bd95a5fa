// Containers of every connected engine, live: search, filter, group, select, act; the
// Run dialog and each container's detail hang off this page's routes (route.ts).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ContainerRow } from '../../../../electron/api/schemas';
import { EngineSelect } from '../../components/EngineSelect';
import { VirtualTable } from '../../components/VirtualTable';
import { errorText } from '../../components/Toasts';
import { onLiveEvent } from '../../lib/live';
import { rowKey } from '../../lib/patch';
import { navigate } from '../../lib/route';
import { orpc } from '../../lib/rpc';
import { BulkBar } from './BulkBar';
import { containerColumns, TEMPLATE } from './columns';
import { ContainerDetail } from './detail/ContainerDetail';
import { PruneDialog } from './PruneDialog';
import { RemoveDialog } from './RemoveDialog';
import { openDetail, runHref, useContainersRoute } from './route';
import { RunDialog } from './RunDialog';
import { useContainerAction } from './useContainerActions';
import './containers.css';

const STATE_FILTERS = ['all', 'running', 'exited', 'paused', 'created'] as const;
type StateFilter = (typeof STATE_FILTERS)[number];
type GroupBy = 'none' | 'pod' | 'compose';

export function ContainersPage() {
  const route = useContainersRoute();
  if (route.kind === 'detail') return <ContainerDetail engineId={route.engineId} id={route.id} tab={route.tab} />;
  return <ContainersList run={route.kind === 'run' ? route : undefined} />;
}

function ContainersList({ run }: { run?: { engine?: string; image?: string } }) {
  const containers = useQuery({ ...orpc.containers.list.queryOptions({ input: {} }), staleTime: Infinity });
  const engines = useQuery({ ...orpc.engines.list.queryOptions(), staleTime: Infinity });
  const [search, setSearch] = useState('');
  const [stateFilter, setStateFilter] = useState<StateFilter>('all');
  const [engineFilter, setEngineFilter] = useState('all');
  const [groupBy, setGroupBy] = useState<GroupBy>(() => (localStorage.getItem('berth.containers.groupBy') as GroupBy | null) ?? 'none');
  const [removing, setRemoving] = useState<ContainerRow[]>();
  const [pruning, setPruning] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const action = useContainerAction();
  const searchRef = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const pods = useQuery({ ...orpc.containers.pods.queryOptions({ input: {} }), staleTime: Infinity, enabled: groupBy === 'pod' });

  useEffect(() => localStorage.setItem('berth.containers.groupBy', groupBy), [groupBy]);
  // Pod membership changes with pods and with new containers: refetch it then, never on a timer.
  useEffect(
    () =>
      onLiveEvent((ev, qc) => {
        if ((ev.kind === 'object' && ev.type === 'pod') || (ev.kind === 'container' && ev.action === 'create')) {
          void qc.invalidateQueries({ queryKey: orpc.containers.pods.queryKey({ input: {} }) });
        }
      }),
    [queryClient],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) && !target.closest('dialog')) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (containers.data ?? []).filter(
      (r) =>
        (stateFilter === 'all' || r.state === stateFilter) &&
        (engineFilter === 'all' || r.engineId === engineFilter) &&
        (!q || r.name.toLowerCase().includes(q) || r.image.toLowerCase().includes(q) || r.id.startsWith(q)),
    );
  }, [containers.data, search, stateFilter, engineFilter]);

  const selectedRows = useMemo(() => (containers.data ?? []).filter((r) => selected.has(rowKey(r))), [containers.data, selected]);
  const inView = rows.filter((r) => selected.has(rowKey(r))).length;
  const engineMap = useMemo(() => new Map((engines.data ?? []).map((e) => [e.id, e])), [engines.data]);
  const pendingKey = action.isPending && action.variables ? rowKey(action.variables.row) : undefined;
  const columns = useMemo(
    () =>
      containerColumns({
        engines: engineMap,
        act: (row, verb) => action.mutate({ row, verb }),
        askRemove: (row) => setRemoving([row]),
        busy: (row) => rowKey(row) === pendingKey,
        isSelected: (row) => selected.has(rowKey(row)),
        toggle: (row) =>
          setSelected((s) => {
            const next = new Set(s);
            if (!next.delete(rowKey(row))) next.add(rowKey(row));
            return next;
          }),
        selectedInView: inView === 0 ? 'none' : inView === rows.length ? 'all' : 'some',
        toggleAll: () => setSelected((s) => (inView === rows.length && rows.length > 0 ? new Set([...s].filter((k) => !rows.some((r) => rowKey(r) === k))) : new Set([...s, ...rows.map(rowKey)]))),
        open: (row) => openDetail(row.engineId, row.id),
      }),
    [engineMap, action.mutate, pendingKey, selected, inView, rows],
  );

  const podMap = useMemo(() => new Map((pods.data ?? []).map((p) => [`${p.engineId}/${p.id}`, p.pod])), [pods.data]);
  const groupOf = useCallback(
    (r: ContainerRow) =>
      groupBy === 'compose' ? (r.labels['com.docker.compose.project'] ?? '') : groupBy === 'pod' ? (podMap.get(rowKey(r)) ?? r.labels['io.podman.pod.name'] ?? '') : '',
    [groupBy, podMap],
  );

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
        <span className="spacer" />
        <button onClick={() => setPruning(true)} disabled={!connected.length}>
          Prune stopped…
        </button>
        <a className="button primary" href={runHref()}>
          Run a container…
        </a>
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
        <label className="inline">
          Group by
          <select aria-label="Group by" value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
            <option value="none">Nothing</option>
            <option value="pod">Pod (Podman)</option>
            <option value="compose">Compose project</option>
          </select>
        </label>
      </div>
      {selectedRows.length > 0 && <BulkBar rows={selectedRows} onRemove={() => setRemoving(selectedRows)} onClear={() => setSelected(new Set())} />}
      {notice && (
        <p className="notice" role="status">
          {notice}{' '}
          <button className="link" onClick={() => setNotice(undefined)}>
            Dismiss
          </button>
        </p>
      )}
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
        onActivate={(row) => openDetail(row.engineId, row.id)}
        groupBy={groupBy === 'none' ? undefined : groupOf}
        onKey={(e, row) => {
          if (e.key !== 'Delete') return;
          e.preventDefault();
          if (selectedRows.length) setRemoving(selectedRows);
          else if (row) setRemoving([row]);
        }}
        emptyText={
          containers.isPending
            ? 'Loading…'
            : connected.length === 0
              ? 'No engine is connected. See the engines on the left for why.'
              : total === 0
                ? 'No containers yet. Run one with "Run a container…".'
                : 'No container matches the filters.'
        }
      />
      {removing && (
        <RemoveDialog
          rows={removing}
          onClose={(removed) => {
            if (removed) setSelected((s) => new Set([...s].filter((k) => !removing.some((r) => rowKey(r) === k))));
            setRemoving(undefined);
          }}
        />
      )}
      {pruning && <PruneDialog engines={connected} onClose={(result) => (setPruning(false), setNotice(result))} />}
      {run && <RunDialog engines={connected} initialEngine={run.engine} initialImage={run.image} onClose={() => navigate('containers')} />}
    </section>
  );
}
