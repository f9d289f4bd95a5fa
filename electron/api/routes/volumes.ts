import { toRpcError } from '../../engines/errors';
import { listAcross } from '../across-engines';
import { createVolume, listVolumes, pruneVolumes, removeVolume, volumeRow } from '../../engines/volumes';
import { os } from '../base';

export const volumes = {
  list: os.volumes.list.handler(({ context, input }) => listAcross(context, input.engineId, 'volumes', (e) => listVolumes(e.docker, e.id))),
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
