// The services of a cluster. Each row takes a dropped local image (application/x-berth-image)
// and opens the deploy plan for it.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { carriesImage, readDraggedImage } from '../../lib/dnd';
import { navigate } from '../../lib/route';
import { orpc } from '../../lib/rpc';
import { statusClass } from '../aws/format';
import { awsLive } from '../aws/poll';
import type { DeployStart } from '../deploy/DeployDialog';
import { AwsTable } from '../aws/AwsTable';

export function ServicesTable({ cluster, selected, onDeploy }: { cluster: string; selected?: string | undefined; onDeploy(s: DeployStart): void }) {
  const services = useQuery({ ...orpc.aws.ecs.services.queryOptions({ input: { cluster } }), ...awsLive(10_000) });
  const [over, setOver] = useState<string>();
  return (
    <div className="aws-panel">
      <h2 className="aws-h2">
        Services in {cluster} <span className="muted small">drop a local image on a service to deploy it</span>
      </h2>
      <AwsTable label="Services" headers={['Service', 'Status', 'Launch', 'Desired / running / pending', 'Task definition', 'Rollout']} rows={services.data} error={services.error} emptyText="No services in this cluster.">
        {services.data?.map((s) => (
          <tr
            key={s.arn}
            data-service={s.name}
            className={[s.name === selected ? 'on' : '', over === s.name ? 'drop-over' : ''].join(' ')}
            onClick={() => navigate('aws', 'ecs', cluster, s.name)}
            onDragOver={(e) => {
              if (!carriesImage(e)) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'copy';
              setOver(s.name);
            }}
            onDragLeave={() => setOver((o) => (o === s.name ? undefined : o))}
            onDrop={(e) => {
              e.preventDefault();
              setOver(undefined);
              const image = readDraggedImage(e);
              if (image) onDeploy({ image, cluster, service: s.name });
            }}
          >
            <td className="strong">{s.name}</td>
            <td>
              <span className={statusClass(s.status)}>{s.status}</span>
            </td>
            <td>{s.launchType}</td>
            <td>
              {s.desired} / {s.running} / {s.pending}
            </td>
            <td className="mono" data-testid="service-taskdef">
              {s.family}:{s.revision ?? '?'}
            </td>
            <td>{s.rolloutState ? <span className={statusClass(s.rolloutState)}>{s.rolloutState}</span> : '—'}</td>
          </tr>
        ))}
      </AwsTable>
    </div>
  );
}
