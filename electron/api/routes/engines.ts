import { os } from '../base';

export const engines = {
  list: os.engines.list.handler(({ context }) => context.registry.list()),
  add: os.engines.add.handler(({ context, input }) => context.registry.add(input.endpoint, input.name)),
  remove: os.engines.remove.handler(({ context, input }) => context.registry.remove(input.engineId)),
};
