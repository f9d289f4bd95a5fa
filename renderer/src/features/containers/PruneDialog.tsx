// Prune: removes the stopped containers of one engine, then says what it reclaimed.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { EngineInfo } from '../../../../electron/api/schemas';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorText } from '../../components/Toasts';
import { formatBytes } from '../../lib/format';
import { client } from '../../lib/rpc';

export function PruneDialog({ engines, onClose }: { engines: EngineInfo[]; onClose(result?: string): void }) {
  const [engineId, setEngineId] = useState(engines[0]?.id ?? '');
  const prune = useMutation({ mutationFn: () => client.containers.prune({ engineId }) });
  const engine = engines.find((e) => e.id === engineId);
  return (
    <ConfirmDialog
      title="Prune stopped containers?"
      confirmLabel="Prune"
      danger
      busy={prune.isPending || !engineId}
      error={prune.error ? errorText(prune.error) : undefined}
      onCancel={() => onClose()}
      onConfirm={() =>
        prune.mutate(undefined, {
          onSuccess: (r) =>
            onClose(`Pruned ${r.deleted.length} stopped container${r.deleted.length === 1 ? '' : 's'} on ${engine?.name ?? engineId}, reclaiming ${formatBytes(r.spaceReclaimed)}.`),
        })
      }
    >
      <label>
        Engine
        <select value={engineId} onChange={(e) => setEngineId(e.target.value)}>
          {engines.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
      <p>Every container on this engine that is not running (exited or created) is deleted, with its writable layer.</p>
    </ConfirmDialog>
  );
}
