// Run a one-off task: Fargate (subnets, security groups, public IP) or EC2.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../components/Toasts';
import { client, orpc } from '../../lib/rpc';
import type { NetworkDefaults } from './TasksTable';
import { useModal } from '../aws/AwsTable';

const list = (s: string) => s.split(/[\s,]+/).filter(Boolean);

export function RunTaskDialog({ cluster, network, onClose }: { cluster: string; network?: NetworkDefaults | undefined; onClose(): void }) {
  const queryClient = useQueryClient();
  const ref = useModal();
  const families = useQuery({ ...orpc.aws.ecs.families.queryOptions(), staleTime: 30_000 });
  const [taskDefinition, setTaskDefinition] = useState('');
  const [launchType, setLaunchType] = useState<'FARGATE' | 'EC2'>('FARGATE');
  const [subnets, setSubnets] = useState(network?.subnets.join(', ') ?? '');
  const [groups, setGroups] = useState(network?.securityGroups.join(', ') ?? '');
  const [publicIp, setPublicIp] = useState(network?.assignPublicIp === 'ENABLED');
  const [count, setCount] = useState(1);
  const run = useMutation({
    mutationFn: () =>
      client.aws.ecs.runTask({
        cluster,
        taskDefinition: taskDefinition || families.data?.[0] || '',
        launchType,
        count,
        subnets: list(subnets),
        securityGroups: list(groups),
        assignPublicIp: publicIp,
      }),
    onSuccess: () => (void queryClient.invalidateQueries({ queryKey: orpc.aws.ecs.key() }), onClose()),
  });
  return (
    <dialog ref={ref} className="dialog" aria-label="Run a task" onCancel={(e) => (e.preventDefault(), onClose())}>
      <h2>Run a task in {cluster}</h2>
      <label>
        Task definition (family or family:revision)
        <input list="berth-families" value={taskDefinition} placeholder={families.data?.[0] ?? ''} onChange={(e) => setTaskDefinition(e.target.value)} />
        <datalist id="berth-families">
          {families.data?.map((f) => <option key={f} value={f} />)}
        </datalist>
      </label>
      <label>
        Launch type
        <select value={launchType} onChange={(e) => setLaunchType(e.target.value as 'FARGATE' | 'EC2')}>
          <option value="FARGATE">Fargate</option>
          <option value="EC2">EC2</option>
        </select>
      </label>
      <label>
        Subnets {launchType === 'FARGATE' ? '(required for awsvpc)' : '(awsvpc only)'}
        <input className="mono" value={subnets} placeholder="subnet-…, subnet-…" onChange={(e) => setSubnets(e.target.value)} />
      </label>
      <label>
        Security groups
        <input className="mono" value={groups} placeholder="sg-…" onChange={(e) => setGroups(e.target.value)} />
      </label>
      <label className="check">
        <input type="checkbox" checked={publicIp} onChange={(e) => setPublicIp(e.target.checked)} /> Assign a public IP
      </label>
      <label>
        Count
        <input type="number" min={1} max={10} value={count} onChange={(e) => setCount(Number(e.target.value))} />
      </label>
      {run.error && (
        <p className="error-text" role="alert">
          {errorText(run.error)}
        </p>
      )}
      <div className="dialog-actions">
        <button onClick={onClose}>Cancel</button>
        <button className="primary" disabled={run.isPending || (launchType === 'FARGATE' && !list(subnets).length)} onClick={() => run.mutate()}>
          {run.isPending ? 'Starting…' : 'Run'}
        </button>
      </div>
    </dialog>
  );
}
