import { oc } from '@orpc/contract';
import { z } from 'zod';
import { ContainerRow, ContainerTarget, EngineId } from '../schemas';

export const containers = {
  list: oc.input(z.object({ engineId: EngineId.optional() })).output(z.array(ContainerRow)),
  start: oc.input(ContainerTarget).output(z.void()),
  stop: oc.input(ContainerTarget.extend({ timeoutSeconds: z.number().int().min(0).max(600).optional() })).output(z.void()),
  restart: oc.input(ContainerTarget).output(z.void()),
  remove: oc.input(ContainerTarget.extend({ force: z.boolean().default(false), volumes: z.boolean().default(false) })).output(z.void()),
  pause: oc.input(ContainerTarget).output(z.void()),
  unpause: oc.input(ContainerTarget).output(z.void()),
  kill: oc.input(ContainerTarget.extend({ signal: z.string().regex(/^(SIG)?[A-Z0-9]+$/, 'a signal name such as SIGKILL').max(16).optional() })).output(z.void()),
  /** Removes stopped containers; `labels` (key or key=value) narrows it. */
  prune: oc
    .input(z.object({ engineId: EngineId, labels: z.array(z.string().min(1).max(512)).max(16).optional() }))
    .output(z.object({ deleted: z.array(z.string()), spaceReclaimed: z.number() })),
  /** Podman pods of the containers (container id → pod name), for grouping. */
  pods: oc.input(z.object({ engineId: EngineId.optional() })).output(z.array(z.object({ engineId: EngineId, id: z.string(), pod: z.string() }))),
};
