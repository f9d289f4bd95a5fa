// One service: counts and actions (scale, force a deployment, roll back), its deployments
// with rollout state, latest events, load balancers, auto scaling, and its tasks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorText, useErrorToast } from '../../components/Toasts';
import { client, orpc } from '../../lib/rpc';
import { ago, shortArn, statusClass } from '../aws/format';
import { awsLive } from '../aws/poll';
import { TasksTable } from './TasksTable';
import { AwsTable } from '../aws/AwsTable';

type Action = { kind: 'scale'; desiredCount: number } | { kind: 'force' } | { kind: 'rollback' };

export function ServiceDetail({ cluster, service }: { cluster: string; service: string }) {
  const queryClient = useQueryClient();
  const toast = useErrorToast();
  const detail = useQuery({ ...orpc.aws.ecs.service.queryOptions({ input: { cluster, service } }), ...awsLive(5_000) });
  const [desired, setDesired] = useState<string>();
  const [confirmRollback, setConfirmRollback] = useState(false);
  const act = useMutation({
    mutationFn: async (a: Action) => {
      if (a.kind === 'scale') return client.aws.ecs.scale({ cluster, service, desiredCount: a.desiredCount });
      if (a.kind === 'force') return client.aws.ecs.forceDeployment({ cluster, service });
      return (await client.aws.ecs.rollBack({ cluster, service })).service;
    },
    onSuccess: () => {
      setDesired(undefined);
      setConfirmRollback(false);
      void queryClient.invalidateQueries({ queryKey: orpc.aws.ecs.key() });
    },
    onError: (e, a) => a.kind !== 'rollback' && toast(`${a.kind === 'scale' ? 'Scaling' : 'Forcing a deployment of'} ${service} failed`, e),
  });
  const s = detail.data;
  if (detail.error) return <p className="error-text" role="alert">{errorText(detail.error)}</p>;
  if (!s) return <p className="muted">Loading {service}…</p>;
  const count = desired ?? String(s.desired);
  return (
    <div className="aws-panel service-detail" aria-label={`Service ${service}`}>
      <div className="service-head">
        <h2 className="aws-h2">{s.name}</h2>
        <span className={statusClass(s.status)}>{s.status}</span>
        <span className="muted">
          {s.launchType} · runs <span className="mono">{s.family}:{s.revision}</span> · {s.running} running, {s.pending} pending of {s.desired}
        </span>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            act.mutate({ kind: 'scale', desiredCount: Number(count) });
          }}
        >
          <label>
            Desired
            <input aria-label="Desired count" type="number" min={0} max={10000} value={count} onChange={(e) => setDesired(e.target.value)} />
          </label>
          <button type="submit" disabled={act.isPending || count === String(s.desired) || count === ''}>
            Scale
          </button>
        </form>
        <button onClick={() => act.mutate({ kind: 'force' })} disabled={act.isPending}>
          Force new deployment
        </button>
        <button onClick={() => setConfirmRollback(true)} disabled={act.isPending || (s.revision ?? 0) <= 1}>
          Roll back
        </button>
      </div>
      <h3 className="aws-h3">Deployments</h3>
      <AwsTable label="Deployments" headers={['Deployment', 'Status', 'Revision', 'Rollout', 'Desired / running / pending / failed', 'Updated']} rows={detail.data?.deployments} emptyText="No deployments.">
        {s.deployments.map((d) => (
          <tr key={d.id}>
            <td className="mono">{d.id}</td>
            <td>
              <span className={statusClass(d.status)}>{d.status}</span>
            </td>
            <td className="mono">{d.revision ?? shortArn(d.taskDefinition)}</td>
            <td title={d.rolloutStateReason}>{d.rolloutState ? <span className={statusClass(d.rolloutState)}>{d.rolloutState}</span> : '—'}</td>
            <td>
              {d.desired} / {d.running} / {d.pending} / {d.failedTasks}
            </td>
            <td>{ago(d.updatedAt)}</td>
          </tr>
        ))}
      </AwsTable>
      <div className="service-cols">
        <div>
          <h3 className="aws-h3">Latest events</h3>
          {s.events.length === 0 ? (
            <p className="muted">No events yet.</p>
          ) : (
            <ul className="aws-events">
              {s.events.map((e) => (
                <li key={e.id}>
                  <span className="muted">{ago(e.at)}</span> {e.message}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="aws-h3">Load balancers</h3>
          {s.loadBalancers.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="aws-events">
              {s.loadBalancers.map((lb, i) => (
                <li key={i} className="mono">
                  {lb.loadBalancerName ?? shortArn(lb.targetGroupArn ?? '')} → {lb.containerName}:{lb.containerPort}
                </li>
              ))}
            </ul>
          )}
          <h3 className="aws-h3">Auto scaling</h3>
          {s.scaling.target ? (
            <p>
              {s.scaling.target.min}–{s.scaling.target.max} tasks{s.scaling.target.suspended ? ' (suspended)' : ''}
            </p>
          ) : (
            <p className="muted">Not registered with Application Auto Scaling.</p>
          )}
          <ul className="aws-events">
            {s.scaling.policies.map((p) => (
              <li key={p.name}>
                <span className="strong">{p.name}</span> <span className="muted">{p.type}</span>: {p.summary}
              </li>
            ))}
          </ul>
          {s.network && (
            <>
              <h3 className="aws-h3">Network</h3>
              <p className="mono small">
                {s.network.subnets.join(', ')} · {s.network.securityGroups.join(', ')} · public IP {s.network.assignPublicIp ?? 'DISABLED'}
              </p>
            </>
          )}
        </div>
      </div>
      <TasksTable cluster={cluster} service={service} network={s.network} />
      {confirmRollback && (
        <ConfirmDialog
          title={`Roll back ${service}?`}
          confirmLabel="Roll back"
          busy={act.isPending}
          error={act.error ? errorText(act.error) : undefined}
          onConfirm={() => act.mutate({ kind: 'rollback' })}
          onCancel={() => (setConfirmRollback(false), act.reset())}
        >
          <p>
            {service} runs {s.family}:{s.revision}. It will be updated to the previous ACTIVE revision of {s.family}, and ECS starts a new deployment.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
