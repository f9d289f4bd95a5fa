// Pods of a Podman engine (live), one pod's detail, Kubernetes YAML; on Docker Engine,
// Compose projects instead. Routes: #pods/<engine>, #pods/<engine>/<pod>, #pods/<engine>/kube[/<source>].
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { PodRow } from '../../../../electron/api/contracts/pods';
import { VirtualTable } from '../../components/VirtualTable';
import { errorText } from '../../components/Toasts';
import { rowKey } from '../../lib/patch';
import { navigate, useRoute } from '../../lib/route';
import { orpc } from '../../lib/rpc';
import { ComposeGroups } from './ComposeGroups';
import { CreatePodDialog } from './CreatePodDialog';
import { KubeView, type Played } from './KubeView';
import { podColumns, POD_TEMPLATE, type PodRowHandlers } from './podColumns';
import { PodDetail } from './PodDetail';
import './pods.css';
import './podsLive';
import { RemovePodDialog } from './RemovePodDialog';
import { usePodAction } from './usePodActions';
import { useYamlDrop } from './useYamlDrop';

export function PodsPage() {
  const [, routeEngine, sub, source] = useRoute();
  const engines = useQuery({ ...orpc.engines.list.queryOptions(), staleTime: Infinity });
  const connected = (engines.data ?? []).filter((e) => e.state === 'connected');
  const engine = connected.find((e) => e.id === routeEngine) ?? connected.find((e) => e.kind === 'podman') ?? connected[0];
  const isPodman = engine?.kind === 'podman';
  const pods = useQuery({ ...orpc.pods.list.queryOptions({ input: {} }), staleTime: Infinity, enabled: connected.some((e) => e.kind === 'podman') });
  const containers = useQuery({ ...orpc.containers.list.queryOptions({ input: {} }), staleTime: Infinity });
  const [creating, setCreating] = useState(false);
  const [removing, setRemoving] = useState<PodRow>();
  const [draft, setDraft] = useState('');
  const [played, setPlayed] = useState<Played>();
  const action = usePodAction();

  const dragging = useYamlDrop((text) => {
    setDraft(text);
    if (engine && isPodman) navigate('pods', engine.id, 'kube');
  });

  useEffect(() => {
    if (engine && routeEngine !== engine.id && !routeEngine) navigate('pods', engine.id);
  }, [engine, routeEngine]);

  const enginePods = useMemo(() => (pods.data ?? []).filter((p) => p.engineId === engine?.id), [pods.data, engine?.id]);
  const pendingKey = action.isPending && action.variables ? rowKey(action.variables.pod) : undefined;
  const handlers: PodRowHandlers = useMemo(
    () => ({ act: (pod, verb) => action.mutate({ pod, verb }), askRemove: setRemoving, busy: (pod) => rowKey(pod) === pendingKey }),
    [action.mutate, pendingKey],
  );
  const columns = useMemo(() => podColumns(handlers), [handlers]);
  const detail = isPodman && sub && sub !== 'kube' ? enginePods.find((p) => p.id === sub || p.name === sub) : undefined;
  const view = !isPodman ? 'compose' : sub === 'kube' ? 'kube' : sub ? 'detail' : 'list';

  return (
    <section className="page" aria-labelledby="pods-title">
      <header className="page-head">
        <h1 id="pods-title">
          {view === 'detail' || view === 'kube' ? (
            <>
              <a href={`#pods/${engine?.id}`}>Pods</a> / {view === 'kube' ? 'Kubernetes YAML' : (detail?.name ?? sub)}
            </>
          ) : (
            'Pods'
          )}
        </h1>
        {view === 'list' && <span className="muted" data-testid="pods-count">{enginePods.length} pods, {enginePods.filter((p) => p.state === 'running').length} running</span>}
        <span className="spacer" />
        <select aria-label="Engine" value={engine?.id ?? ''} onChange={(e) => navigate('pods', e.target.value)}>
          {connected.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name} ({e.kind === 'podman' ? 'Podman' : e.kind === 'docker' ? 'Docker' : e.kind})
            </option>
          ))}
        </select>
        {isPodman && engine && view !== 'kube' && <button onClick={() => navigate('pods', engine.id, 'kube')}>Kubernetes YAML</button>}
        {isPodman && view === 'list' && (
          <button className="primary" onClick={() => setCreating(true)}>
            Create pod
          </button>
        )}
      </header>
      {!engine && <div className="vtable-empty">No engine is connected. See the engines on the left for why.</div>}
      {pods.error && isPodman && (
        <p className="error-text" role="alert">
          Could not list pods: {errorText(pods.error)}
        </p>
      )}
      {engine && view === 'compose' && (
        <>
          <p className="notice" role="note">
            Pods are a Podman feature: {engine.name} is Docker Engine, which has no pods. Its Compose projects are shown instead, grouped by the label{' '}
            <code>com.docker.compose.project</code>.
          </p>
          <ComposeGroups engineId={engine.id} containers={containers.data ?? []} />
        </>
      )}
      {engine && view === 'list' && (
        <VirtualTable
          label="Pods"
          data={enginePods}
          columns={columns}
          rowId={rowKey}
          template={POD_TEMPLATE}
          rowHeight={44}
          onActivate={(p) => navigate('pods', p.engineId, p.id)}
          emptyText={pods.isPending ? 'Loading…' : 'No pods yet. Create one, or play Kubernetes YAML.'}
        />
      )}
      {engine && view === 'detail' &&
        (detail ? <PodDetail pod={detail} h={handlers} /> : <div className="vtable-empty">{pods.isPending ? 'Loading…' : `The pod ${sub} is gone.`}</div>)}
      {engine && view === 'kube' && (
        <KubeView engineId={engine.id} source={source} pods={enginePods} containers={containers.data ?? []} draft={draft} setDraft={setDraft} played={played} setPlayed={setPlayed} />
      )}
      {dragging && <div className="drop-overlay">Drop Kubernetes YAML to play it{isPodman ? '' : ' (choose a Podman engine first)'}</div>}
      {creating && engine && <CreatePodDialog engineId={engine.id} engineName={engine.name} onClose={() => setCreating(false)} />}
      {removing && <RemovePodDialog pod={removing} onClose={() => setRemoving(undefined)} onRemoved={() => view === 'detail' && navigate('pods', removing.engineId)} />}
    </section>
  );
}
