// ECS reads: clusters, services (with deployments, events, load balancers and auto
// scaling), tasks, task definitions and container instances, as plain rows for the UI.
import {
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListClustersCommand,
  ListContainerInstancesCommand,
  ListServicesCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  type Deployment,
  type ECSClient,
  type Service,
  type Task,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import type { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { describeScaling, type ServiceScaling } from './scaling';

export interface ClusterRow {
  name: string;
  arn: string;
  status: string;
  activeServices: number;
  runningTasks: number;
  pendingTasks: number;
  containerInstances: number;
  capacityProviders: string[];
}

export interface DeploymentRow {
  id: string;
  status: string;
  taskDefinition: string;
  revision?: number;
  desired: number;
  running: number;
  pending: number;
  failedTasks: number;
  rolloutState?: string;
  rolloutStateReason?: string;
  createdAt?: number;
  updatedAt?: number;
}

export interface ServiceRow {
  name: string;
  arn: string;
  cluster: string;
  status: string;
  launchType: string;
  desired: number;
  running: number;
  pending: number;
  taskDefinition: string;
  family: string;
  revision?: number;
  rolloutState?: string;
}

export interface ServiceDetail extends ServiceRow {
  deployments: DeploymentRow[];
  events: Array<{ id: string; at?: number; message: string }>;
  loadBalancers: Array<{ targetGroupArn?: string; loadBalancerName?: string; containerName?: string; containerPort?: number }>;
  network?: { subnets: string[]; securityGroups: string[]; assignPublicIp?: string };
  scaling: ServiceScaling;
}

export interface TaskRow {
  id: string;
  arn: string;
  lastStatus: string;
  desiredStatus: string;
  taskDefinition: string;
  family: string;
  revision?: number;
  launchType?: string;
  group?: string;
  stopReason?: string;
  createdAt?: number;
  startedAt?: number;
  stoppedAt?: number;
  containers: Array<{ name: string; image?: string; lastStatus?: string; exitCode?: number; reason?: string }>;
}

export interface ContainerInstanceRow {
  id: string;
  arn: string;
  ec2InstanceId?: string;
  status: string;
  agentConnected: boolean;
  runningTasks: number;
  pendingTasks: number;
  cpu?: { registered?: number; remaining?: number };
  memory?: { registered?: number; remaining?: number };
}

const ms = (d: Date | undefined) => (d ? d.getTime() : undefined);
const lastPart = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

/** "arn:…:task-definition/web:7" → {family: "web", revision: 7}. */
export function parseTaskDefinitionArn(arn: string): { family: string; revision?: number } {
  const m = /([^/:]+):(\d+)$/.exec(lastPart(arn)) ?? /([^/:]+):(\d+)$/.exec(arn);
  return m ? { family: m[1]!, revision: Number(m[2]) } : { family: lastPart(arn) };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function listAll<T>(page: (token?: string) => Promise<{ items?: T[]; nextToken?: string }>): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const r = await page(token);
    all.push(...(r.items ?? []));
    token = r.nextToken;
  } while (token);
  return all;
}

export async function listClusters(ecs: ECSClient): Promise<ClusterRow[]> {
  const arns = await listAll(async (nextToken) => {
    const r = await ecs.send(new ListClustersCommand({ nextToken }));
    return { items: r.clusterArns ?? [], ...(r.nextToken ? { nextToken: r.nextToken } : {}) };
  });
  const rows: ClusterRow[] = [];
  for (const part of chunks(arns, 100)) {
    const r = await ecs.send(new DescribeClustersCommand({ clusters: part }));
    for (const c of r.clusters ?? []) {
      rows.push({
        name: c.clusterName ?? lastPart(c.clusterArn ?? ''),
        arn: c.clusterArn ?? '',
        status: c.status ?? 'UNKNOWN',
        // Counts below zero are an emulator's bookkeeping (moto), never a real state.
        activeServices: Math.max(0, c.activeServicesCount ?? 0),
        runningTasks: Math.max(0, c.runningTasksCount ?? 0),
        pendingTasks: Math.max(0, c.pendingTasksCount ?? 0),
        containerInstances: c.registeredContainerInstancesCount ?? 0,
        capacityProviders: c.capacityProviders ?? [],
      });
    }
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

function deploymentRow(d: Deployment): DeploymentRow {
  const createdAt = ms(d.createdAt);
  const updatedAt = ms(d.updatedAt);
  const { revision } = parseTaskDefinitionArn(d.taskDefinition ?? '');
  return {
    id: d.id ?? '',
    status: d.status ?? '',
    taskDefinition: d.taskDefinition ?? '',
    ...(revision !== undefined ? { revision } : {}),
    desired: d.desiredCount ?? 0,
    running: d.runningCount ?? 0,
    pending: d.pendingCount ?? 0,
    failedTasks: d.failedTasks ?? 0,
    ...(d.rolloutState ? { rolloutState: d.rolloutState } : {}),
    ...(d.rolloutStateReason ? { rolloutStateReason: d.rolloutStateReason } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
  };
}

export function serviceRow(s: Service, cluster: string): ServiceRow {
  const td = s.taskDefinition ?? '';
  const { family, revision } = parseTaskDefinitionArn(td);
  const primary = s.deployments?.find((d) => d.status === 'PRIMARY');
  return {
    name: s.serviceName ?? '',
    arn: s.serviceArn ?? '',
    cluster,
    status: s.status ?? '',
    launchType: s.launchType ?? (s.capacityProviderStrategy?.length ? s.capacityProviderStrategy.map((c) => c.capacityProvider).join('+') : 'EC2'),
    desired: s.desiredCount ?? 0,
    running: s.runningCount ?? 0,
    pending: s.pendingCount ?? 0,
    taskDefinition: td,
    family,
    ...(revision !== undefined ? { revision } : {}),
    ...(primary?.rolloutState ? { rolloutState: primary.rolloutState } : {}),
  };
}

export async function describeServices(ecs: ECSClient, cluster: string, names: string[]): Promise<Service[]> {
  const out: Service[] = [];
  for (const part of chunks(names, 10)) {
    const r = await ecs.send(new DescribeServicesCommand({ cluster, services: part }));
    if (r.failures?.length && !r.services?.length) {
      throw Object.assign(new Error(`${r.failures[0]!.arn ?? part[0]}: ${r.failures[0]!.reason ?? 'not found'}`), { name: 'ServiceNotFoundException' });
    }
    out.push(...(r.services ?? []));
  }
  return out;
}

export async function listServices(ecs: ECSClient, cluster: string): Promise<ServiceRow[]> {
  const arns = await listAll(async (nextToken) => {
    const r = await ecs.send(new ListServicesCommand({ cluster, nextToken }));
    return { items: r.serviceArns ?? [], ...(r.nextToken ? { nextToken: r.nextToken } : {}) };
  });
  const services = await describeServices(ecs, cluster, arns);
  return services.map((s) => serviceRow(s, cluster)).sort((a, b) => a.name.localeCompare(b.name));
}

export async function serviceDetail(ecs: ECSClient, scaling: ApplicationAutoScalingClient, cluster: string, service: string): Promise<ServiceDetail> {
  const [s] = await describeServices(ecs, cluster, [service]);
  if (!s) throw Object.assign(new Error(`No service "${service}" in cluster ${cluster}.`), { name: 'ServiceNotFoundException' });
  const net = s.networkConfiguration?.awsvpcConfiguration;
  return {
    ...serviceRow(s, cluster),
    deployments: (s.deployments ?? []).map(deploymentRow),
    events: (s.events ?? []).slice(0, 25).map((e) => ({ id: e.id ?? '', ...(e.createdAt ? { at: e.createdAt.getTime() } : {}), message: e.message ?? '' })),
    loadBalancers: (s.loadBalancers ?? []).map((lb) => ({
      ...(lb.targetGroupArn ? { targetGroupArn: lb.targetGroupArn } : {}),
      ...(lb.loadBalancerName ? { loadBalancerName: lb.loadBalancerName } : {}),
      ...(lb.containerName ? { containerName: lb.containerName } : {}),
      ...(lb.containerPort !== undefined ? { containerPort: lb.containerPort } : {}),
    })),
    ...(net ? { network: { subnets: net.subnets ?? [], securityGroups: net.securityGroups ?? [], ...(net.assignPublicIp ? { assignPublicIp: net.assignPublicIp } : {}) } } : {}),
    scaling: await describeScaling(scaling, cluster, s.serviceName ?? service),
  };
}

export function taskRow(t: Task): TaskRow {
  const arn = t.taskArn ?? '';
  const { family, revision } = parseTaskDefinitionArn(t.taskDefinitionArn ?? '');
  const at = (d?: Date) => ms(d);
  return {
    id: lastPart(arn),
    arn,
    lastStatus: t.lastStatus ?? '',
    desiredStatus: t.desiredStatus ?? '',
    taskDefinition: t.taskDefinitionArn ?? '',
    family,
    ...(revision !== undefined ? { revision } : {}),
    ...(t.launchType ? { launchType: t.launchType } : {}),
    ...(t.group ? { group: t.group } : {}),
    ...(t.stoppedReason ? { stopReason: t.stoppedReason } : {}),
    ...(at(t.createdAt) ? { createdAt: at(t.createdAt)! } : {}),
    ...(at(t.startedAt) ? { startedAt: at(t.startedAt)! } : {}),
    ...(at(t.stoppedAt) ? { stoppedAt: at(t.stoppedAt)! } : {}),
    containers: (t.containers ?? []).map((c) => ({
      name: c.name ?? '',
      ...(c.image ? { image: c.image } : {}),
      ...(c.lastStatus ? { lastStatus: c.lastStatus } : {}),
      ...(c.exitCode !== undefined ? { exitCode: c.exitCode } : {}),
      ...(c.reason ? { reason: c.reason } : {}),
    })),
  };
}

export async function describeTasksByArn(ecs: ECSClient, cluster: string, arns: string[]): Promise<Task[]> {
  const out: Task[] = [];
  for (const part of chunks(arns, 100)) out.push(...((await ecs.send(new DescribeTasksCommand({ cluster, tasks: part }))).tasks ?? []));
  return out;
}

/** Tasks of a cluster (running and recently stopped), or of one service. */
export async function listTasks(ecs: ECSClient, cluster: string, serviceName?: string): Promise<TaskRow[]> {
  const arns: string[] = [];
  for (const desiredStatus of ['RUNNING', 'STOPPED'] as const) {
    arns.push(
      ...(await listAll(async (nextToken) => {
        const r = await ecs.send(new ListTasksCommand({ cluster, desiredStatus, nextToken, ...(serviceName ? { serviceName } : {}) }));
        return { items: r.taskArns ?? [], ...(r.nextToken ? { nextToken: r.nextToken } : {}) };
      })),
    );
  }
  const rows = (await describeTasksByArn(ecs, cluster, [...new Set(arns)])).map(taskRow);
  // ListTasks' serviceName filter is not honoured everywhere (moto): filter by the group too.
  const mine = serviceName ? rows.filter((t) => !t.group || t.group === `service:${serviceName}`) : rows;
  return mine.sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
}

export async function listFamilies(ecs: ECSClient): Promise<string[]> {
  return listAll(async (nextToken) => {
    const r = await ecs.send(new ListTaskDefinitionFamiliesCommand({ status: 'ACTIVE', nextToken }));
    return { items: r.families ?? [], ...(r.nextToken ? { nextToken: r.nextToken } : {}) };
  });
}

/** ACTIVE revisions of a family, newest first. */
export async function listRevisions(ecs: ECSClient, family: string): Promise<Array<{ arn: string; revision: number }>> {
  const arns = await listAll(async (nextToken) => {
    const r = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE', sort: 'DESC', nextToken }));
    return { items: r.taskDefinitionArns ?? [], ...(r.nextToken ? { nextToken: r.nextToken } : {}) };
  });
  return arns
    .map((arn) => ({ arn, ...parseTaskDefinitionArn(arn) }))
    .filter((r) => r.family === family && r.revision !== undefined)
    .map((r) => ({ arn: r.arn, revision: r.revision! }))
    .sort((a, b) => b.revision - a.revision);
}

export async function describeTaskDefinition(ecs: ECSClient, taskDefinition: string): Promise<TaskDefinition> {
  const r = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }));
  if (!r.taskDefinition) throw Object.assign(new Error(`No task definition ${taskDefinition}.`), { name: 'ClientException' });
  return r.taskDefinition;
}

export async function listContainerInstances(ecs: ECSClient, cluster: string): Promise<ContainerInstanceRow[]> {
  const arns = await listAll(async (nextToken) => {
    const r = await ecs.send(new ListContainerInstancesCommand({ cluster, nextToken }));
    return { items: r.containerInstanceArns ?? [], ...(r.nextToken ? { nextToken: r.nextToken } : {}) };
  });
  const rows: ContainerInstanceRow[] = [];
  for (const part of chunks(arns, 100)) {
    const r = await ecs.send(new DescribeContainerInstancesCommand({ cluster, containerInstances: part }));
    for (const ci of r.containerInstances ?? []) {
      const res = (list: typeof ci.registeredResources, name: string) => list?.find((x) => x.name === name)?.integerValue;
      rows.push({
        id: lastPart(ci.containerInstanceArn ?? ''),
        arn: ci.containerInstanceArn ?? '',
        ...(ci.ec2InstanceId ? { ec2InstanceId: ci.ec2InstanceId } : {}),
        status: ci.status ?? '',
        agentConnected: ci.agentConnected ?? false,
        runningTasks: ci.runningTasksCount ?? 0,
        pendingTasks: ci.pendingTasksCount ?? 0,
        cpu: { registered: res(ci.registeredResources, 'CPU'), remaining: res(ci.remainingResources, 'CPU') },
        memory: { registered: res(ci.registeredResources, 'MEMORY'), remaining: res(ci.remainingResources, 'MEMORY') },
      });
    }
  }
  return rows;
}
