import { oc } from '@orpc/contract';
import { z } from 'zod';
import { EngineId } from '../schemas';
import { LabelFilter } from './images';

const VolumeName = z.string().trim().min(1).max(255).regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'volume names are letters, digits and _ . -');
const Labels = z.record(z.string().min(1).max(256), z.string().max(4096)).default({});

export const VolumeRow = z.object({
  engineId: EngineId,
  name: z.string(),
  driver: z.string(),
  mountpoint: z.string(),
  created: z.string().optional(),
  labels: z.record(z.string(), z.string()),
  usedBy: z.array(z.string()),
});
export type VolumeRow = z.infer<typeof VolumeRow>;

export const volumes = {
  list: oc.input(z.object({ engineId: EngineId.optional() })).output(z.array(VolumeRow)),
  get: oc.input(z.object({ engineId: EngineId, name: VolumeName })).output(VolumeRow.nullable()),
  create: oc.input(z.object({ engineId: EngineId, name: VolumeName.optional(), labels: Labels })).output(VolumeRow),
  remove: oc.input(z.object({ engineId: EngineId, name: VolumeName, force: z.boolean().default(false) })).output(z.void()),
  prune: oc.input(z.object({ engineId: EngineId, label: LabelFilter })).output(z.object({ deleted: z.array(z.string()), spaceReclaimed: z.number() })),
};
