// A live log of every engine's events (type, action, actor, time), filterable, newest first.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { EngineEvent } from '../../../../electron/api/contracts/engines';
import { EngineSelect } from '../../components/EngineSelect';
import { VirtualTable } from '../../components/VirtualTable';
import { orpc } from '../../lib/rpc';
import { LOG_CAPACITY, useEventLog } from './useEventLog';
import '../engines/engines.css';

const TEMPLATE = '110px 130px 90px 130px minmax(160px, 1.2fr) minmax(200px, 2fr)';

function timeText(ms: number): string {
  const d = new Date(ms);
  return `${d.toLocaleTimeString(undefined, { hour12: false })}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

export function EventsPage() {
  const log = useEventLog();
  const engines = useQuery({ ...orpc.engines.list.queryOptions(), staleTime: Infinity });
  const [engineFilter, setEngineFilter] = useState('all');
  const [typeFilter, setTypeFilter] = useState('all');
  const [search, setSearch] = useState('');
  // Pause freezes what is shown (the ring keeps filling); Clear hides what came before.
  const [frozen, setFrozen] = useState<EngineEvent[]>();
  const [clearedSeq, setClearedSeq] = useState(0);
  const shown = frozen ?? log.events;
  const names = useMemo(() => new Map((engines.data ?? []).map((e) => [e.id, e.name])), [engines.data]);
  const types = useMemo(() => [...new Set(shown.map((e) => e.type))].sort(), [shown]);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    const out: EngineEvent[] = [];
    for (let i = shown.length - 1; i >= 0; i--) {
      const e = shown[i]!;
      if (e.seq <= clearedSeq) break;
      if (engineFilter !== 'all' && e.engineId !== engineFilter) continue;
      if (typeFilter !== 'all' && e.type !== typeFilter) continue;
      if (q && !`${e.action} ${e.actorId} ${e.actorName ?? ''} ${Object.values(e.attributes).join(' ')}`.toLowerCase().includes(q)) continue;
      out.push(e);
    }
    return out;
  }, [shown, clearedSeq, engineFilter, typeFilter, search]);

  const columns = useMemo<ColumnDef<EngineEvent>[]>(
    () => [
      { id: 'time', header: 'Time', accessorKey: 'time', cell: (c) => <span className="mono">{timeText(c.getValue<number>())}</span> },
      { id: 'engine', header: 'Engine', accessorFn: (e) => names.get(e.engineId) ?? e.engineId },
      { id: 'type', header: 'Type', accessorKey: 'type', cell: (c) => <span className="badge">{c.getValue<string>()}</span> },
      { id: 'action', header: 'Action', accessorKey: 'action', cell: (c) => <span className="strong">{c.getValue<string>()}</span> },
      { id: 'actor', header: 'Actor', accessorFn: (e) => e.actorName ?? e.actorId.slice(0, 12), cell: (c) => <span title={c.row.original.actorId}>{c.getValue<string>()}</span> },
      {
        id: 'attributes',
        header: 'Attributes',
        enableSorting: false,
        accessorFn: (e) => Object.entries(e.attributes).filter(([k]) => k !== 'name').map(([k, v]) => `${k}=${v}`).join(' '),
        cell: (c) => <span className="mono muted" title={c.getValue<string>()}>{c.getValue<string>()}</span>,
      },
    ],
    [names],
  );

  return (
    <section className="page" aria-labelledby="events-title">
      <header className="page-head">
        <h1 id="events-title">Events</h1>
        <span className="muted" data-testid="events-count">
          {rows.length === shown.length ? `${shown.length}` : `${rows.length} of ${shown.length}`} events (the last {LOG_CAPACITY.toLocaleString()} are kept)
        </span>
        <span className={log.streaming && !frozen ? 'live-dot on' : 'live-dot'}>
          {frozen ? 'paused' : log.streaming ? 'live' : log.error ? `stream lost: ${log.error}` : 'connecting…'}
        </span>
      </header>
      <div className="toolbar">
        <input type="search" placeholder="Search action, actor or attributes" aria-label="Search events" value={search} onChange={(e) => setSearch(e.target.value)} />
        <EngineSelect value={engineFilter} onChange={setEngineFilter} />
        <select aria-label="Type" value={typeFilter} onChange={(e) => setTypeFilter(e.target.value)}>
          <option value="all">All types</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <button onClick={() => setFrozen(frozen ? undefined : log.events)} aria-pressed={!!frozen}>
          {frozen ? 'Resume' : 'Pause'}
        </button>
        <button onClick={() => setClearedSeq(log.events.at(-1)?.seq ?? 0)} disabled={!rows.length}>
          Clear
        </button>
      </div>
      <VirtualTable
        label="Events"
        data={rows}
        columns={columns}
        rowId={(e) => String(e.seq)}
        template={TEMPLATE}
        rowHeight={34}
        emptyText={shown.length && !clearedSeq ? 'No event matches the filters.' : 'No events yet. Start, stop or pull something and it shows here at once.'}
      />
    </section>
  );
}
