import { oc } from '@orpc/contract';
import { z } from 'zod';
import { ContainerRef, EngineId } from '../schemas';

const NetworkRef = z.string().trim().min(1).max(255).regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'network names are letters, digits and _ . -');

export const NetworkRow = z.object({
  engineId: EngineId,
  id: z.string(),
  name: z.string(),
  driver: z.string(),
  scope: z.string(),
  internal: z.boolean(),
  subnets: z.array(z.string()),
  labels: z.record(z.string(), z.string()),
  containers: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type NetworkRow = z.infer<typeof NetworkRow>;

const Target = z.object({ engineId: EngineId, id: NetworkRef });

export const networks = {
  list: oc.input(z.object({ engineId: EngineId.optional() })).output(z.array(NetworkRow)),
  get: oc.input(Target).output(NetworkRow.nullable()),
  create: oc
    .input(
      z.object({
        engineId: EngineId,
        name: NetworkRef,
        subnet: z.string().trim().regex(/^[0-9a-fA-F.:]+\/\d{1,3}$/, 'a subnet is CIDR, as in 10.20.0.0/24').optional(),
        internal: z.boolean().default(false),
        labels: z.record(z.string().min(1).max(256), z.string().max(4096)).default({}),
      }),
    )
    .output(NetworkRow),
  remove: oc.input(Target).output(z.void()),
  connect: oc.input(Target.extend({ container: ContainerRef })).output(z.void()),
  disconnect: oc.input(Target.extend({ container: ContainerRef })).output(z.void()),
};
