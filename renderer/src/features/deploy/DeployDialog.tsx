// Deploy a local image to an ECS service: choose the service (when not dropped on one),
// read the plan (repository, tag, task definition diff), then apply with every step live.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../components/Toasts';
import type { DraggedImage } from '../../lib/dnd';
import { orpc } from '../../lib/rpc';
import { DeployRun } from './DeployRun';
import { useModal } from '../aws/AwsTable';

export interface DeployStart {
  image: DraggedImage;
  cluster?: string;
  service?: string;
}

export function DeployDialog({ start, onClose }: { start: DeployStart; onClose(): void }) {
  const ref = useModal();
  const [cluster, setCluster] = useState(start.cluster ?? '');
  const [service, setService] = useState(start.service ?? '');
  const [container, setContainer] = useState<string>();
  const [watchSeconds, setWatchSeconds] = useState(300);
  const [applying, setApplying] = useState(false);
  const clusters = useQuery({ ...orpc.aws.ecs.clusters.queryOptions(), enabled: !start.service });
  const services = useQuery({ ...orpc.aws.ecs.services.queryOptions({ input: { cluster } }), enabled: !start.service && !!cluster });
  const target = { engineId: start.image.engineId, image: start.image.ref, cluster, service, ...(container ? { container } : {}) };
  const plan = useQuery({ ...orpc.aws.deploy.plan.queryOptions({ input: target }), enabled: !!cluster && !!service, staleTime: Infinity, retry: false });
  const p = plan.data;
  return (
    <dialog ref={ref} className="dialog deploy-dialog" aria-label="Deploy" onCancel={(e) => (e.preventDefault(), !applying && onClose())}>
      <h2>
        Deploy <span className="mono">{start.image.ref}</span>
        {service ? ` to ${service}` : ''}
      </h2>
      {!start.service && (
        <div className="deploy-choose">
          <label>
            Cluster
            <select aria-label="Cluster" value={cluster} onChange={(e) => (setCluster(e.target.value), setService(''))} disabled={applying}>
              <option value="">Choose…</option>
              {clusters.data?.map((c) => <option key={c.arn}>{c.name}</option>)}
            </select>
          </label>
          <label>
            Service
            <select aria-label="Service" value={service} onChange={(e) => setService(e.target.value)} disabled={applying || !cluster}>
              <option value="">Choose…</option>
              {services.data?.map((s) => <option key={s.arn}>{s.name}</option>)}
            </select>
          </label>
        </div>
      )}
      {plan.isFetching && !p && <p className="muted">Reading the service, its task definition and the repository…</p>}
      {plan.error && (
        <p className="error-text" role="alert">
          {errorText(plan.error)}
        </p>
      )}
      {p && (
        <section aria-label="Plan" className="deploy-plan">
          <dl className="deploy-facts">
            <dt>Image</dt>
            <dd className="mono">
              {p.source} <span className="muted">({p.imageId.slice(7, 19)})</span>
            </dd>
            <dt>Pushed as</dt>
            <dd className="mono" data-testid="plan-target">
              {p.targetRef}
            </dd>
            <dt>Repository</dt>
            <dd>
              <span className="mono">{p.repository}</span> {p.repositoryExists ? <span className="muted">exists</span> : <span className="badge state-paused">will be created</span>}
              {p.standIn && <span className="muted"> · layers go to the stand-in registry {p.registryHost}</span>}
            </dd>
            <dt>Task definition</dt>
            <dd className="mono">
              {p.family}:{p.currentRevision} → {p.family}:next
            </dd>
            <dt>Container</dt>
            <dd>
              {p.containers.length > 1 ? (
                <select aria-label="Container to change" value={p.container} onChange={(e) => setContainer(e.target.value)} disabled={applying}>
                  {p.containers.map((c) => (
                    <option key={c.name} value={c.name}>
                      {c.name} ({c.image})
                    </option>
                  ))}
                </select>
              ) : (
                <span className="mono">{p.container}</span>
              )}
            </dd>
          </dl>
          {!applying && (
            <pre className="deploy-diff mono" aria-label="Task definition diff">
              {p.diff.map((l, i) => (
                <div key={i} className={`diff-${l.kind}`}>
                  {l.kind === 'added' ? '+ ' : l.kind === 'removed' ? '- ' : '  '}
                  {l.text}
                </div>
              ))}
            </pre>
          )}
        </section>
      )}
      {applying && p ? (
        <DeployRun input={{ ...target, container: p.container, repository: p.repository, tag: p.tag, watchSeconds }} onClose={onClose} />
      ) : (
        <div className="dialog-actions">
          <label className="inline-label">
            Watch the rollout for
            <input aria-label="Watch seconds" type="number" min={5} max={3600} value={watchSeconds} onChange={(e) => setWatchSeconds(Number(e.target.value))} /> s
          </label>
          <button autoFocus onClick={onClose}>
            Cancel
          </button>
          <button className="primary" disabled={!p} onClick={() => setApplying(true)}>
            Apply
          </button>
        </div>
      )}
    </dialog>
  );
}
