import type Docker from 'dockerode';
import { engineMessage, toRpcError } from '../../engines/errors';
import type { EngineRegistry } from '../../engines/registry';
import { podsOfContainers } from '../../engines/container-pods';
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
  pause: os.containers.pause.handler(({ context, input }) => containerAction(context.registry, input, 'Pausing', (c) => c.pause())),
  unpause: os.containers.unpause.handler(({ context, input }) => containerAction(context.registry, input, 'Resuming', (c) => c.unpause())),
  kill: os.containers.kill.handler(({ context, input }) =>
    containerAction(context.registry, input, 'Killing', (c) => c.kill(input.signal ? { signal: input.signal } : {})),
  ),
  prune: os.containers.prune.handler(async ({ context, input }) => {
    const engine = context.registry.get(input.engineId);
    try {
      const res = await engine.docker.pruneContainers(input.labels?.length ? { filters: { label: input.labels } } : {});
      return { deleted: res.ContainersDeleted ?? [], spaceReclaimed: res.SpaceReclaimed ?? 0 };
    } catch (err) {
      throw toRpcError(err, `Pruning stopped containers on ${engine.snapshot.name}`);
    }
  }),
  pods: os.containers.pods.handler(async ({ context, input }) => {
    const engines = (input.engineId ? [context.registry.get(input.engineId)] : context.registry.connectedEngines()).filter((e) => e.snapshot.kind === 'podman');
    const lists = await Promise.all(
      engines.map(async (e) => {
        try {
          return Object.entries(await podsOfContainers(e)).map(([id, pod]) => ({ engineId: e.id, id, pod }));
        } catch (err) {
          if (input.engineId) throw toRpcError(err, `Listing the pods of containers on ${e.snapshot.name}`);
          return [];
        }
      }),
    );
    return lists.flat();
  }),
};
