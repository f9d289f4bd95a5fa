// Pods (Podman's libpod API), Kubernetes YAML (generate, play, down) and Compose groups.
import { eventIterator, oc } from '@orpc/contract';
import { z } from 'zod';
import { ContainerRef, ContainerStateName, EngineId, PortMapping } from '../schemas';

/** Pod names follow container names' rules; ids are hex. Both are accepted as a reference. */
export const PodRef = ContainerRef;
export const PodTarget = z.object({ engineId: EngineId, id: PodRef });

export const PodState = z.enum(['created', 'running', 'degraded', 'paused', 'stopped', 'exited', 'error', 'unknown']);

export const PodContainer = z.object({
  id: z.string(),
  name: z.string(),
  image: z.string(),
  state: ContainerStateName,
  /** The pod's infra container (holds its namespaces and published ports). */
  infra: z.boolean(),
});

export const PodRow = z.object({
  engineId: EngineId,
  id: z.string(),
  name: z.string(),
  state: PodState,
  created: z.number(),
  infraId: z.string().optional(),
  containers: z.array(PodContainer),
  ports: z.array(PortMapping),
  labels: z.record(z.string(), z.string()),
  networks: z.array(z.string()),
});
export type PodRow = z.infer<typeof PodRow>;

export const PublishedPort = z.object({
  containerPort: z.number().int().min(1).max(65535),
  hostPort: z.number().int().min(1).max(65535).optional(),
  protocol: z.enum(['tcp', 'udp', 'sctp']).default('tcp'),
  hostIp: z.union([z.ipv4(), z.ipv6()]).optional(),
});

const LabelKey = z.string().min(1).max(253).regex(/^[^=\s]+$/, 'a label key has no spaces or "="');

export const PodCreateInput = z.object({
  engineId: EngineId,
  name: PodRef,
  ports: z.array(PublishedPort).max(64).default([]),
  labels: z.record(LabelKey, z.string().max(4096)).default({}),
});

export const AddContainerInput = z.object({
  engineId: EngineId,
  pod: PodRef,
  image: z.string().trim().min(1, 'enter an image').max(512),
  name: ContainerRef.optional(),
  command: z.array(z.string().max(4096)).max(256).optional(),
  labels: z.record(LabelKey, z.string().max(4096)).optional(),
  start: z.boolean().default(true),
});

export const LogLine = z.object({ t: z.number(), container: z.string(), stream: z.enum(['stdout', 'stderr']), text: z.string() });
export type LogLine = z.infer<typeof LogLine>;
export const LogBatch = z.object({ lines: z.array(LogLine), dropped: z.number().int(), containers: z.array(z.string()).optional() });

/** Kube YAML bodies: up to 1 MiB of text. */
const KubeYaml = z.string().min(1, 'the YAML is empty').max(1024 * 1024, 'the YAML is larger than 1 MiB');

export const ComposeTarget = z.object({ engineId: EngineId, project: z.string().min(1).max(255).regex(/^[^\s=]+$/, 'not a Compose project name') });

export const pods = {
  /** Pods of one Podman engine, or of every connected Podman engine (the run dialog's suggestions). */
  list: oc.input(z.object({ engineId: EngineId.optional() })).output(z.array(PodRow)),
  /** One pod's current row, or null when it is gone (live events patch rows with it). */
  get: oc.input(PodTarget).output(PodRow.nullable()),
  create: oc.input(PodCreateInput).output(PodRow),
  start: oc.input(PodTarget).output(z.void()),
  stop: oc.input(PodTarget.extend({ timeoutSeconds: z.number().int().min(0).max(600).optional() })).output(z.void()),
  restart: oc.input(PodTarget).output(z.void()),
  pause: oc.input(PodTarget).output(z.void()),
  unpause: oc.input(PodTarget).output(z.void()),
  kill: oc.input(PodTarget.extend({ signal: z.string().regex(/^(SIG)?[A-Z0-9]+$/).max(16).optional() })).output(z.void()),
  remove: oc.input(PodTarget.extend({ force: z.boolean().default(false) })).output(z.void()),
  /** Creates a container inside a pod (libpod; the compat API has no pods), started unless asked not to. */
  addContainer: oc.input(AddContainerInput).output(z.object({ id: z.string(), warnings: z.array(z.string()) })),
  /** The merged logs of the pod's containers, in batches, each line naming its container. */
  logs: oc.input(PodTarget.extend({ tail: z.number().int().min(0).max(5000).default(200) })).output(eventIterator(LogBatch)),
  kube: {
    /** Kubernetes YAML of pods or containers (by name or id). */
    generate: oc
      .input(z.object({ engineId: EngineId, names: z.array(PodRef).min(1).max(50), service: z.boolean().default(false) }))
      .output(z.object({ yaml: z.string() })),
    /** Plays YAML; on failure nothing it made is left, and the engine's words are the error. */
    play: oc
      .input(z.object({ engineId: EngineId, yaml: KubeYaml }))
      .output(z.object({ pods: z.array(z.object({ id: z.string(), name: z.string(), containers: z.number().int() })) })),
    /** Takes down (stops and removes) the pods a YAML made. */
    down: oc.input(z.object({ engineId: EngineId, yaml: KubeYaml })).output(z.object({ removed: z.array(z.string()) })),
  },
  compose: {
    start: oc.input(ComposeTarget).output(z.object({ containers: z.number().int() })),
    stop: oc.input(ComposeTarget.extend({ timeoutSeconds: z.number().int().min(0).max(600).optional() })).output(z.object({ containers: z.number().int() })),
    remove: oc.input(ComposeTarget).output(z.object({ containers: z.number().int() })),
  },
};
