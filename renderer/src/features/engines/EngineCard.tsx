// One engine on the Engines page: where it was found, its state (and why, when down),
// what its host is, and what fills its disk.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { EngineInfo } from '../../../../electron/api/schemas';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorText } from '../../components/Toasts';
import { client } from '../../lib/rpc';
import { useSettingsUpdate } from '../settings/useSettingsUpdate';
import { DiskUsage } from './DiskUsage';
import { EngineDetails } from './EngineDetails';
import { KIND_WORDS, SOURCE_WORDS } from './words';

export function EngineCard({ engine, isDefault }: { engine: EngineInfo; isDefault: boolean }) {
  const [removing, setRemoving] = useState(false);
  const remove = useMutation({ mutationFn: () => client.engines.remove({ engineId: engine.id }) });
  const settings = useSettingsUpdate();
  const up = engine.state === 'connected';
  return (
    <article className="engine-card" aria-label={engine.name} data-engine-card={engine.id} data-state={engine.state}>
      <header className="engine-card-head">
        <span className={`dot dot-${engine.state}`} aria-hidden />
        <h2>{engine.name}</h2>
        <span className="badge">{KIND_WORDS[engine.kind]}</span>
        {isDefault && <span className="badge state-created">default</span>}
        <span className="engine-card-state" data-testid="engine-state">
          {engine.state}
        </span>
        {!isDefault && (
          <button className="link" onClick={() => settings.mutate({ defaultEngine: engine.id })} disabled={settings.isPending}>
            Make default
          </button>
        )}
        {engine.source === 'manual' && (
          <button className="engine-card-remove" onClick={() => setRemoving(true)} aria-label={`Remove ${engine.name}`}>
            Remove
          </button>
        )}
      </header>
      <p className="engine-endpoint">
        <code>{engine.endpoint}</code> <span className="muted">· {SOURCE_WORDS[engine.source]}</span>
      </p>
      {!up && engine.reason && (
        <p className="engine-down" role="status" data-testid="engine-reason">
          {engine.reason}
        </p>
      )}
      {up && (
        <div className="engine-body">
          <EngineDetails engine={engine} />
          <DiskUsage engine={engine} />
        </div>
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove ${engine.name}?`}
          confirmLabel="Remove"
          danger
          busy={remove.isPending}
          error={remove.error ? errorText(remove.error) : undefined}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => setRemoving(false) })}
          onCancel={() => setRemoving(false)}
        >
          <p>
            Berth forgets the endpoint <code>{engine.endpoint}</code>. The engine itself and its containers are not touched.
          </p>
        </ConfirmDialog>
      )}
    </article>
  );
}
