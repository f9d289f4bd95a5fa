import { toRpcError } from '../../engines/errors';
import { diskUsage, engineDetails, prune } from '../../engines/system';
import { os } from '../base';

export const engines = {
  list: os.engines.list.handler(({ context }) => context.registry.list()),
  add: os.engines.add.handler(({ context, input }) => context.registry.add(input.endpoint, input.name, input.tls)),
  remove: os.engines.remove.handler(({ context, input }) => context.registry.remove(input.engineId)),
  details: os.engines.details.handler(async ({ context, input }) => {
    const engine = context.registry.get(input.engineId);
    try {
      return await engineDetails(engine.id, engine.docker, engine.snapshot.kind);
    } catch (err) {
      throw toRpcError(err, `Reading /info of ${engine.snapshot.name}`);
    }
  }),
  diskUsage: os.engines.diskUsage.handler(async ({ context, input }) => {
    const engine = context.registry.get(input.engineId);
    try {
      return { engineId: engine.id, lines: await diskUsage(engine.docker), takenAt: Date.now() };
    } catch (err) {
      throw toRpcError(err, `Reading the disk usage of ${engine.snapshot.name}`);
    }
  }),
  prune: os.engines.prune.handler(async ({ context, input }) => {
    const engine = context.registry.get(input.engineId);
    try {
      return await prune(engine.docker, engine.snapshot.kind, input.category, input.labels);
    } catch (err) {
      throw toRpcError(err, `Pruning ${input.category === 'buildCache' ? 'the build cache' : input.category} on ${engine.snapshot.name}`);
    }
  }),
  events: os.engines.events.handler(async function* ({ context, input, signal }) {
    if (input.engineId) context.registry.get(input.engineId);
    yield* context.registry.eventLog.subscribe(input.engineId, signal);
  }),
};
