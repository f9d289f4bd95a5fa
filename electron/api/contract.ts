// The one contract between the renderer and the backend. Both transports (Electron's
// MessagePort and `berth serve`'s WebSocket) serve exactly this, from one router.
import { eventIterator, oc } from '@orpc/contract';
import { z } from 'zod';
import { ContainerRow, ContainerTarget, EndpointInput, EngineId, EngineInfo, LiveEvent } from './schemas';

const engines = {
  list: oc.output(z.array(EngineInfo)),
  add: oc.input(EndpointInput).output(EngineInfo),
  remove: oc.input(z.object({ engineId: EngineId })).output(z.void()),
};

const containers = {
  list: oc.input(z.object({ engineId: EngineId.optional() })).output(z.array(ContainerRow)),
  start: oc.input(ContainerTarget).output(z.void()),
  stop: oc.input(ContainerTarget.extend({ timeoutSeconds: z.number().int().min(0).max(600).optional() })).output(z.void()),
  restart: oc.input(ContainerTarget).output(z.void()),
  remove: oc.input(ContainerTarget.extend({ force: z.boolean().default(false), volumes: z.boolean().default(false) })).output(z.void()),
};

const live = {
  /** Engine state changes and container changes, from one events subscription per engine. */
  events: oc.output(eventIterator(LiveEvent)),
};

export const contract = { engines, containers, live };
export type Contract = typeof contract;
