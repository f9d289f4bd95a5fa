// ECS actions: scale, force a new deployment, roll back one revision, stop and run tasks,
// deregister a revision. Each returns what changed so the UI can show it at once.
import {
  DeregisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type ECSClient,
} from '@aws-sdk/client-ecs';
import { describeServices, listRevisions, parseTaskDefinitionArn, serviceRow, taskRow, type ServiceRow, type TaskRow } from './ecs';

async function update(ecs: ECSClient, cluster: string, service: string, change: { desiredCount?: number; forceNewDeployment?: boolean; taskDefinition?: string }): Promise<ServiceRow> {
  const r = await ecs.send(new UpdateServiceCommand({ cluster, service, ...change }));
  if (!r.service) throw new Error(`ECS returned no service after updating ${service}.`);
  return serviceRow(r.service, cluster);
}

export const scaleService = (ecs: ECSClient, cluster: string, service: string, desiredCount: number) => update(ecs, cluster, service, { desiredCount });

export const forceNewDeployment = (ecs: ECSClient, cluster: string, service: string) => update(ecs, cluster, service, { forceNewDeployment: true });

export const updateServiceTaskDefinition = (ecs: ECSClient, cluster: string, service: string, taskDefinition: string) =>
  update(ecs, cluster, service, { taskDefinition });

/** The ACTIVE revision just below the one a service runs (what "roll back" goes to). */
export async function previousRevision(ecs: ECSClient, current: string): Promise<string | undefined> {
  const { family, revision } = parseTaskDefinitionArn(current);
  if (revision === undefined) return undefined;
  return (await listRevisions(ecs, family)).find((r) => r.revision < revision)?.arn;
}

export async function rollBack(ecs: ECSClient, cluster: string, service: string): Promise<{ service: ServiceRow; from: string; to: string }> {
  const [s] = await describeServices(ecs, cluster, [service]);
  const from = s?.taskDefinition ?? '';
  const to = await previousRevision(ecs, from);
  if (!to) {
    throw Object.assign(new Error(`${service} runs ${parseTaskDefinitionArn(from).family}:${parseTaskDefinitionArn(from).revision ?? '?'}, and no earlier ACTIVE revision exists to roll back to.`), {
      name: 'InvalidParameterException',
    });
  }
  return { service: await update(ecs, cluster, service, { taskDefinition: to }), from, to };
}

export async function stopTask(ecs: ECSClient, cluster: string, task: string, reason: string): Promise<TaskRow> {
  const r = await ecs.send(new StopTaskCommand({ cluster, task, reason }));
  if (!r.task) throw new Error(`ECS returned no task after stopping ${task}.`);
  return taskRow(r.task);
}

export interface RunTaskInput {
  cluster: string;
  taskDefinition: string;
  launchType: 'FARGATE' | 'EC2';
  count: number;
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: boolean;
}

export async function runTask(ecs: ECSClient, input: RunTaskInput): Promise<TaskRow[]> {
  const awsvpc = input.subnets.length
    ? { networkConfiguration: { awsvpcConfiguration: { subnets: input.subnets, securityGroups: input.securityGroups, assignPublicIp: input.assignPublicIp ? ('ENABLED' as const) : ('DISABLED' as const) } } }
    : {};
  const r = await ecs.send(
    new RunTaskCommand({ cluster: input.cluster, taskDefinition: input.taskDefinition, launchType: input.launchType, count: input.count, startedBy: 'berth', ...awsvpc }),
  );
  if (r.failures?.length && !r.tasks?.length) {
    throw Object.assign(new Error(r.failures.map((f) => `${f.arn ?? ''} ${f.reason ?? ''} ${f.detail ?? ''}`.trim()).join('; ')), { name: 'InvalidParameterException' });
  }
  return (r.tasks ?? []).map(taskRow);
}

export async function deregisterRevision(ecs: ECSClient, taskDefinition: string): Promise<void> {
  await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition }));
}
