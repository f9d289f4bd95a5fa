// What an engine's host is (GET /info), what fills its disk (GET /system/df) and the
// prunes that give it back, for Docker and Podman alike (Podman through its compat API,
// plus libpod's /info for what the compat one leaves out).
import type Docker from 'dockerode';
import { ORPCError } from '@orpc/server';
import type { DiskCategory, DiskUsageLine, EngineDetails, PruneResult } from '../api/contracts/engines';

interface RawInfo {
  Name?: string;
  OperatingSystem?: string;
  OSType?: string;
  Architecture?: string;
  KernelVersion?: string;
  NCPU?: number;
  MemTotal?: number;
  Driver?: string;
  DockerRootDir?: string;
  CgroupVersion?: string;
  CgroupDriver?: string;
  Runtimes?: Record<string, unknown>;
  DefaultRuntime?: string;
  SecurityOptions?: string[];
  Containers?: number;
  Images?: number;
}

/** The fields the Engines page shows, from a compat /info body (and libpod's rootless flag). */
export function detailsFromInfo(engineId: string, info: RawInfo, libpodRootless?: boolean): EngineDetails {
  const rootless = libpodRootless ?? (info.SecurityOptions ?? []).some((o) => /(^|,)name=rootless(,|$)/.test(o));
  return {
    engineId,
    name: info.Name,
    operatingSystem: info.OperatingSystem,
    osType: info.OSType,
    arch: info.Architecture,
    kernel: info.KernelVersion,
    cpus: info.NCPU,
    memoryBytes: info.MemTotal,
    storageDriver: info.Driver,
    rootDir: info.DockerRootDir,
    cgroupVersion: info.CgroupVersion,
    cgroupDriver: info.CgroupDriver,
    runtimes: Object.keys(info.Runtimes ?? {}).sort(),
    defaultRuntime: info.DefaultRuntime,
    rootless,
    containers: info.Containers,
    images: info.Images,
  };
}

export async function engineDetails(engineId: string, docker: Docker, kind: string): Promise<EngineDetails> {
  const info = (await docker.info()) as RawInfo;
  let rootless: boolean | undefined;
  if (kind === 'podman') {
    // Podman's compat /info does not always say rootless; libpod's does, in host.security.
    const libpod = (await libpodGet(docker, '/v4.0.0/libpod/info').catch(() => undefined)) as { host?: { security?: { rootless?: boolean } } } | undefined;
    rootless = libpod?.host?.security?.rootless;
  }
  return detailsFromInfo(engineId, info, rootless);
}

function libpodGet(docker: Docker, path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    docker.modem.dial({ path, method: 'GET', statusCodes: { 200: true, 404: 'not found', 500: 'server error' } }, (err: unknown, data: unknown) =>
      err ? reject(err) : resolve(data),
    );
  });
}

interface RawDf {
  LayersSize?: number;
  Images?: Array<{ Size?: number; SharedSize?: number; Containers?: number }> | null;
  Containers?: Array<{ SizeRw?: number; State?: string }> | null;
  Volumes?: Array<{ UsageData?: { Size?: number; RefCount?: number } | null }> | null;
  BuildCache?: Array<{ Size?: number; InUse?: boolean; Shared?: boolean }> | null;
}

const positive = (n: number | undefined) => (n && n > 0 ? n : 0);

/** Totals per category, counted the way `docker system df` counts them. */
export function diskUsageFromDf(df: RawDf): DiskUsageLine[] {
  const images = df.Images ?? [];
  const imageSum = images.reduce((s, i) => s + positive(i.Size) - positive(i.SharedSize), 0);
  const imagesSize = positive(df.LayersSize) || imageSum;
  const unusedImages = images.filter((i) => !i.Containers || i.Containers <= 0);
  const containers = df.Containers ?? [];
  const volumes = df.Volumes ?? [];
  const cache = df.BuildCache ?? [];
  return [
    {
      category: 'images',
      count: images.length,
      active: images.length - unusedImages.length,
      sizeBytes: imagesSize,
      reclaimableBytes: Math.min(imagesSize, unusedImages.reduce((s, i) => s + positive(i.Size) - positive(i.SharedSize), 0)),
    },
    {
      category: 'containers',
      count: containers.length,
      active: containers.filter((c) => c.State === 'running').length,
      sizeBytes: containers.reduce((s, c) => s + positive(c.SizeRw), 0),
      reclaimableBytes: containers.filter((c) => c.State !== 'running').reduce((s, c) => s + positive(c.SizeRw), 0),
    },
    {
      category: 'volumes',
      count: volumes.length,
      active: volumes.filter((v) => positive(v.UsageData?.RefCount) > 0).length,
      sizeBytes: volumes.reduce((s, v) => s + positive(v.UsageData?.Size), 0),
      reclaimableBytes: volumes.filter((v) => positive(v.UsageData?.RefCount) === 0).reduce((s, v) => s + positive(v.UsageData?.Size), 0),
    },
    {
      category: 'buildCache',
      count: cache.length,
      active: cache.filter((c) => c.InUse).length,
      sizeBytes: cache.reduce((s, c) => s + (c.Shared ? 0 : positive(c.Size)), 0),
      reclaimableBytes: cache.filter((c) => !c.InUse && !c.Shared).reduce((s, c) => s + positive(c.Size), 0),
    },
  ];
}

export async function diskUsage(docker: Docker): Promise<DiskUsageLine[]> {
  return diskUsageFromDf((await docker.df()) as RawDf);
}

interface RawPrune {
  ContainersDeleted?: string[] | null;
  ImagesDeleted?: Array<{ Deleted?: string; Untagged?: string }> | null;
  VolumesDeleted?: string[] | null;
  CachesDeleted?: string[] | null;
  SpaceReclaimed?: number;
}

/** The filters a prune sends: the user's labels, and for images only dangling ones. */
export function pruneFilters(category: DiskCategory, labels: string[]): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  if (labels.length) filters.label = labels;
  if (category === 'images') filters.dangling = ['true'];
  return filters;
}

export async function prune(docker: Docker, kind: string, category: DiskCategory, labels: string[]): Promise<PruneResult> {
  if (category === 'buildCache') {
    // Build cache records carry no labels: a label filter would be ignored and everything pruned.
    if (labels.length) throw new ORPCError('BAD_REQUEST', { message: 'Build cache entries carry no labels: prune the whole build cache, without a label filter.' });
    if (kind === 'podman') throw new ORPCError('BAD_REQUEST', { message: "Podman keeps no separate build cache: its intermediate images are pruned with the dangling images." });
  }
  const opts = { filters: JSON.stringify(pruneFilters(category, labels)) };
  let raw: RawPrune;
  switch (category) {
    case 'containers':
      raw = (await docker.pruneContainers(opts)) as RawPrune;
      return { category, deleted: raw.ContainersDeleted ?? [], reclaimedBytes: positive(raw.SpaceReclaimed) };
    case 'images':
      raw = (await docker.pruneImages(opts)) as RawPrune;
      return {
        category,
        deleted: (raw.ImagesDeleted ?? []).map((d) => d.Deleted ?? d.Untagged ?? '').filter(Boolean),
        reclaimedBytes: positive(raw.SpaceReclaimed),
      };
    case 'volumes':
      raw = (await docker.pruneVolumes(opts)) as RawPrune;
      return { category, deleted: raw.VolumesDeleted ?? [], reclaimedBytes: positive(raw.SpaceReclaimed) };
    case 'buildCache':
      raw = (await docker.pruneBuilder()) as RawPrune;
      return { category, deleted: raw.CachesDeleted ?? [], reclaimedBytes: positive(raw.SpaceReclaimed) };
  }
}
