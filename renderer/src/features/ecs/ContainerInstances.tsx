// The EC2 container instances of a cluster: agent, tasks, CPU and memory left.
import { useQuery } from '@tanstack/react-query';
import { orpc } from '../../lib/rpc';
import { statusClass } from '../aws/format';
import { awsLive } from '../aws/poll';
import { AwsTable } from '../aws/AwsTable';

export function ContainerInstances({ cluster }: { cluster: string }) {
  const q = useQuery({ ...orpc.aws.ecs.containerInstances.queryOptions({ input: { cluster } }), ...awsLive(30_000) });
  return (
    <div className="aws-panel">
      <h2 className="aws-h2">Container instances</h2>
      <AwsTable label="Container instances" headers={['Instance', 'Status', 'Agent', 'Running / pending', 'CPU left', 'Memory left']} rows={q.data} error={q.error} emptyText="No container instances.">
        {q.data?.map((ci) => (
          <tr key={ci.arn}>
            <td className="mono">{ci.ec2InstanceId ?? ci.id.slice(0, 12)}</td>
            <td>
              <span className={statusClass(ci.status)}>{ci.status}</span>
            </td>
            <td>{ci.agentConnected ? 'connected' : <span className="danger-text">disconnected</span>}</td>
            <td>
              {ci.runningTasks} / {ci.pendingTasks}
            </td>
            <td>
              {ci.cpu?.remaining ?? '?'} / {ci.cpu?.registered ?? '?'}
            </td>
            <td>
              {ci.memory?.remaining ?? '?'} / {ci.memory?.registered ?? '?'} MiB
            </td>
          </tr>
        ))}
      </AwsTable>
    </div>
  );
}
