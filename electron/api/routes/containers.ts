import type Docker from 'dockerode';
import { engineMessage, toRpcError } from '../../engines/errors';
import type { EngineRegistry } from '../../engines/registry';
import { os } from '../base';

/** Runs one container action; "already in that state" (HTTP 304) counts as done. */
async function containerAction(
  registry: EngineRegistry,
  input: { engineId: string; id: string },
  what: string,
  act: (c: Docker.Container) => Promise<unknown>,
): Promise<void> {
  const engine = registry.get(input.engineId);
  try {
    await act(engine.docker.getContainer(input.id));
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 304) return;
    throw toRpcError(err, `${what} ${input.id.slice(0, 12)} on ${engine.snapshot.name}`);
  }
}

export const containers = {
  list: os.containers.list.handler(async ({ context, input }) => {
    const engines = input.engineId ? [context.registry.get(input.engineId)] : context.registry.connectedEngines();
    const lists = await Promise.all(
      engines.map(async (e) => {
        try {
          return await e.listContainers();
        } catch (err) {
          // One engine failing must not hide the others' containers when listing all.
          if (input.engineId) throw toRpcError(err, `Listing containers on ${e.snapshot.name}`);
          console.warn(`berth: listing containers on ${e.snapshot.name} failed: ${engineMessage(err)}`);
          return [];
        }
      }),
    );
    return lists.flat();
  }),
  start: os.containers.start.handler(({ context, input }) => containerAction(context.registry, input, 'Starting', (c) => c.start())),
  stop: os.containers.stop.handler(({ context, input }) =>
    containerAction(context.registry, input, 'Stopping', (c) => c.stop(input.timeoutSeconds !== undefined ? { t: input.timeoutSeconds } : {})),
  ),
  restart: os.containers.restart.handler(({ context, input }) => containerAction(context.registry, input, 'Restarting', (c) => c.restart())),
  remove: os.containers.remove.handler(({ context, input }) =>
    containerAction(context.registry, input, 'Removing', (c) => c.remove({ force: input.force, v: input.volumes })),
  ),
};
