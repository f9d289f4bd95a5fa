import { eventIterator, oc } from '@orpc/contract';
import { z } from 'zod';
import { EndpointInput, EngineId, EngineInfo } from '../schemas';

/** An absolute path to a PEM file (TLS of tcp:// endpoints); the backend reads it. */
const PemPath = z
  .string()
  .trim()
  .max(1024)
  .regex(/^(\/|[A-Za-z]:[\\/]|~[\\/])/, 'give an absolute path to the file');

export const TlsFiles = z
  .object({ ca: PemPath.optional(), cert: PemPath.optional(), key: PemPath.optional() })
  .refine((t) => !!t.cert === !!t.key, { message: 'a client certificate needs its key, and a key its certificate' });
export type TlsFiles = z.infer<typeof TlsFiles>;

export const AddEndpointInput = EndpointInput.extend({ tls: TlsFiles.optional() });

/** What GET /info says about an engine's host (Docker's /info; Podman's compat and libpod /info). */
export const EngineDetails = z.object({
  engineId: EngineId,
  name: z.string().optional(),
  operatingSystem: z.string().optional(),
  osType: z.string().optional(),
  arch: z.string().optional(),
  kernel: z.string().optional(),
  cpus: z.number().optional(),
  memoryBytes: z.number().optional(),
  storageDriver: z.string().optional(),
  rootDir: z.string().optional(),
  cgroupVersion: z.string().optional(),
  cgroupDriver: z.string().optional(),
  runtimes: z.array(z.string()),
  defaultRuntime: z.string().optional(),
  rootless: z.boolean(),
  containers: z.number().optional(),
  images: z.number().optional(),
});
export type EngineDetails = z.infer<typeof EngineDetails>;

export const DiskCategory = z.enum(['images', 'containers', 'volumes', 'buildCache']);
export type DiskCategory = z.infer<typeof DiskCategory>;

export const DiskUsageLine = z.object({ category: DiskCategory, count: z.number(), active: z.number(), sizeBytes: z.number(), reclaimableBytes: z.number() });
export type DiskUsageLine = z.infer<typeof DiskUsageLine>;
export const DiskUsage = z.object({ engineId: EngineId, lines: z.array(DiskUsageLine), takenAt: z.number() });
export type DiskUsage = z.infer<typeof DiskUsage>;

/** `key` or `key=value`, as `docker system prune --filter label=...` takes it. */
export const LabelFilter = z
  .string()
  .trim()
  .min(1)
  .max(256)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*(=[^\s]*)?$/, 'a label filter is key or key=value');

export const PruneInput = z.object({
  engineId: EngineId,
  category: DiskCategory,
  /** Only objects carrying every one of these labels (not for the build cache, which has none). */
  labels: z.array(LabelFilter).max(10).default([]),
});
export const PruneResult = z.object({ category: DiskCategory, deleted: z.array(z.string()), reclaimedBytes: z.number() });
export type PruneResult = z.infer<typeof PruneResult>;

/** One raw engine event as the engine reported it, numbered by the backend. */
export const EngineEvent = z.object({
  seq: z.number(),
  engineId: EngineId,
  type: z.string(),
  action: z.string(),
  actorId: z.string(),
  actorName: z.string().optional(),
  attributes: z.record(z.string(), z.string()),
  time: z.number(),
});
export type EngineEvent = z.infer<typeof EngineEvent>;

export const engines = {
  list: oc.output(z.array(EngineInfo)),
  add: oc.input(AddEndpointInput).output(EngineInfo),
  remove: oc.input(z.object({ engineId: EngineId })).output(z.void()),
  details: oc.input(z.object({ engineId: EngineId })).output(EngineDetails),
  diskUsage: oc.input(z.object({ engineId: EngineId })).output(DiskUsage),
  prune: oc.input(PruneInput).output(PruneResult),
  /** The recent events kept by the backend (newest last), then every new one as it happens. */
  events: oc.input(z.object({ engineId: EngineId.optional() })).output(eventIterator(EngineEvent)),
};
