// What fills one engine's disk (GET /system/df), and prune per category with what it gave back.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { DiskCategory, PruneResult } from '../../../../electron/api/contracts/engines';
import type { EngineInfo } from '../../../../electron/api/schemas';
import { errorText } from '../../components/Toasts';
import { orpc } from '../../lib/rpc';
import { PruneDialog } from './PruneDialog';
import { CATEGORY_WORDS, formatBytes } from './words';

export function DiskUsage({ engine }: { engine: EngineInfo }) {
  const options = orpc.engines.diskUsage.queryOptions({ input: { engineId: engine.id } });
  const usage = useQuery({ ...options, staleTime: Infinity });
  const [pruning, setPruning] = useState<DiskCategory>();
  const [last, setLast] = useState<PruneResult>();
  const lines = usage.data?.lines ?? [];
  const total = lines.reduce((s, l) => s + l.sizeBytes, 0);
  return (
    <section className="disk" aria-label={`Disk usage of ${engine.name}`}>
      <div className="disk-head">
        <h3>Disk usage</h3>
        <span className="muted">
          {usage.data ? `${formatBytes(total)} in all, as of ${new Date(usage.data.takenAt).toLocaleTimeString()}` : usage.isFetching ? 'Measuring…' : ''}
        </span>
        <button onClick={() => void usage.refetch()} disabled={usage.isFetching}>
          {usage.isFetching ? 'Measuring…' : 'Refresh'}
        </button>
      </div>
      {usage.error && <p className="error-text">Could not read the disk usage: {errorText(usage.error)}</p>}
      <table className="disk-table">
        <thead>
          <tr>
            <th>Type</th>
            <th>Total</th>
            <th>Active</th>
            <th>Size</th>
            <th>Reclaimable</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.category} data-category={l.category}>
              <td>{CATEGORY_WORDS[l.category]}</td>
              <td>{l.count}</td>
              <td>{l.active}</td>
              <td data-testid="size">{formatBytes(l.sizeBytes)}</td>
              <td data-testid="reclaimable">
                {formatBytes(l.reclaimableBytes)}
                {l.sizeBytes > 0 && <span className="muted"> ({Math.round((100 * l.reclaimableBytes) / l.sizeBytes)}%)</span>}
              </td>
              <td>
                <button
                  onClick={() => setPruning(l.category)}
                  aria-label={`Prune ${CATEGORY_WORDS[l.category].toLowerCase()} on ${engine.name}`}
                  disabled={l.category === 'buildCache' && engine.kind === 'podman'}
                  title={l.category === 'buildCache' && engine.kind === 'podman' ? 'Podman keeps no separate build cache' : undefined}
                >
                  Prune…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {last && (
        <p className="prune-result" role="status">
          <span>
            Pruned {CATEGORY_WORDS[last.category].toLowerCase()}: reclaimed <strong>{formatBytes(last.reclaimedBytes)}</strong>, {last.deleted.length}{' '}
            {last.deleted.length === 1 ? 'object' : 'objects'} removed.
          </span>
          <button className="link" onClick={() => setLast(undefined)}>
            Dismiss
          </button>
        </p>
      )}
      {pruning && (
        <PruneDialog
          engine={engine}
          category={pruning}
          onClose={() => setPruning(undefined)}
          onDone={(r) => {
            setPruning(undefined);
            setLast(r);
            void usage.refetch();
          }}
        />
      )}
    </section>
  );
}
