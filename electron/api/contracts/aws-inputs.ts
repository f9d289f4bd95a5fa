// Input schemas of the AWS procedures: names as AWS allows them, checked before any call.
import { z } from 'zod';
import { EngineId } from '../schemas';

export const ProfileName = z.string().trim().min(1).max(128).regex(/^[\w.@+=,:/ -]+$/, 'not a profile name');
export const Region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'not an AWS region (e.g. eu-west-1)');
export const RegistryHost = z
  .string()
  .trim()
  .max(255)
  .regex(/^[a-zA-Z0-9.-]+(:\d{1,5})?$/, 'a registry host is host or host:port, e.g. 127.0.0.1:5001');
export const RepositoryName = z
  .string()
  .min(2)
  .max(256)
  .regex(/^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/, 'repository names are lowercase letters, digits and . _ - /');
export const ImageTag = z.string().regex(/^[\w][\w.-]{0,127}$/, 'not a valid tag');
export const Digest = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'not a sha256 digest');
/** A name or an ARN (clusters, services, tasks). */
export const EcsName = z.string().min(1).max(1600).regex(/^[A-Za-z0-9:/_.-]+$/, 'not an ECS name or ARN');
/** family:revision, family, or an ARN. */
export const TaskDefinitionRef = z.string().min(1).max(1600).regex(/^[A-Za-z0-9:/_.-]+$/, 'not a task definition');
export const LogGroup = z.string().min(1).max(512).regex(/^[\w\-/.#]+$/, 'not a log group name');
export const LogStream = z.string().min(1).max(512).regex(/^[^:*]+$/, 'not a log stream name');
/** A local image as the engine names it: a reference or an id. */
export const LocalImage = z.string().trim().min(1).max(512).regex(/^[\w][\w.:/@-]*$/, 'not an image reference or id');

export const ClusterInput = z.object({ cluster: EcsName });
export const ServiceInput = z.object({ cluster: EcsName, service: EcsName });
export const RepoImageInput = z.object({ repository: RepositoryName, digest: Digest });

export const PushInput = z.object({ engineId: EngineId, image: LocalImage, repository: RepositoryName, tag: ImageTag });
export const PullInput = z.object({ engineId: EngineId, repository: RepositoryName, tag: ImageTag.optional(), digest: Digest.optional() }).refine((v) => v.tag || v.digest, 'give a tag or a digest');

export const RunTaskInput = z.object({
  cluster: EcsName,
  taskDefinition: TaskDefinitionRef,
  launchType: z.enum(['FARGATE', 'EC2']),
  count: z.number().int().min(1).max(10).default(1),
  subnets: z.array(z.string().regex(/^subnet-[0-9a-f]+$/, 'not a subnet id')).max(16).default([]),
  securityGroups: z.array(z.string().regex(/^sg-[0-9a-f]+$/, 'not a security group id')).max(5).default([]),
  assignPublicIp: z.boolean().default(false),
});

export const DeployTargetInput = z.object({
  engineId: EngineId,
  image: LocalImage,
  cluster: EcsName,
  service: EcsName,
  container: z.string().min(1).max(255).optional(),
  repository: RepositoryName.optional(),
  tag: ImageTag.optional(),
});
