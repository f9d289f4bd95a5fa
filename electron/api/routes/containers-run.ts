import { localImageNames, runContainer } from '../../engines/container-run';
import { toRpcError } from '../../engines/errors';
import { os } from '../base';

export const containerRun = {
  run: os.containerRun.run.handler(({ context, input }) => runContainer(context.registry.get(input.engineId), input)),
  imageNames: os.containerRun.imageNames.handler(async ({ context, input }) => {
    const engine = context.registry.get(input.engineId);
    try {
      return await localImageNames(engine);
    } catch (err) {
      throw toRpcError(err, `Listing images on ${engine.snapshot.name}`);
    }
  }),
};
