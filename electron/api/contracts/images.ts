import { eventIterator, oc } from '@orpc/contract';
import { z } from 'zod';
import { parseReference } from '../../engines/reference';
import { EngineId } from '../schemas';

/** An image id (sha256:…, or a short hex prefix) or a reference, as the engines accept them. */
export const ImageRefInput = z
  .string()
  .trim()
  .min(1)
  .max(512)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.\-/:@[\]]*$/, 'not an image id or reference');

/** A reference checked by the Docker reference grammar, with its words when it fails. */
export const ReferenceInput = z
  .string()
  .trim()
  .max(512)
  .superRefine((ref, ctx) => {
    try {
      parseReference(ref);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  });

export const ImageRow = z.object({
  engineId: EngineId,
  id: z.string(),
  repoTags: z.array(z.string()),
  repoDigests: z.array(z.string()),
  size: z.number(),
  created: z.number(),
  containers: z.number(),
  dangling: z.boolean(),
  labels: z.record(z.string(), z.string()),
});
export type ImageRow = z.infer<typeof ImageRow>;

export const HistoryRow = z.object({ id: z.string(), created: z.number(), createdBy: z.string(), size: z.number(), tags: z.array(z.string()), comment: z.string() });

export const LayerProgress = z.object({
  id: z.string(),
  status: z.string(),
  current: z.number().optional(),
  total: z.number().optional(),
  fraction: z.number(),
});

/** One step of a pull or push: the per-layer picture and the overall fraction; `done` on the last. */
export const TransferEvent = z.object({
  done: z.boolean(),
  layers: z.array(LayerProgress),
  fraction: z.number(),
  message: z.string().optional(),
  digest: z.string().optional(),
});
export type TransferEvent = z.infer<typeof TransferEvent>;

const Target = z.object({ engineId: EngineId, ref: ImageRefInput });
/** Credentials for one push or pull only (not kept); otherwise the registry's stored ones are used. */
const OneOffCredentials = z.object({ username: z.string().min(1).max(256), password: z.string().min(1).max(4096) });
export const LabelFilter = z
  .string()
  .trim()
  .max(256)
  .regex(/^[^=\s]+(=.*)?$/, 'a label filter is key or key=value')
  .optional();

export const images = {
  list: oc.input(z.object({ engineId: EngineId.optional() })).output(z.array(ImageRow)),
  /** The current row of one image (after an engine event), or null once it is gone. */
  get: oc.input(Target).output(ImageRow.nullable()),
  history: oc.input(Target).output(z.array(HistoryRow)),
  inspect: oc.input(Target).output(z.unknown()),
  containers: oc.input(Target).output(z.array(z.object({ id: z.string(), name: z.string(), state: z.string() }))),
  pull: oc.input(z.object({ engineId: EngineId, ref: ReferenceInput, credentials: OneOffCredentials.optional() })).output(eventIterator(TransferEvent)),
  push: oc.input(z.object({ engineId: EngineId, ref: ReferenceInput, credentials: OneOffCredentials.optional() })).output(eventIterator(TransferEvent)),
  tag: oc.input(z.object({ engineId: EngineId, source: ImageRefInput, target: ReferenceInput })).output(z.void()),
  remove: oc.input(Target.extend({ force: z.boolean().default(false) })).output(z.object({ removed: z.array(z.string()) })),
  prune: oc
    .input(z.object({ engineId: EngineId, all: z.boolean().default(false), label: LabelFilter }))
    .output(z.object({ deleted: z.array(z.string()), spaceReclaimed: z.number() })),
};
