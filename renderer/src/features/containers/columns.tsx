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
  isSelected(row: ContainerRow): boolean;
  toggle(row: ContainerRow): void;
  /** 'all', 'some' or 'none' of the rows in view are selected. */
  selectedInView: 'all' | 'some' | 'none';
  toggleAll(): void;
  open(row: ContainerRow): void;
}

export const TEMPLATE = '28px minmax(120px,1.4fr) minmax(100px,1.1fr) 92px minmax(110px,1.2fr) minmax(80px,0.9fr) minmax(80px,0.8fr) 84px 180px';

export function containerColumns(h: RowHandlers) {
  return [
    col.display({
      id: 'select',
      header: () => (
        <input
          type="checkbox"
          aria-label="Select all containers in view"
          checked={h.selectedInView === 'all'}
          ref={(el) => {
            if (el) el.indeterminate = h.selectedInView === 'some';
          }}
          onChange={h.toggleAll}
        />
      ),
      cell: (c) => (
        <input type="checkbox" aria-label={`Select ${c.row.original.name}`} checked={h.isSelected(c.row.original)} onChange={() => h.toggle(c.row.original)} />
      ),
    }),
    col.accessor('name', {
      header: 'Name',
      cell: (c) => (
        <a className="mono strong row-link" title={c.row.original.id} href={`#containers/${encodeURIComponent(c.row.original.engineId)}/${c.row.original.id}/logs`}>
          {c.getValue()}
        </a>
      ),
    }),
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
            {row.state === 'paused' ? (
              <button disabled={busy} onClick={() => h.act(row, 'unpause')} aria-label={`Resume ${row.name}`} title="Resume"><Icon name="play" /></button>
            ) : (
              <button disabled={busy || row.state !== 'running'} onClick={() => h.act(row, 'pause')} aria-label={`Pause ${row.name}`} title="Pause"><Icon name="pause" /></button>
            )}
            <button disabled={busy} onClick={() => h.act(row, 'restart')} aria-label={`Restart ${row.name}`} title="Restart"><Icon name="restart" /></button>
            <button disabled={busy} className="danger-text" onClick={() => h.askRemove(row)} aria-label={`Remove ${row.name}`} title="Remove"><Icon name="trash" /></button>
          </div>
        );
      },
    }),
  ];
}
