// Volumes of one engine: rows with the containers that mount them, create, remove, prune.
import type Docker from 'dockerode';
import { toRpcError } from './errors';

export interface VolumeRow {
  engineId: string;
  name: string;
  driver: string;
  mountpoint: string;
  created?: string;
  labels: Record<string, string>;
  /** Names of the containers (any state) that mount it. */
  usedBy: string[];
}

type ContainerList = Docker.ContainerInfo[];

function usedBy(containers: ContainerList, volume: string): string[] {
  return containers
    .filter((c) => (c.Mounts ?? []).some((m) => m.Type === 'volume' && m.Name === volume))
    .map((c) => (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''));
}

function toRow(engineId: string, v: Docker.VolumeInspectInfo & { CreatedAt?: string }, containers: ContainerList): VolumeRow {
  return {
    engineId,
    name: v.Name,
    driver: v.Driver,
    mountpoint: v.Mountpoint,
    ...(v.CreatedAt ? { created: v.CreatedAt } : {}),
    labels: v.Labels ?? {},
    usedBy: usedBy(containers, v.Name),
  };
}

export async function listVolumes(docker: Docker, engineId: string): Promise<VolumeRow[]> {
  const [vols, containers] = await Promise.all([docker.listVolumes(), docker.listContainers({ all: true })]);
  return (vols.Volumes ?? []).map((v) => toRow(engineId, v, containers));
}

export async function volumeRow(docker: Docker, engineId: string, name: string): Promise<VolumeRow | null> {
  try {
    const v = await docker.getVolume(name).inspect();
    return toRow(engineId, v, await docker.listContainers({ all: true }));
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return null;
    throw err;
  }
}

export async function createVolume(docker: Docker, engineId: string, input: { name?: string; driver?: string; labels?: Record<string, string> }): Promise<VolumeRow> {
  try {
    const created = (await docker.createVolume({ ...(input.name ? { Name: input.name } : {}), Driver: input.driver || 'local', Labels: input.labels ?? {} })) as unknown as { name: string };
    return toRow(engineId, await docker.getVolume(created.name).inspect(), []);
  } catch (err) {
    throw toRpcError(err, `Creating volume ${input.name ?? ''}`.trim());
  }
}

export async function removeVolume(docker: Docker, name: string, force: boolean): Promise<void> {
  try {
    await docker.getVolume(name).remove({ force });
  } catch (err) {
    throw toRpcError(err, `Removing volume ${name}`);
  }
}

/** Removes unused volumes; `label` ("k" or "k=v") restricts it to those carrying the label. */
export async function pruneVolumes(docker: Docker, label?: string): Promise<{ deleted: string[]; spaceReclaimed: number }> {
  try {
    const out = (await docker.pruneVolumes(label ? { filters: JSON.stringify({ label: [label] }) } : {})) as { VolumesDeleted?: string[] | null; SpaceReclaimed?: number };
    return { deleted: out.VolumesDeleted ?? [], spaceReclaimed: out.SpaceReclaimed ?? 0 };
  } catch (err) {
    throw toRpcError(err, 'Pruning volumes');
  }
}
