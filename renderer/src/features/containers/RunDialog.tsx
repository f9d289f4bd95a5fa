// Run a container: image (suggested from the engine's local images), name, command,
// environment (rows; a dropped .env fills them), ports, mounts, restart, network,
// labels, pod (Podman). The engine's refusal shows here; nothing is left half-made.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { EngineInfo } from '../../../../electron/api/schemas';
import { errorText } from '../../components/Toasts';
import { client, orpc } from '../../lib/rpc';
import { openDetail } from './route';
import { eachLine, FormError, parseEnvFile, parseLabel, parseMount, parsePort, splitArgs, type EnvRow } from './run-form';

type Restart = 'no' | 'always' | 'unless-stopped' | 'on-failure';

export interface RunDialogProps {
  engines: EngineInfo[];
  initialEngine?: string | undefined;
  initialImage?: string | undefined;
  onClose(): void;
}

export function RunDialog({ engines, initialEngine, initialImage, onClose }: RunDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [engineId, setEngineId] = useState(() => engines.find((e) => e.id === initialEngine)?.id ?? engines[0]?.id ?? '');
  const [image, setImage] = useState(initialImage ?? '');
  const [name, setName] = useState('');
  const [command, setCommand] = useState('');
  const [entrypoint, setEntrypoint] = useState('');
  const [env, setEnv] = useState<EnvRow[]>([]);
  const [ports, setPorts] = useState('');
  const [mounts, setMounts] = useState('');
  const [labels, setLabels] = useState('');
  const [restart, setRestart] = useState<Restart>('no');
  const [network, setNetwork] = useState('');
  const [pod, setPod] = useState('');
  const [autoRemove, setAutoRemove] = useState(false);
  const [start, setStart] = useState(true);
  const [formError, setFormError] = useState<string>();
  const [dropping, setDropping] = useState(false);
  const engine = engines.find((e) => e.id === engineId);
  const images = useQuery({ ...orpc.containerRun.imageNames.queryOptions({ input: { engineId } }), enabled: !!engineId, staleTime: 30_000 });
  const run = useMutation({ mutationFn: (spec: Parameters<typeof client.containerRun.run>[0]) => client.containerRun.run(spec) });

  // The engines may arrive after the dialog opens (a link straight to #containers/run).
  useEffect(() => {
    if (!engines.some((e) => e.id === engineId)) setEngineId(engines.find((e) => e.id === initialEngine)?.id ?? engines[0]?.id ?? '');
  }, [engines, engineId, initialEngine]);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const submit = () => {
    setFormError(undefined);
    try {
      const spec = {
        engineId,
        image: image.trim(),
        ...(name.trim() ? { name: name.trim() } : {}),
        cmd: splitArgs(command),
        ...(entrypoint.trim() ? { entrypoint: splitArgs(entrypoint) } : {}),
        env: env.filter((r) => r.key.trim()).map((r) => ({ key: r.key.trim(), value: r.value })),
        ports: eachLine(ports, parsePort),
        mounts: eachLine(mounts, parseMount),
        labels: Object.fromEntries(eachLine(labels, parseLabel)),
        restart,
        ...(network.trim() ? { network: network.trim() } : {}),
        ...(pod.trim() && engine?.kind === 'podman' ? { pod: pod.trim() } : {}),
        autoRemove,
        start,
      };
      if (!spec.image) throw new FormError('Choose an image to run.');
      run.mutate(spec, { onSuccess: (made) => openDetail(engineId, made.id, 'logs') });
    } catch (err) {
      if (err instanceof FormError) setFormError(err.message);
      else throw err;
    }
  };

  const loadEnv = async (file: File) => {
    const added = parseEnvFile(await file.text());
    setEnv((rows) => [...rows.filter((r) => r.key.trim()), ...added]);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDropping(false);
    const file = e.dataTransfer.files[0];
    if (file) void loadEnv(file);
  };
  const error = formError ?? (run.error ? errorText(run.error) : undefined);

  return (
    <dialog ref={ref} className="dialog wide" aria-label="Run a container" onCancel={(e) => (e.preventDefault(), onClose())}>
      <h2>Run a container</h2>
      <form
        className="run-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="grid2">
          <label>
            Engine
            <select value={engineId} onChange={(e) => setEngineId(e.target.value)}>
              {engines.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name} ({e.kind})
                </option>
              ))}
            </select>
          </label>
          <label>
            Image
            <input list="run-images" value={image} onChange={(e) => setImage(e.target.value)} placeholder="e.g. nginx:latest" autoFocus required />
            <datalist id="run-images">
              {(images.data ?? []).map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
          </label>
          <label>
            <span>
              Name <span className="muted">(optional)</span>
            </span>
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="the engine picks one" />
          </label>
          <label>
            Restart policy
            <select value={restart} onChange={(e) => setRestart(e.target.value as Restart)}>
              <option value="no">Never</option>
              <option value="on-failure">On failure</option>
              <option value="unless-stopped">Unless stopped</option>
              <option value="always">Always</option>
            </select>
          </label>
          <label>
            Command and arguments
            <input className="mono" value={command} onChange={(e) => setCommand(e.target.value)} placeholder="the image's default" />
          </label>
          <label>
            Entrypoint
            <input className="mono" value={entrypoint} onChange={(e) => setEntrypoint(e.target.value)} placeholder="the image's default" />
          </label>
          <label>
            <span>
              Published ports <span className="muted">(one per line: host:container/proto)</span>
            </span>
            <textarea className="mono" rows={2} value={ports} onChange={(e) => setPorts(e.target.value)} placeholder={'8080:80\n127.0.0.1:5353:53/udp'} />
          </label>
          <label>
            <span>
              Mounts <span className="muted">(/host/path:/in/container[:ro] or volume:/path)</span>
            </span>
            <textarea className="mono" rows={2} value={mounts} onChange={(e) => setMounts(e.target.value)} placeholder={'/srv/site:/usr/share/html:ro\ndata:/var/lib/data'} />
          </label>
          <label>
            <span>
              Network <span className="muted">(optional)</span>
            </span>
            <input value={network} onChange={(e) => setNetwork(e.target.value)} placeholder="bridge, host, none or a network name" />
          </label>
          {engine?.kind === 'podman' ? (
            <label>
              <span>
                Pod <span className="muted">(Podman: join an existing pod)</span>
              </span>
              <input value={pod} onChange={(e) => setPod(e.target.value)} placeholder="pod name" />
            </label>
          ) : (
            <span />
          )}
          <label>
            <span>
              Labels <span className="muted">(key=value per line)</span>
            </span>
            <textarea className="mono" rows={2} value={labels} onChange={(e) => setLabels(e.target.value)} />
          </label>
          <div className="checks">
            <label className="check">
              <input type="checkbox" checked={start} onChange={(e) => setStart(e.target.checked)} /> Start after creating
            </label>
            <label className="check">
              <input type="checkbox" checked={autoRemove} onChange={(e) => setAutoRemove(e.target.checked)} /> Remove when it exits
            </label>
          </div>
        </div>
        <fieldset
          className={dropping ? 'env dropping' : 'env'}
          onDragOver={(e) => (e.preventDefault(), setDropping(true))}
          onDragLeave={() => setDropping(false)}
          onDrop={onDrop}
        >
          <legend>Environment</legend>
          {env.map((row, i) => (
            <div className="env-row" key={i}>
              <input aria-label={`Variable ${i + 1} name`} className="mono" value={row.key} placeholder="KEY" onChange={(e) => setEnv(env.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)))} />
              <input aria-label={`Variable ${i + 1} value`} className="mono" value={row.value} placeholder="value" onChange={(e) => setEnv(env.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))} />
              <button type="button" aria-label={`Remove variable ${i + 1}`} onClick={() => setEnv(env.filter((_, j) => j !== i))}>
                ×
              </button>
            </div>
          ))}
          <div className="env-actions">
            <button type="button" onClick={() => setEnv([...env, { key: '', value: '' }])}>
              Add variable
            </button>
            <label className="file-button">
              Load .env file…
              <input type="file" onChange={(e) => e.target.files?.[0] && void loadEnv(e.target.files[0])} />
            </label>
            <span className="muted">or drop a .env file here</span>
          </div>
        </fieldset>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={run.isPending || !engineId}>
            {run.isPending ? 'Running…' : start ? 'Run' : 'Create'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
