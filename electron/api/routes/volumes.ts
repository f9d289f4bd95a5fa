import { engineMessage, toRpcError } from '../../engines/errors';
import { createVolume, listVolumes, pruneVolumes, removeVolume, volumeRow } from '../../engines/volumes';
import { os } from '../base';

export const volumes = {
  list: os.volumes.list.handler(async ({ context, input }) => {
    const engines = input.engineId ? [context.registry.get(input.engineId)] : context.registry.connectedEngines();
    const lists = await Promise.all(
      engines.map((e) =>
        listVolumes(e.docker, e.id).catch((err: unknown) => {
          if (input.engineId) throw toRpcError(err, `Listing volumes on ${e.snapshot.name}`);
          console.warn(`berth: listing volumes on ${e.snapshot.name} failed: ${engineMessage(err)}`);
          return [];
        }),
      ),
    );
    return lists.flat();
  }),
  get: os.volumes.get.handler(async ({ context, input }) => {
    const e = context.registry.get(input.engineId);
    return volumeRow(e.docker, e.id, input.name).catch((err: unknown) => {
      throw toRpcError(err, `Reading volume ${input.name}`);
    });
  }),
  create: os.volumes.create.handler(({ context, input }) => {
    const e = context.registry.get(input.engineId);
    return createVolume(e.docker, e.id, { labels: input.labels, ...(input.name ? { name: input.name } : {}) });
  }),
  remove: os.volumes.remove.handler(({ context, input }) => removeVolume(context.registry.get(input.engineId).docker, input.name, input.force)),
  prune: os.volumes.prune.handler(({ context, input }) => pruneVolumes(context.registry.get(input.engineId).docker, input.label)),
};
