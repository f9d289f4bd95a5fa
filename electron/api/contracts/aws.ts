// AWS: the account in use (profiles, region, identity), ECR, ECS, task logs and deploy.
// Outputs are typed by the plain modules in electron/aws and electron/deploy; none of them
// carries credentials (tokens and keys stay in the main process).
import { eventIterator, oc, type } from '@orpc/contract';
import { z } from 'zod';
import type { Finding, ImageRow, RepositoryRow } from '../../aws/ecr';
import type { ClusterRow, ContainerInstanceRow, ServiceDetail, ServiceRow, TaskRow } from '../../aws/ecs';
import type { LogEvent, LogSource } from '../../aws/logs';
import type { AccountStatus, Identity } from '../../aws/session';
import type { DeployPlan } from '../../deploy/pipeline';
import type { RunEvent } from '../../deploy/runner';
import { EngineId } from '../schemas';
import {
  ClusterInput,
  DeployTargetInput,
  EcsName,
  LogGroup,
  LogStream,
  ProfileName,
  PullInput,
  PushInput,
  Region,
  RegistryHost,
  RepoImageInput,
  RepositoryName,
  RunTaskInput,
  ServiceInput,
  TaskDefinitionRef,
} from './aws-inputs';

export interface TransferEvent {
  fraction: number;
  message?: string;
  layers: number;
  /** Set on the last event. */
  done?: { ref: string; digest?: string };
}

export interface LocalImageRow {
  engineId: string;
  engineName: string;
  id: string;
  tags: string[];
  size: number;
  created: number;
}

const account = {
  status: oc.output(type<AccountStatus & { regions: string[] }>()),
  setAccount: oc.input(z.object({ profile: ProfileName.nullable().optional(), region: Region.optional() })).output(type<AccountStatus>()),
  setRegistryHost: oc.input(z.object({ host: RegistryHost.nullable() })).output(type<{ ecrRegistryHost?: string }>()),
  identity: oc.output(type<Identity>()),
};

const ecr = {
  repositories: oc.output(type<RepositoryRow[]>()),
  images: oc.input(z.object({ repository: RepositoryName })).output(type<ImageRow[]>()),
  findings: oc.input(RepoImageInput).output(type<Finding[]>()),
  createRepository: oc
    .input(z.object({ name: RepositoryName, tagMutability: z.enum(['MUTABLE', 'IMMUTABLE']).default('MUTABLE'), scanOnPush: z.boolean().default(false) }))
    .output(z.void()),
  deleteRepository: oc.input(z.object({ name: RepositoryName, force: z.boolean().default(false) })).output(z.void()),
  deleteImage: oc.input(RepoImageInput).output(z.void()),
  push: oc.input(PushInput).output(eventIterator(type<TransferEvent>())),
  pull: oc.input(PullInput).output(eventIterator(type<TransferEvent>())),
};

const ecs = {
  clusters: oc.output(type<ClusterRow[]>()),
  services: oc.input(ClusterInput).output(type<ServiceRow[]>()),
  service: oc.input(ServiceInput).output(type<ServiceDetail>()),
  tasks: oc.input(ClusterInput.extend({ service: EcsName.optional() })).output(type<TaskRow[]>()),
  families: oc.output(type<string[]>()),
  revisions: oc.input(z.object({ family: TaskDefinitionRef })).output(type<Array<{ arn: string; revision: number }>>()),
  taskDefinition: oc.input(z.object({ taskDefinition: TaskDefinitionRef })).output(type<{ arn: string; json: string }>()),
  containerInstances: oc.input(ClusterInput).output(type<ContainerInstanceRow[]>()),
  scale: oc.input(ServiceInput.extend({ desiredCount: z.number().int().min(0).max(10_000) })).output(type<ServiceRow>()),
  forceDeployment: oc.input(ServiceInput).output(type<ServiceRow>()),
  rollBack: oc.input(ServiceInput).output(type<{ service: ServiceRow; from: string; to: string }>()),
  stopTask: oc.input(ClusterInput.extend({ task: EcsName, reason: z.string().max(255).default('Stopped from Berth') })).output(type<TaskRow>()),
  runTask: oc.input(RunTaskInput).output(type<TaskRow[]>()),
  deregister: oc.input(z.object({ taskDefinition: TaskDefinitionRef })).output(z.void()),
};

const logs = {
  sources: oc.input(ClusterInput.extend({ task: EcsName })).output(type<LogSource[]>()),
  follow: oc
    .input(z.object({ group: LogGroup, stream: LogStream.optional(), tail: z.number().int().min(1).max(1000).default(200) }))
    .output(eventIterator(type<LogEvent[]>())),
};

const deploy = {
  localImages: oc.input(z.object({ engineId: EngineId.optional() })).output(type<LocalImageRow[]>()),
  plan: oc.input(DeployTargetInput).output(type<DeployPlan>()),
  apply: oc.input(DeployTargetInput.extend({ watchSeconds: z.number().int().min(5).max(3600).default(300) })).output(eventIterator(type<RunEvent>())),
};

export const aws = { account, ecr, ecs, logs, deploy };
