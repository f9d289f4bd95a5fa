import { toRpcError } from '../../engines/errors';
import { listAcross } from '../across-engines';
import { connectContainer, createNetwork, listNetworks, networkRow, removeNetwork } from '../../engines/networks';
import { os } from '../base';

export const networks = {
  list: os.networks.list.handler(({ context, input }) => listAcross(context, input.engineId, 'networks', (e) => listNetworks(e.docker, e.id))),
  get: os.networks.get.handler(async ({ context, input }) => {
    const e = context.registry.get(input.engineId);
    return networkRow(e.docker, e.id, input.id).catch((err: unknown) => {
      throw toRpcError(err, `Reading network ${input.id}`);
    });
  }),
  create: os.networks.create.handler(({ context, input }) => {
    const e = context.registry.get(input.engineId);
    return createNetwork(e.docker, e.id, { name: input.name, internal: input.internal, labels: input.labels, ...(input.subnet ? { subnet: input.subnet } : {}) });
  }),
  remove: os.networks.remove.handler(({ context, input }) => removeNetwork(context.registry.get(input.engineId).docker, input.id)),
  connect: os.networks.connect.handler(({ context, input }) => connectContainer(context.registry.get(input.engineId).docker, input.id, input.container, true)),
  disconnect: os.networks.disconnect.handler(({ context, input }) => connectContainer(context.registry.get(input.engineId).docker, input.id, input.container, false)),
};
