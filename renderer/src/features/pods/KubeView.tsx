// Kubernetes YAML: generate it from a pod or container, edit it, copy or save it; play YAML
// (typed, opened or dropped), see the pods it made, and take them down again.
import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { PodRow } from '../../../../electron/api/contracts/pods';
import type { ContainerRow } from '../../../../electron/api/schemas';
import { errorText } from '../../components/Toasts';
import { client } from '../../lib/rpc';
import { navigate } from '../../lib/route';

// CodeMirror loads with this view, not with the app.
const YamlEditor = lazy(() => import('./YamlEditor').then((m) => ({ default: m.YamlEditor })));

export interface Played {
  engineId: string;
  yaml: string;
  pods: Array<{ id: string; name: string; containers: number }>;
}

export interface KubeViewProps {
  engineId: string;
  source?: string | undefined;
  pods: PodRow[];
  containers: ContainerRow[];
  draft: string;
  setDraft(yaml: string): void;
  /** What the last play made (kept by the page, so it survives a look at the pods). */
  played: Played | undefined;
  setPlayed(p: Played | undefined): void;
}

export function KubeView({ engineId, source, pods, containers, draft, setDraft, played, setPlayed }: KubeViewProps) {
  const [from, setFrom] = useState(source ?? '');
  const [service, setService] = useState(false);
  const [note, setNote] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);

  const generate = useMutation({
    mutationFn: (names: string[]) => client.pods.kube.generate({ engineId, names, service }),
    onSuccess: (r) => setDraft(r.yaml),
  });
  const play = useMutation({
    mutationFn: (yaml: string) => client.pods.kube.play({ engineId, yaml }).then((r) => ({ engineId, yaml, pods: r.pods })),
    onSuccess: setPlayed,
  });
  const down = useMutation({
    mutationFn: (yaml: string) => client.pods.kube.down({ engineId, yaml }),
    onSuccess: () => setPlayed(undefined),
  });

  // Arriving from a pod's "YAML" button: generate at once.
  useEffect(() => {
    if (source) {
      setFrom(source);
      generate.mutate([source]);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source]);

  const flash = (text: string) => {
    setNote(text);
    setTimeout(() => setNote(undefined), 2500);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(draft);
      flash('Copied to the clipboard.');
    } catch (err) {
      flash(`Copy failed: ${errorText(err)}`);
    }
  };
  const save = () => {
    const url = URL.createObjectURL(new Blob([draft], { type: 'application/yaml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${from || 'pods'}.yaml`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const open = async (file: File | undefined) => {
    if (file) setDraft(await file.text());
  };

  const podContainers = containers.filter((c) => c.engineId === engineId);
  return (
    <div className="kube">
      <div className="toolbar">
        <label className="inline">
          Generate from
          <select aria-label="Generate from" value={from} onChange={(e) => setFrom(e.target.value)}>
            <option value="">Choose a pod or container…</option>
            <optgroup label="Pods">
              {pods.map((p) => (
                <option key={p.id} value={p.name}>
                  {p.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Containers">
              {podContainers.map((c) => (
                <option key={c.id} value={c.name}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="inline check">
          <input type="checkbox" checked={service} onChange={(e) => setService(e.target.checked)} /> with a Service
        </label>
        <button disabled={!from || generate.isPending} onClick={() => generate.mutate([from])}>
          {generate.isPending ? 'Generating…' : 'Generate'}
        </button>
        <span className="spacer" />
        <button onClick={() => fileInput.current?.click()}>Open file…</button>
        <input ref={fileInput} type="file" accept=".yaml,.yml,application/yaml,text/yaml" hidden data-testid="kube-file" onChange={(e) => void open(e.target.files?.[0])} />
        <button disabled={!draft} onClick={() => void copy()}>
          Copy
        </button>
        <button disabled={!draft} onClick={save}>
          Save as file
        </button>
        <button className="primary" disabled={!draft.trim() || play.isPending} onClick={() => play.mutate(draft)}>
          {play.isPending ? 'Playing…' : 'Play'}
        </button>
      </div>
      {note && <p className="muted" role="status">{note}</p>}
      {generate.error && (
        <p className="error-text" role="alert">
          {errorText(generate.error)}
        </p>
      )}
      {play.error && (
        <p className="error-text" role="alert">
          {errorText(play.error)}
          <br />
          Nothing it made was left behind.
        </p>
      )}
      {played?.engineId === engineId && (
        <div className="played" role="status" aria-label="Pods made by the YAML">
          <span>This YAML made:</span>
          {played.pods.map((p) => (
            <a key={p.id} className="chip mono" href={`#pods/${engineId}/${p.id}`}>
              {p.name} ({p.containers} container{p.containers === 1 ? '' : 's'})
            </a>
          ))}
          <span className="spacer" />
          <button className="danger" disabled={down.isPending} onClick={() => down.mutate(played.yaml)}>
            {down.isPending ? 'Taking down…' : 'Take down'}
          </button>
          <button className="link" onClick={() => navigate('pods', engineId)}>
            Back to the pods
          </button>
        </div>
      )}
      {down.error && (
        <p className="error-text" role="alert">
          {errorText(down.error)}
        </p>
      )}
      <Suspense fallback={<div className="yaml-editor vtable-empty">Loading the editor…</div>}>
        <YamlEditor value={draft} onChange={setDraft} label="Kubernetes YAML" />
      </Suspense>
    </div>
  );
}
