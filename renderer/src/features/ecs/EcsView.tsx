// ECS: clusters on the left with the local images to deploy; the chosen cluster's services
// (each a drop target for a local image), then the chosen service or the cluster's tasks.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../components/Toasts';
import { navigate } from '../../lib/route';
import { orpc } from '../../lib/rpc';
import { awsLive } from '../aws/poll';
import { statusClass } from '../aws/format';
import { DeployDialog, type DeployStart } from '../deploy/DeployDialog';
import { LocalImages } from '../deploy/LocalImages';
import { ContainerInstances } from './ContainerInstances';
import { ServiceDetail } from './ServiceDetail';
import { ServicesTable } from './ServicesTable';
import { TasksTable } from './TasksTable';

export function EcsView({ cluster, service }: { cluster?: string | undefined; service?: string | undefined }) {
  const clusters = useQuery({ ...orpc.aws.ecs.clusters.queryOptions(), ...awsLive(15_000) });
  const [deploy, setDeploy] = useState<DeployStart>();
  const current = cluster ?? clusters.data?.[0]?.name;
  const chosen = clusters.data?.find((c) => c.name === current);
  return (
    <div className="ecs-layout">
      <aside className="ecs-side">
        <h2 className="aws-h2">Clusters</h2>
        {clusters.error && (
          <p className="error-text" role="alert">
            {errorText(clusters.error)}
          </p>
        )}
        {clusters.isPending && <p className="muted">Loading…</p>}
        {clusters.data?.length === 0 && <p className="muted">No ECS clusters in this account and region.</p>}
        <ul className="aws-list" aria-label="Clusters">
          {clusters.data?.map((c) => (
            <li key={c.arn}>
              <button className={c.name === current ? 'aws-card on' : 'aws-card'} aria-current={c.name === current} onClick={() => navigate('aws', 'ecs', c.name)}>
                <span className="strong">{c.name}</span> <span className={statusClass(c.status)}>{c.status}</span>
                <span className="muted small">
                  {c.activeServices} services · {c.runningTasks} running · {c.pendingTasks} pending
                  {c.containerInstances ? ` · ${c.containerInstances} instances` : ''}
                </span>
                {c.capacityProviders.length > 0 && <span className="muted small">{c.capacityProviders.join(', ')}</span>}
              </button>
            </li>
          ))}
        </ul>
        <LocalImages onDeploy={(image) => setDeploy({ image, ...(current ? { cluster: current } : {}) })} />
      </aside>
      <div className="ecs-main">
        {current && (
          <>
            <ServicesTable cluster={current} selected={service} onDeploy={setDeploy} />
            {service ? (
              <ServiceDetail cluster={current} service={service} />
            ) : (
              <>
                <TasksTable cluster={current} />
                {chosen && chosen.containerInstances > 0 && <ContainerInstances cluster={current} />}
              </>
            )}
          </>
        )}
      </div>
      {deploy && <DeployDialog start={deploy} onClose={() => setDeploy(undefined)} />}
    </div>
  );
}
