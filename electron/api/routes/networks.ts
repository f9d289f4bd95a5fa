import { engineMessage, toRpcError } from '../../engines/errors';
import { connectContainer, createNetwork, listNetworks, networkRow, removeNetwork } from '../../engines/networks';
import { os } from '../base';

export const networks = {
  list: os.networks.list.handler(async ({ context, input }) => {
    const engines = input.engineId ? [context.registry.get(input.engineId)] : context.registry.connectedEngines();
    const lists = await Promise.all(
      engines.map((e) =>
        listNetworks(e.docker, e.id).catch((err: unknown) => {
          if (input.engineId) throw toRpcError(err, `Listing networks on ${e.snapshot.name}`);
          console.warn(`berth: listing networks on ${e.snapshot.name} failed: ${engineMessage(err)}`);
          return [];
        }),
      ),
    );
    return lists.flat();
  }),
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
