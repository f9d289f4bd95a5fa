// Running a new container (the Run dialog), and the local image names it suggests.
import { oc } from '@orpc/contract';
import { z } from 'zod';
import { EngineId } from '../schemas';

const Port = z.number().int().min(1).max(65535);
const NameLike = z.string().trim().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'use letters, digits, _ . - (starting with a letter or digit)').max(128);

export const RunSpec = z.object({
  engineId: EngineId,
  image: z.string().trim().min(1, 'choose an image').max(512),
  name: NameLike.optional(),
  /** Command and arguments, already split (empty: the image's default). */
  cmd: z.array(z.string().max(4096)).max(256).default([]),
  entrypoint: z.array(z.string().max(4096)).max(64).optional(),
  env: z
    .array(z.object({ key: z.string().min(1).max(256).regex(/^[^=\s]+$/, 'an environment name has no "=" or spaces'), value: z.string().max(32_768) }))
    .max(512)
    .default([]),
  ports: z
    .array(
      z.object({
        hostIp: z.string().max(64).optional(),
        /** Absent: the engine picks a free port. */
        hostPort: Port.optional(),
        containerPort: Port,
        protocol: z.enum(['tcp', 'udp', 'sctp']).default('tcp'),
      }),
    )
    .max(256)
    .default([]),
  mounts: z
    .array(
      z.object({
        type: z.enum(['bind', 'volume']),
        /** A host path (bind) or a volume name (volume; empty: an anonymous volume). */
        source: z.string().max(4096),
        target: z.string().min(1).max(4096).startsWith('/', 'a mount target is an absolute path'),
        readOnly: z.boolean().default(false),
      }),
    )
    .max(128)
    .default([]),
  restart: z.enum(['no', 'always', 'unless-stopped', 'on-failure']).default('no'),
  network: z.string().trim().max(256).optional(),
  labels: z.record(z.string().min(1).max(256), z.string().max(4096)).default({}),
  autoRemove: z.boolean().default(false),
  start: z.boolean().default(true),
  /** Podman only: the pod to join (name or id). */
  pod: z.string().trim().max(256).optional(),
});
export type RunSpec = z.infer<typeof RunSpec>;

export const RunResult = z.object({ id: z.string(), name: z.string(), started: z.boolean(), warnings: z.array(z.string()) });

export const containerRun = {
  run: oc.input(RunSpec).output(RunResult),
  /** Local image names (repo:tag) to suggest in the Run dialog; not the Images page. */
  imageNames: oc.input(z.object({ engineId: EngineId })).output(z.array(z.string())),
};
