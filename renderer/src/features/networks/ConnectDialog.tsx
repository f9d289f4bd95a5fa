// The containers on one network: disconnect those attached, connect others of its engine.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { NetworkRow } from '../../../../electron/api/contracts/networks';
import { Modal } from '../../components/Modal';
import { errorText } from '../../components/Toasts';
import { applyRow } from '../../lib/object-live';
import { client, orpc } from '../../lib/rpc';
import { patcher } from './live';

export function ConnectDialog({ network, onClose }: { network: NetworkRow; onClose(): void }) {
  const containers = useQuery({ ...orpc.containers.list.queryOptions({ input: {} }), staleTime: Infinity });
  const live = useQuery({ ...orpc.networks.get.queryOptions({ input: { engineId: network.engineId, id: network.id } }) });
  const current = live.data ?? network;
  const attached = new Set(current.containers.map((c) => c.id));
  const candidates = (containers.data ?? []).filter((c) => c.engineId === network.engineId && !attached.has(c.id));
  const [choice, setChoice] = useState('');
  const qc = useQueryClient();
  const act = useMutation({
    mutationFn: ({ id, connect }: { id: string; connect: boolean }) => client.networks[connect ? 'connect' : 'disconnect']({ engineId: network.engineId, id: network.id, container: id }),
    onSuccess: async () => {
      setChoice('');
      const fresh = await live.refetch();
      if (fresh.data !== undefined) applyRow(qc, patcher, network.engineId, network.id, fresh.data);
    },
  });
  return (
    <Modal title={`Containers on ${network.name}`} onClose={onClose}>
      <ul className="plain-list" aria-label="Attached containers">
        {current.containers.map((c) => (
          <li key={c.id} className="spread">
            <span className="mono strong">{c.name}</span>
            <button disabled={act.isPending} onClick={() => act.mutate({ id: c.id, connect: false })} aria-label={`Disconnect ${c.name}`}>
              Disconnect
            </button>
          </li>
        ))}
        {!current.containers.length && <li className="muted">No container is attached.</li>}
      </ul>
      <form
        className="connect-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (choice) act.mutate({ id: choice, connect: true });
        }}
      >
        <select aria-label="Container to connect" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose a container…</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.state})
            </option>
          ))}
        </select>
        <button type="submit" className="primary" disabled={!choice || act.isPending}>
          Connect
        </button>
      </form>
      {act.error && (
        <p className="error-text" role="alert">
          {errorText(act.error)}
        </p>
      )}
      <div className="dialog-actions">
        <button onClick={onClose}>Close</button>
      </div>
    </Modal>
  );
}
