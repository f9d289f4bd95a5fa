// Tasks of a cluster (or one service): status, containers, stop reason and times; stop a
// task, read its logs, run a one-off task.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useErrorToast } from '../../components/Toasts';
import { client, orpc } from '../../lib/rpc';
import { ago, statusClass } from '../aws/format';
import { awsLive } from '../aws/poll';
import { RunTaskDialog } from './RunTaskDialog';
import { TaskLogs } from './TaskLogs';
import { AwsTable } from '../aws/AwsTable';

export interface NetworkDefaults {
  subnets: string[];
  securityGroups: string[];
  assignPublicIp?: string;
}

export function TasksTable({ cluster, service, network }: { cluster: string; service?: string; network?: NetworkDefaults | undefined }) {
  const queryClient = useQueryClient();
  const toast = useErrorToast();
  const tasks = useQuery({ ...orpc.aws.ecs.tasks.queryOptions({ input: { cluster, ...(service ? { service } : {}) } }), ...awsLive(5_000) });
  const [logsOf, setLogsOf] = useState<string>();
  const [running, setRunning] = useState(false);
  const stop = useMutation({
    mutationFn: (task: string) => client.aws.ecs.stopTask({ cluster, task, reason: 'Stopped from Berth' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orpc.aws.ecs.tasks.key() }),
    onError: (e, task) => toast(`Stopping task ${task.split('/').pop()} failed`, e),
  });
  const rows = tasks.data ?? [];
  return (
    <div className="aws-panel">
      <h2 className="aws-h2">
        Tasks{service ? ` of ${service}` : ` in ${cluster}`}{' '}
        <button className="small-button" onClick={() => setRunning(true)}>
          Run task…
        </button>
      </h2>
      <AwsTable label="Tasks" headers={['Task', 'Last / desired', 'Revision', 'Containers', 'Started', 'Stop reason', '']} rows={tasks.data} error={tasks.error} emptyText="No tasks.">
        {rows.map((t) => (
          <tr key={t.arn} data-task={t.id}>
            <td className="mono">{t.id.slice(0, 12)}</td>
            <td>
              <span className={statusClass(t.lastStatus)}>{t.lastStatus}</span> <span className="muted">→ {t.desiredStatus}</span>
            </td>
            <td className="mono">
              {t.family}:{t.revision}
            </td>
            <td>{t.containers.map((c) => `${c.name} (${c.lastStatus ?? '?'}${c.exitCode !== undefined ? `, exit ${c.exitCode}` : ''})`).join(', ')}</td>
            <td>{ago(t.startedAt ?? t.createdAt)}</td>
            <td className="muted">{t.stopReason ?? (t.stoppedAt ? `stopped ${ago(t.stoppedAt)}` : '')}</td>
            <td className="row-actions">
              <button aria-label={`Logs of ${t.id}`} onClick={() => setLogsOf(logsOf === t.arn ? undefined : t.arn)}>
                Logs
              </button>
              <button aria-label={`Stop ${t.id}`} disabled={t.desiredStatus === 'STOPPED' || stop.isPending} onClick={() => stop.mutate(t.arn)}>
                Stop
              </button>
            </td>
          </tr>
        ))}
      </AwsTable>
      {logsOf && <TaskLogs cluster={cluster} task={logsOf} onClose={() => setLogsOf(undefined)} />}
      {running && <RunTaskDialog cluster={cluster} network={network} onClose={() => setRunning(false)} />}
    </div>
  );
}
