// Networks of every connected engine, live: their containers; create a bridge, remove,
// connect and disconnect containers.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { NetworkRow } from '../../../../electron/api/contracts/networks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { errorText } from '../../components/Toasts';
import { VirtualTable } from '../../components/VirtualTable';
import { parseKeyValues } from '../../lib/kv';
import { applyRow } from '../../lib/object-live';
import { client, orpc } from '../../lib/rpc';
import { EngineField, LabelsField, useEngineChoice } from '../../components/EngineField';
import { ConnectDialog } from './ConnectDialog';
import { BUILT_IN, patcher } from './live';
import '../images/images.css';

const key = (r: NetworkRow) => `${r.engineId}/${r.id}`;
const col = createColumnHelper<NetworkRow>();
const TEMPLATE = 'minmax(160px,1.6fr) 110px 80px minmax(110px,1fr) minmax(140px,1.4fr) minmax(100px,1fr) 190px';

export function NetworksPage() {
  const networks = useQuery({ ...orpc.networks.list.queryOptions({ input: {} }), staleTime: Infinity });
  const engines = useQuery({ ...orpc.engines.list.queryOptions(), staleTime: Infinity });
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'remove' | 'connect'; row: NetworkRow }>();
  const engineMap = useMemo(() => new Map((engines.data ?? []).map((e) => [e.id, e])), [engines.data]);
  const columns = useMemo(
    () => [
      col.accessor('name', { header: 'Name', cell: (c) => <span className="mono strong">{c.getValue()}</span> }),
      col.accessor((r) => r.id.slice(0, 12), { id: 'id', header: 'Id', cell: (c) => <span className="mono">{c.getValue()}</span> }),
      col.accessor('driver', { header: 'Driver' }),
      col.accessor((r) => r.subnets.join(', '), { id: 'subnets', header: 'Subnet', cell: (c) => <span className="mono">{c.getValue()}</span> }),
      col.accessor((r) => r.containers.map((c) => c.name).join(', '), { id: 'containers', header: 'Containers', cell: (c) => c.getValue() || <span className="muted">—</span> }),
      col.accessor((r) => engineMap.get(r.engineId)?.name ?? r.engineId, { id: 'engine', header: 'Engine' }),
      col.display({
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        cell: (c) => {
          const row = c.row.original;
          const builtIn = BUILT_IN.has(row.name);
          return (
            <div className="row-actions">
              <button aria-label={`Connect containers to ${row.name}`} disabled={row.name === 'host' || row.name === 'none'} onClick={() => setDialog({ kind: 'connect', row })}>
                Containers…
              </button>
              <button className="danger-text" disabled={builtIn} title={builtIn ? 'A network the engine needs' : 'Remove'} aria-label={`Remove network ${row.name}`} onClick={() => setDialog({ kind: 'remove', row })}>
                <Icon name="trash" />
              </button>
            </div>
          );
        },
      }),
    ],
    [engineMap],
  );
  const close = () => setDialog(undefined);
  return (
    <section className="page" aria-labelledby="networks-title">
      <header className="page-head">
        <h1 id="networks-title">Networks</h1>
        <span className="muted">{networks.data?.length ?? 0} networks</span>
        <div className="page-actions">
          <button className="primary" onClick={() => setDialog({ kind: 'create' })}>
            Create bridge…
          </button>
        </div>
      </header>
      {networks.error && (
        <p className="error-text" role="alert">
          {errorText(networks.error)}
        </p>
      )}
      <VirtualTable label="Networks" data={networks.data ?? []} columns={columns} rowId={key} template={TEMPLATE} emptyText={networks.isPending ? 'Loading…' : 'No networks.'} />
      {dialog?.kind === 'create' && <CreateNetwork onClose={close} />}
      {dialog?.kind === 'remove' && <RemoveNetwork row={dialog.row} onClose={close} />}
      {dialog?.kind === 'connect' && <ConnectDialog network={dialog.row} onClose={close} />}
    </section>
  );
}

function CreateNetwork({ onClose }: { onClose(): void }) {
  const [engine, setEngineId] = useEngineChoice();
  const [name, setName] = useState('');
  const [subnet, setSubnet] = useState('');
  const [internal, setInternal] = useState(false);
  const [labels, setLabels] = useState('');
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: () => client.networks.create({ engineId: engine, name: name.trim(), internal, labels: parseKeyValues(labels), ...(subnet.trim() ? { subnet: subnet.trim() } : {}) }),
    // Podman emits no network events: the row Berth got back goes in at once.
    onSuccess: (row) => (applyRow(qc, patcher, row.engineId, row.id, row), onClose()),
  });
  return (
    <ConfirmDialog title="Create a bridge network" confirmLabel="Create" busy={create.isPending} error={create.error ? errorText(create.error) : undefined} onCancel={onClose} onConfirm={() => create.mutate()}>
      <EngineField value={engine} onChange={setEngineId} />
      <label>
        Name
        <input className="mono" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Subnet (optional)
        <input className="mono" value={subnet} onChange={(e) => setSubnet(e.target.value)} placeholder="10.42.0.0/24" />
      </label>
      <label className="check">
        <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} /> Internal (no route outside)
      </label>
      <LabelsField value={labels} onChange={setLabels} />
    </ConfirmDialog>
  );
}

function RemoveNetwork({ row, onClose }: { row: NetworkRow; onClose(): void }) {
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: () => client.networks.remove({ engineId: row.engineId, id: row.id }),
    onSuccess: () => (applyRow(qc, patcher, row.engineId, row.id, null), onClose()),
  });
  return (
    <ConfirmDialog title={`Remove network ${row.name}?`} confirmLabel="Remove" danger busy={remove.isPending} error={remove.error ? errorText(remove.error) : undefined} onCancel={onClose} onConfirm={() => remove.mutate()}>
      <p>{row.containers.length ? `Containers are attached (${row.containers.map((c) => c.name).join(', ')}): disconnect them first.` : 'No container is attached.'}</p>
    </ConfirmDialog>
  );
}
