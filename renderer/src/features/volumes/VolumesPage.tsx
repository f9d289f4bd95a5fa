// Volumes of every connected engine, live: who uses each; create, remove, prune.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { VolumeRow } from '../../../../electron/api/contracts/volumes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { errorText } from '../../components/Toasts';
import { VirtualTable } from '../../components/VirtualTable';
import { formatBytes } from '../../lib/bytes';
import { parseKeyValues } from '../../lib/kv';
import { applyRow, registerObjectPatcher } from '../../lib/object-live';
import { client, orpc } from '../../lib/rpc';
import { EngineField, LabelsField, useEngineChoice } from '../../components/EngineField';
import '../images/images.css';

const key = (r: VolumeRow) => `${r.engineId}/${r.name}`;
const patcher = registerObjectPatcher<VolumeRow>({
  type: 'volume',
  queryKey: () => orpc.volumes.list.queryKey({ input: {} }),
  fetch: (engineId, name) => client.volumes.get({ engineId, name }),
  same: (row, id) => row.name === id,
  idOf: (row) => row.name,
});

const col = createColumnHelper<VolumeRow>();
const TEMPLATE = 'minmax(200px,2fr) 90px minmax(140px,1.4fr) minmax(100px,1fr) 110px';

export function VolumesPage() {
  const volumes = useQuery({ ...orpc.volumes.list.queryOptions({ input: {} }), staleTime: Infinity });
  const engines = useQuery({ ...orpc.engines.list.queryOptions(), staleTime: Infinity });
  const [dialog, setDialog] = useState<'create' | 'prune' | VolumeRow>();
  const engineMap = useMemo(() => new Map((engines.data ?? []).map((e) => [e.id, e])), [engines.data]);
  const columns = useMemo(
    () => [
      col.accessor('name', { header: 'Name', cell: (c) => <span className="mono strong" title={c.row.original.mountpoint}>{c.getValue()}</span> }),
      col.accessor('driver', { header: 'Driver' }),
      col.accessor((r) => r.usedBy.join(', '), { id: 'usedBy', header: 'Used by', cell: (c) => c.getValue() || <span className="muted">—</span> }),
      col.accessor((r) => engineMap.get(r.engineId)?.name ?? r.engineId, { id: 'engine', header: 'Engine' }),
      col.display({
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        cell: (c) => (
          <div className="row-actions">
            <button className="danger-text" aria-label={`Remove volume ${c.row.original.name}`} onClick={() => setDialog(c.row.original)}>
              <Icon name="trash" /> Remove
            </button>
          </div>
        ),
      }),
    ],
    [engineMap],
  );
  return (
    <section className="page" aria-labelledby="volumes-title">
      <header className="page-head">
        <h1 id="volumes-title">Volumes</h1>
        <span className="muted">{volumes.data?.length ?? 0} volumes</span>
        <div className="page-actions">
          <button className="primary" onClick={() => setDialog('create')}>
            Create…
          </button>
          <button onClick={() => setDialog('prune')}>Prune…</button>
        </div>
      </header>
      {volumes.error && (
        <p className="error-text" role="alert">
          {errorText(volumes.error)}
        </p>
      )}
      <VirtualTable label="Volumes" data={volumes.data ?? []} columns={columns} rowId={key} template={TEMPLATE} emptyText={volumes.isPending ? 'Loading…' : 'No volumes.'} />
      {dialog === 'create' && <CreateVolume onClose={() => setDialog(undefined)} />}
      {dialog === 'prune' && <PruneVolumes onClose={() => setDialog(undefined)} />}
      {typeof dialog === 'object' && <RemoveVolume row={dialog} onClose={() => setDialog(undefined)} />}
    </section>
  );
}

function CreateVolume({ onClose }: { onClose(): void }) {
  const [engine, setEngineId] = useEngineChoice();
  const [name, setName] = useState('');
  const [labels, setLabels] = useState('');
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: () => client.volumes.create({ engineId: engine, labels: parseKeyValues(labels), ...(name.trim() ? { name: name.trim() } : {}) }),
    onSuccess: (row) => (applyRow(qc, patcher, row.engineId, row.name, row), onClose()),
  });
  return (
    <ConfirmDialog title="Create a volume" confirmLabel="Create" busy={create.isPending} error={create.error ? errorText(create.error) : undefined} onCancel={onClose} onConfirm={() => create.mutate()}>
      <EngineField value={engine} onChange={setEngineId} />
      <label>
        Name (empty: the engine picks one)
        <input className="mono" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <LabelsField value={labels} onChange={setLabels} />
    </ConfirmDialog>
  );
}

function RemoveVolume({ row, onClose }: { row: VolumeRow; onClose(): void }) {
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: () => client.volumes.remove({ engineId: row.engineId, name: row.name, force: false }),
    onSuccess: () => (applyRow(qc, patcher, row.engineId, row.name, null), onClose()),
  });
  return (
    <ConfirmDialog title={`Remove volume ${row.name}?`} confirmLabel="Remove" danger busy={remove.isPending} error={remove.error ? errorText(remove.error) : undefined} onCancel={onClose} onConfirm={() => remove.mutate()}>
      <p>Its data is deleted for good.{row.usedBy.length > 0 && ` It is used by ${row.usedBy.join(', ')}: remove those containers first.`}</p>
    </ConfirmDialog>
  );
}

function PruneVolumes({ onClose }: { onClose(): void }) {
  const [engine, setEngineId] = useEngineChoice();
  const [label, setLabel] = useState('');
  const prune = useMutation({ mutationFn: () => client.volumes.prune({ engineId: engine, ...(label.trim() ? { label: label.trim() } : {}) }) });
  return (
    <ConfirmDialog title="Prune volumes" confirmLabel={prune.data ? 'Prune again' : 'Prune'} danger busy={prune.isPending} error={prune.error ? errorText(prune.error) : undefined} onCancel={onClose} onConfirm={() => prune.mutate()}>
      <EngineField value={engine} onChange={setEngineId} />
      <p className="muted">Volumes no container uses are deleted with their data.</p>
      <label>
        Only volumes with the label (optional)
        <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="key or key=value" />
      </label>
      {prune.data && (
        <p className="ok-text" role="status" data-testid="prune-result">
          Removed {prune.data.deleted.length} volumes, reclaimed {formatBytes(prune.data.spaceReclaimed)}.
        </p>
      )}
    </ConfirmDialog>
  );
}
