import { ORPCError } from '@orpc/server';
import { buildImage, packContext } from '../../engines/build';
import { UploadError } from '../../engines/build-uploads';
import { os } from '../base';
import { eventStream } from '../event-stream';
import type { BuildEvent } from '../contracts/builds';

export const builds = {
  upload: os.builds.upload.handler(async ({ context, input }) => {
    try {
      return await context.uploads.put(input.uploadId, input.files);
    } catch (err) {
      if (err instanceof UploadError) throw new ORPCError('BAD_REQUEST', { message: err.message });
      throw err;
    }
  }),
  run: os.builds.run.handler(async function* ({ context, input, signal }) {
    const engine = context.registry.get(input.engineId);
    const uploadId = 'uploadId' in input.context ? input.context.uploadId : undefined;
    let dir: string;
    try {
      dir = uploadId ? context.uploads.take(uploadId) : (input.context as { path: string }).path;
    } catch (err) {
      throw new ORPCError('BAD_REQUEST', { message: (err as Error).message });
    }
    try {
      yield* eventStream<BuildEvent>(signal, `Building on ${engine.snapshot.name}`, async (emit, abort) => {
        let tar;
        try {
          tar = packContext(dir, input.dockerfile || 'Dockerfile');
        } catch (err) {
          throw new ORPCError('BAD_REQUEST', { message: (err as Error).message });
        }
        const result = await buildImage(
          engine.docker,
          tar,
          {
            tags: input.tags,
            buildArgs: input.buildArgs,
            labels: input.labels,
            noCache: input.noCache,
            ...(input.dockerfile ? { dockerfile: input.dockerfile } : {}),
            ...(input.target ? { target: input.target } : {}),
          },
          { signal: abort, onLog: (text) => emit({ kind: 'log', text }) },
        );
        return { kind: 'done', ...result };
      });
    } finally {
      if (uploadId) context.uploads.release(uploadId);
    }
  }),
};
