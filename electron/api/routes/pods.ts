import { ORPCError } from '@orpc/server';
import { composeAction } from '../../engines/compose';
import type { Engine } from '../../engines/engine';
import { engineMessage, toRpcError } from '../../engines/errors';
import type { EngineRegistry } from '../../engines/registry';
import { downKube, generateKube, playKube } from '../../engines/kube';
import { createContainerInPod, requirePodman } from '../../engines/libpod';
import { podLogs } from '../../engines/pod-logs';
import { createPod, getPod, listPods, podAction, removePod, type PodVerb } from '../../engines/pods';
import { os } from '../base';

/** A connected Podman engine, or an error in words. */
function podman(registry: EngineRegistry, engineId: string): Engine {
  const engine = registry.get(engineId);
  requirePodman(engine);
  return engine;
}

async function attempt<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw toRpcError(err, what);
  }
}

function act(
  registry: EngineRegistry,
  input: { engineId: string; id: string },
  verb: PodVerb,
  word: string,
  opts: { timeoutSeconds?: number | undefined; signal?: string | undefined } = {},
): Promise<void> {
  const engine = podman(registry, input.engineId);
  return attempt(`${word} pod ${input.id.slice(0, 24)} on ${engine.snapshot.name}`, () => podAction(engine, input.id, verb, opts));
}

export const pods = {
  list: os.pods.list.handler(async ({ context, input }) => {
    if (input.engineId) {
      const engine = podman(context.registry, input.engineId);
      return attempt(`Listing pods on ${engine.snapshot.name}`, () => listPods(engine));
    }
    const engines = context.registry.connectedEngines().filter((e) => e.snapshot.kind === 'podman');
    const lists = await Promise.all(
      engines.map((e) =>
        listPods(e).catch((err) => {
          // One engine failing must not hide the others' pods.
          console.warn(`berth: listing pods on ${e.snapshot.name} failed: ${engineMessage(err)}`);
          return [];
        }),
      ),
    );
    return lists.flat();
  }),
  get: os.pods.get.handler(({ context, input }) => {
    const engine = podman(context.registry, input.engineId);
    return attempt(`Reading pod ${input.id.slice(0, 24)}`, () => getPod(engine, input.id));
  }),
  create: os.pods.create.handler(async ({ context, input }) => {
    const engine = podman(context.registry, input.engineId);
    return attempt(`Creating pod ${input.name} on ${engine.snapshot.name}`, async () => {
      const id = await createPod(engine, { name: input.name, ports: input.ports, labels: input.labels });
      const row = await getPod(engine, id);
      if (!row) throw new ORPCError('NOT_FOUND', { message: `The pod ${input.name} was created, then disappeared.` });
      return row;
    });
  }),
  start: os.pods.start.handler(({ context, input }) => act(context.registry, input, 'start', 'Starting')),
  stop: os.pods.stop.handler(({ context, input }) => act(context.registry, input, 'stop', 'Stopping', { timeoutSeconds: input.timeoutSeconds })),
  restart: os.pods.restart.handler(({ context, input }) => act(context.registry, input, 'restart', 'Restarting')),
  pause: os.pods.pause.handler(({ context, input }) => act(context.registry, input, 'pause', 'Pausing')),
  unpause: os.pods.unpause.handler(({ context, input }) => act(context.registry, input, 'unpause', 'Resuming')),
  kill: os.pods.kill.handler(({ context, input }) => act(context.registry, input, 'kill', 'Killing', { signal: input.signal })),
  remove: os.pods.remove.handler(({ context, input }) => {
    const engine = podman(context.registry, input.engineId);
    return attempt(`Removing pod ${input.id.slice(0, 24)} on ${engine.snapshot.name}`, () => removePod(engine, input.id, input.force));
  }),
  addContainer: os.pods.addContainer.handler(({ context, input }) => {
    const engine = podman(context.registry, input.engineId);
    return attempt(`Adding a container to pod ${input.pod}`, async () => {
      const made = await createContainerInPod(engine, {
        pod: input.pod,
        image: input.image,
        ...(input.name ? { name: input.name } : {}),
        ...(input.command ? { command: input.command } : {}),
        ...(input.labels ? { labels: input.labels } : {}),
      });
      if (input.start) {
        try {
          await engine.docker.getContainer(made.id).start();
        } catch (err) {
          if ((err as { statusCode?: number }).statusCode !== 304) {
            // Created but not startable: say so, and leave nothing half-made.
            await engine.docker.getContainer(made.id).remove({ force: true }).catch(() => undefined);
            throw err;
          }
        }
      }
      return made;
    });
  }),
  logs: os.pods.logs.handler(async function* ({ context, input, signal }) {
    const engine = podman(context.registry, input.engineId);
    const abort = new AbortController();
    signal?.addEventListener('abort', () => abort.abort(), { once: true });
    const watchStarts = (podId: string, onStart: (containerId: string) => void) => {
      void (async () => {
        for await (const ev of context.registry.subscribe(abort.signal)) {
          if (ev.kind === 'object' && ev.type === 'pod' && ev.engineId === engine.id && ev.id === podId && ev.action === 'container-start') {
            const containerId = ev.attributes['containerId'];
            if (containerId) onStart(containerId);
          }
        }
      })().catch(() => undefined);
    };
    try {
      yield* podLogs(engine, input.id, { tail: input.tail, signal: abort.signal, watchStarts });
    } catch (err) {
      throw toRpcError(err, `Reading the logs of pod ${input.id.slice(0, 24)}`);
    } finally {
      abort.abort();
    }
  }),
  kube: {
    generate: os.pods.kube.generate.handler(async ({ context, input }) => {
      const engine = podman(context.registry, input.engineId);
      return attempt(`Generating Kubernetes YAML for ${input.names.join(', ')}`, async () => ({ yaml: await generateKube(engine, input.names, input.service) }));
    }),
    play: os.pods.kube.play.handler(async ({ context, input }) => {
      const engine = podman(context.registry, input.engineId);
      try {
        return await playKube(engine, input.yaml);
      } catch (err) {
        const rpc = toRpcError(err, `Playing the YAML on ${engine.snapshot.name}`);
        // Podman answers 500 for YAML it cannot play: that is the input's fault, not the engine's.
        const fromEngine = typeof (err as { statusCode?: number }).statusCode === 'number';
        throw fromEngine && rpc.code === 'INTERNAL_SERVER_ERROR' ? new ORPCError('BAD_REQUEST', { message: rpc.message }) : rpc;
      }
    }),
    down: os.pods.kube.down.handler(({ context, input }) => {
      const engine = podman(context.registry, input.engineId);
      return attempt(`Taking the YAML's pods down on ${engine.snapshot.name}`, () => downKube(engine, input.yaml));
    }),
  },
  compose: {
    start: os.pods.compose.start.handler(({ context, input }) => {
      const engine = context.registry.get(input.engineId);
      return attempt(`Starting Compose project ${input.project}`, async () => ({ containers: await composeAction(engine, input.project, 'start') }));
    }),
    stop: os.pods.compose.stop.handler(({ context, input }) => {
      const engine = context.registry.get(input.engineId);
      return attempt(`Stopping Compose project ${input.project}`, async () => ({
        containers: await composeAction(engine, input.project, 'stop', { timeoutSeconds: input.timeoutSeconds }),
      }));
    }),
    remove: os.pods.compose.remove.handler(({ context, input }) => {
      const engine = context.registry.get(input.engineId);
      return attempt(`Removing Compose project ${input.project}`, async () => ({ containers: await composeAction(engine, input.project, 'remove') }));
    }),
  },
};
