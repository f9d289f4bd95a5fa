import { oc } from '@orpc/contract';
import { z } from 'zod';
import { EndpointInput, EngineId, EngineInfo } from '../schemas';

export const engines = {
  list: oc.output(z.array(EngineInfo)),
  add: oc.input(EndpointInput).output(EngineInfo),
  remove: oc.input(z.object({ engineId: EngineId })).output(z.void()),
};
