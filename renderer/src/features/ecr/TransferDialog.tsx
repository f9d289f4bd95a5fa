// Push a local image to an ECR repository, or pull an ECR image into an engine, with
// progress; Cancel stops the transfer; errors from inside the engine's stream are shown.
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { TransferEvent } from '../../../../electron/api/contracts/aws';
import { errorText } from '../../components/Toasts';
import { client, orpc } from '../../lib/rpc';
import { useModal } from '../aws/AwsTable';

export type Transfer = { kind: 'push'; repository: string } | { kind: 'pull'; repository: string; tag?: string; digest: string };

export function TransferDialog({ transfer, onClose }: { transfer: Transfer; onClose(): void }) {
  const ref = useModal();
  const engines = useQuery({ ...orpc.engines.list.queryOptions(), staleTime: Infinity });
  const images = useQuery({ ...orpc.aws.deploy.localImages.queryOptions({ input: {} }), enabled: transfer.kind === 'push', staleTime: Infinity });
  const [engineImage, setEngineImage] = useState('');
  const [engineId, setEngineId] = useState('');
  const [tag, setTag] = useState('latest');
  const [progress, setProgress] = useState<TransferEvent>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController>(undefined);
  const connected = (engines.data ?? []).filter((e) => e.state === 'connected');

  const start = async () => {
    const ctl = new AbortController();
    abort.current = ctl;
    setBusy(true);
    setError(undefined);
    setProgress(undefined);
    try {
      const it =
        transfer.kind === 'push'
          ? await client.aws.ecr.push({ ...(JSON.parse(engineImage) as { engineId: string; image: string }), repository: transfer.repository, tag }, { signal: ctl.signal })
          : await client.aws.ecr.pull(
              { engineId: engineId || connected[0]!.id, repository: transfer.repository, ...(transfer.tag ? { tag: transfer.tag } : { digest: transfer.digest }) },
              { signal: ctl.signal },
            );
      for await (const ev of it) setProgress(ev);
    } catch (e) {
      setError(ctl.signal.aborted ? 'Cancelled.' : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const title = transfer.kind === 'push' ? `Push to ${transfer.repository}` : `Pull ${transfer.repository}:${transfer.tag ?? transfer.digest.slice(0, 19)}`;
  return (
    <dialog ref={ref} className="dialog" aria-label={title} onCancel={(e) => (e.preventDefault(), !busy && onClose())}>
      <h2>{title}</h2>
      {transfer.kind === 'push' ? (
        <>
          <label>
            Local image
            <select value={engineImage} onChange={(e) => setEngineImage(e.target.value)} disabled={busy}>
              <option value="">Choose…</option>
              {images.data?.flatMap((i) =>
                i.tags.map((t) => (
                  <option key={`${i.engineId}/${t}`} value={JSON.stringify({ engineId: i.engineId, image: t })}>
                    {t} ({i.engineName})
                  </option>
                )),
              )}
            </select>
          </label>
          <label>
            Tag in ECR
            <input value={tag} onChange={(e) => setTag(e.target.value)} disabled={busy} />
          </label>
        </>
      ) : (
        <label>
          Into engine
          <select value={engineId} onChange={(e) => setEngineId(e.target.value)} disabled={busy}>
            {connected.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {progress && (
        <div className="transfer-progress">
          <progress max={1} value={progress.fraction} />
          <span className="muted small">{progress.done ? `Done: ${progress.done.ref}${progress.done.digest ? ` (${progress.done.digest.slice(0, 19)}…)` : ''}` : (progress.message ?? `${progress.layers} layers`)}</span>
        </div>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {busy ? (
          <button className="danger" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        ) : (
          <button onClick={onClose}>{progress?.done ? 'Close' : 'Cancel'}</button>
        )}
        {!progress?.done && (
          <button className="primary" disabled={busy || (transfer.kind === 'push' ? !engineImage || !tag : connected.length === 0)} onClick={() => void start()}>
            {transfer.kind === 'push' ? 'Push' : 'Pull'}
          </button>
        )}
      </div>
    </dialog>
  );
}
