import { eventIterator, oc } from '@orpc/contract';
import { z } from 'zod';
import { EngineId } from '../schemas';
import { ReferenceInput } from './images';

const UploadId = z.string().uuid();

export const BuildEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('log'), text: z.string() }),
  z.object({ kind: z.literal('done'), imageId: z.string().optional(), tags: z.array(z.string()) }),
]);
export type BuildEvent = z.infer<typeof BuildEvent>;

export const builds = {
  /**
   * A batch of files of a context chosen or dropped in the browser (paths relative to the
   * folder). The first call creates the upload and returns its id; later calls add to it.
   */
  upload: oc
    .input(
      z.object({
        uploadId: UploadId.optional(),
        files: z
          .array(z.object({ path: z.string().min(1).max(4096), data: z.instanceof(Blob), /** a further slice of a large file */ append: z.boolean().optional() }))
          .max(5000),
      }),
    )
    .output(z.object({ uploadId: UploadId, files: z.number(), bytes: z.number() })),
  /** Builds from an upload or from a folder on the machine Berth runs on; streams the log. */
  run: oc
    .input(
      z.object({
        engineId: EngineId,
        context: z.union([z.object({ uploadId: UploadId }), z.object({ path: z.string().min(1).max(4096) })]),
        dockerfile: z.string().trim().max(1024).optional(),
        tags: z.array(ReferenceInput).max(20).default([]),
        buildArgs: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'build argument names are letters, digits and _'), z.string()).default({}),
        target: z.string().trim().max(128).optional(),
        labels: z.record(z.string(), z.string()).default({}),
        noCache: z.boolean().default(false),
      }),
    )
    .output(eventIterator(BuildEvent)),
};
