import { oc } from '@orpc/contract';
import { z } from 'zod';
import { ContainerRow, ContainerTarget, EngineId } from '../schemas';

export const containers = {
  list: oc.input(z.object({ engineId: EngineId.optional() })).output(z.array(ContainerRow)),
  start: oc.input(ContainerTarget).output(z.void()),
  stop: oc.input(ContainerTarget.extend({ timeoutSeconds: z.number().int().min(0).max(600).optional() })).output(z.void()),
  restart: oc.input(ContainerTarget).output(z.void()),
  remove: oc.input(ContainerTarget.extend({ force: z.boolean().default(false), volumes: z.boolean().default(false) })).output(z.void()),
};
