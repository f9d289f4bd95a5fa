import { eventStream } from '../event-stream';
import { toRpcError } from '../../engines/errors';
import { listAcross } from '../across-engines';
import { pullImage, pushImage, tagImage, type RegistryAuth } from '../../engines/image-transfer';
import { containersUsing, imageHistory, imageRow, inspectImage, listImages, pruneImages, removeImage } from '../../engines/images';
import type { ProgressState } from '../../engines/progress';
import { parseReference } from '../../engines/reference';
import type { CredentialStore } from '../../registries/credentials';
import { registerSecret } from '../../registries/secrets';
import { os } from '../base';
import type { TransferEvent } from '../contracts/images';

const event = (s: ProgressState, done: boolean): TransferEvent =>
  // A transfer that ended well is complete, whatever words the engine used for its last steps.
  done ? { ...s, done, fraction: 1, layers: s.layers.map((l) => ({ ...l, fraction: 1 })) } : { done, ...s };

/** The credentials a transfer uses: one-off ones the user typed, else the registry's stored ones. */
async function authFor(store: CredentialStore, ref: string, oneOff?: { username: string; password: string }): Promise<RegistryAuth | undefined> {
  const host = parseReference(ref).domain;
  if (oneOff) {
    registerSecret(oneOff.password);
    return { username: oneOff.username, password: oneOff.password, serveraddress: host };
  }
  return store.resolve(host);
}

export const images = {
  list: os.images.list.handler(({ context, input }) => listAcross(context, input.engineId, 'images', (e) => listImages(e.docker, e.id))),
  get: os.images.get.handler(async ({ context, input }) => {
    const e = context.registry.get(input.engineId);
    try {
      return await imageRow(e.docker, e.id, input.ref);
    } catch (err) {
      throw toRpcError(err, `Reading image ${input.ref}`);
    }
  }),
  history: os.images.history.handler(({ context, input }) => imageHistory(context.registry.get(input.engineId).docker, input.ref)),
  inspect: os.images.inspect.handler(({ context, input }) => inspectImage(context.registry.get(input.engineId).docker, input.ref)),
  containers: os.images.containers.handler(async ({ context, input }) => {
    const docker = context.registry.get(input.engineId).docker;
    const id = ((await inspectImage(docker, input.ref)) as { Id: string }).Id;
    return containersUsing(docker, id);
  }),
  pull: os.images.pull.handler(async function* ({ context, input, signal }) {
    const engine = context.registry.get(input.engineId);
    const auth = await authFor(context.credentials, input.ref, input.credentials);
    yield* eventStream<TransferEvent>(signal, `Pulling ${input.ref}`, async (emit, abort) =>
      event(await pullImage(engine.docker, input.ref, { ...(auth ? { auth } : {}), signal: abort, onProgress: (s) => emit(event(s, false)) }), true),
    );
  }),
  push: os.images.push.handler(async function* ({ context, input, signal }) {
    const engine = context.registry.get(input.engineId);
    const auth = await authFor(context.credentials, input.ref, input.credentials);
    yield* eventStream<TransferEvent>(signal, `Pushing ${input.ref}`, async (emit, abort) =>
      event(await pushImage(engine.docker, input.ref, { ...(auth ? { auth } : {}), signal: abort, onProgress: (s) => emit(event(s, false)) }), true),
    );
  }),
  tag: os.images.tag.handler(({ context, input }) => tagImage(context.registry.get(input.engineId).docker, input.source, input.target)),
  remove: os.images.remove.handler(async ({ context, input }) => ({
    removed: await removeImage(context.registry.get(input.engineId).docker, input.ref, input.force),
  })),
  prune: os.images.prune.handler(({ context, input }) =>
    {
    const e = context.registry.get(input.engineId);
    return pruneImages(e.docker, { all: input.all, podman: e.snapshot.kind === 'podman', ...(input.label ? { label: input.label } : {}) });
  }
  ),
};
