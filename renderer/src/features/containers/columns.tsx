// The Containers table's columns.
import { createColumnHelper } from '@tanstack/react-table';
import type { ContainerRow, EngineInfo } from '../../../../electron/api/schemas';
import { formatPorts, relativeTime } from '../../lib/format';
import { Icon } from '../../components/Icon';
import type { ContainerVerb } from './useContainerActions';

const col = createColumnHelper<ContainerRow>();

export interface RowHandlers {
  engines: Map<string, EngineInfo>;
  act(row: ContainerRow, verb: ContainerVerb): void;
  askRemove(row: ContainerRow): void;
  busy(row: ContainerRow): boolean;
}

export const TEMPLATE = 'minmax(140px,1.4fr) minmax(120px,1.1fr) 92px minmax(150px,1.2fr) minmax(90px,0.9fr) minmax(90px,0.8fr) 84px 196px';

export function containerColumns(h: RowHandlers) {
  return [
    col.accessor('name', { header: 'Name', cell: (c) => <span className="mono strong" title={c.row.original.id}>{c.getValue()}</span> }),
    col.accessor('image', { header: 'Image', cell: (c) => <span className="mono" title={c.getValue()}>{c.getValue()}</span> }),
    col.accessor('state', { header: 'State', cell: (c) => <span className={`badge state-${c.getValue()}`}>{c.getValue()}</span> }),
    col.accessor('status', { header: 'Status', enableSorting: false }),
    col.accessor((r) => formatPorts(r.ports), { id: 'ports', header: 'Ports', enableSorting: false, cell: (c) => <span className="mono">{c.getValue()}</span> }),
    col.accessor((r) => h.engines.get(r.engineId)?.name ?? r.engineId, { id: 'engine', header: 'Engine' }),
    col.accessor('created', { header: 'Created', cell: (c) => <span title={new Date(c.getValue() * 1000).toLocaleString()}>{relativeTime(c.getValue())}</span> }),
    col.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: (c) => {
        const row = c.row.original;
        const up = row.state === 'running' || row.state === 'paused' || row.state === 'restarting';
        const busy = h.busy(row);
        return (
          <div className="row-actions">
            {up ? (
              <button disabled={busy} onClick={() => h.act(row, 'stop')} aria-label={`Stop ${row.name}`} title="Stop"><Icon name="stop" /> Stop</button>
            ) : (
              <button disabled={busy} onClick={() => h.act(row, 'start')} aria-label={`Start ${row.name}`} title="Start"><Icon name="play" /> Start</button>
            )}
            <button disabled={busy} onClick={() => h.act(row, 'restart')} aria-label={`Restart ${row.name}`} title="Restart"><Icon name="restart" /></button>
            <button disabled={busy} className="danger-text" onClick={() => h.askRemove(row)} aria-label={`Remove ${row.name}`} title="Remove"><Icon name="trash" /></button>
          </div>
        );
      },
    }),
  ];
}
