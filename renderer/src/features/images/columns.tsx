// The Images table's columns.
import { createColumnHelper } from '@tanstack/react-table';
import type { ImageRow } from '../../../../electron/api/contracts/images';
import type { EngineInfo } from '../../../../electron/api/schemas';
import { Icon } from '../../components/Icon';
import { formatBytes } from '../../lib/bytes';
import { relativeTime } from '../../lib/format';

const col = createColumnHelper<ImageRow>();

export const imageKey = (r: ImageRow) => `${r.engineId}/${r.id}`;
export const imageName = (r: ImageRow) => r.repoTags[0] ?? '<none>:<none>';

export interface ImageHandlers {
  engines: Map<string, EngineInfo>;
  selected: Set<string>;
  toggle(row: ImageRow): void;
  toggleAll(): void;
  allSelected: boolean;
  open(row: ImageRow): void;
  push(row: ImageRow): void;
  tag(row: ImageRow): void;
  remove(row: ImageRow): void;
}

export const TEMPLATE = '28px minmax(200px,2.2fr) 110px 86px 96px 86px minmax(90px,0.9fr) 200px';

export function imageColumns(h: ImageHandlers) {
  return [
    col.display({
      id: 'select',
      header: () => <input type="checkbox" aria-label="Select all images" checked={h.allSelected} onChange={h.toggleAll} />,
      cell: (c) => <input type="checkbox" aria-label={`Select ${imageName(c.row.original)}`} checked={h.selected.has(imageKey(c.row.original))} onChange={() => h.toggle(c.row.original)} />,
    }),
    col.accessor(imageName, {
      id: 'name',
      header: 'Repository:tag',
      cell: (c) => {
        const r = c.row.original;
        return (
          <button className="link mono strong cell-link" title={r.repoTags.join('\n') || 'dangling: no tag'} onClick={() => h.open(r)}>
            {r.dangling ? <span className="muted">&lt;none&gt;</span> : c.getValue()}
            {r.repoTags.length > 1 && <span className="muted"> +{r.repoTags.length - 1}</span>}
          </button>
        );
      },
    }),
    col.accessor((r) => r.id.replace(/^sha256:/, '').slice(0, 12), { id: 'id', header: 'Id', cell: (c) => <span className="mono">{c.getValue()}</span> }),
    col.accessor('size', { header: 'Size', cell: (c) => formatBytes(c.getValue()) }),
    col.accessor('created', { header: 'Created', cell: (c) => <span title={new Date(c.getValue() * 1000).toLocaleString()}>{relativeTime(c.getValue())}</span> }),
    col.accessor('containers', { header: 'Used by', cell: (c) => (c.getValue() ? `${c.getValue()} ctr` : <span className="muted">—</span>) }),
    col.accessor((r) => h.engines.get(r.engineId)?.name ?? r.engineId, { id: 'engine', header: 'Engine' }),
    col.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: (c) => {
        const r = c.row.original;
        const name = imageName(r);
        return (
          <div className="row-actions">
            <button onClick={() => h.push(r)} aria-label={`Push ${name}`}>
              Push
            </button>
            <button onClick={() => h.tag(r)} aria-label={`Tag ${name}`}>
              Tag
            </button>
            <button className="danger-text" onClick={() => h.remove(r)} aria-label={`Remove ${name}`} title="Remove">
              <Icon name="trash" />
            </button>
          </div>
        );
      },
    }),
  ];
}
