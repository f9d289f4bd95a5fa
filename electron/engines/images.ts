// Images of one engine as Berth shows them: rows (with the containers that use each),
// one row after an event, history, inspect, remove and prune.
import type Docker from 'dockerode';
import { toRpcError } from './errors';

export interface ImageRow {
  engineId: string;
  /** sha256:… (both engines answer with the prefix in their compat API). */
  id: string;
  repoTags: string[];
  repoDigests: string[];
  size: number;
  created: number;
  /** Containers (any state) created from this image. */
  containers: number;
  dangling: boolean;
  labels: Record<string, string>;
}

export interface HistoryRow {
  id: string;
  created: number;
  createdBy: string;
  size: number;
  tags: string[];
  comment: string;
}

export interface PruneResult {
  deleted: string[];
  spaceReclaimed: number;
}

const NONE = new Set(['<none>:<none>', '<none>@<none>']);

/** A bare 64-hex id gets its sha256: prefix (Podman reads a bare one as a repository name). */
export const imageRef = (ref: string) => (/^[0-9a-f]{64}$/.test(ref) ? `sha256:${ref}` : ref);

export const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
export const sameImageId = (a: string, b: string) => {
  const x = a.replace(/^sha256:/, '');
  const y = b.replace(/^sha256:/, '');
  return x === y || (y.length >= 12 && x.startsWith(y)) || (x.length >= 12 && y.startsWith(x));
};

function tagsOf(tags: string[] | null | undefined): string[] {
  return (tags ?? []).filter((t) => !NONE.has(t));
}

/** How many containers use each image id (the list view's Containers field is -1 on Docker). */
async function usage(docker: Docker): Promise<Map<string, number>> {
  const list = await docker.listContainers({ all: true });
  const counts = new Map<string, number>();
  for (const c of list) {
    const id = (c.ImageID ?? '').replace(/^sha256:/, '');
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

export async function listImages(docker: Docker, engineId: string): Promise<ImageRow[]> {
  const [images, counts] = await Promise.all([docker.listImages({ all: false }), usage(docker)]);
  return images.map((i) => {
    const repoTags = tagsOf(i.RepoTags);
    return {
      engineId,
      id: i.Id.startsWith('sha256:') ? i.Id : `sha256:${i.Id}`,
      repoTags,
      repoDigests: (i.RepoDigests ?? []).filter((d) => !NONE.has(d)),
      size: i.Size,
      created: i.Created,
      containers: counts.get(i.Id.replace(/^sha256:/, '')) ?? 0,
      dangling: repoTags.length === 0,
      labels: i.Labels ?? {},
    };
  });
}

/** The current row of one image (by id or name), or null once it is gone. */
export async function imageRow(docker: Docker, engineId: string, ref: string): Promise<ImageRow | null> {
  let info: Docker.ImageInspectInfo;
  try {
    info = await docker.getImage(imageRef(ref)).inspect();
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return null;
    throw err;
  }
  const counts = await usage(docker);
  const repoTags = tagsOf(info.RepoTags);
  const id = info.Id.startsWith('sha256:') ? info.Id : `sha256:${info.Id}`;
  return {
    engineId,
    id,
    repoTags,
    repoDigests: (info.RepoDigests ?? []).filter((d) => !NONE.has(d)),
    size: info.Size,
    created: Math.floor(Date.parse(info.Created) / 1000),
    containers: counts.get(id.replace(/^sha256:/, '')) ?? 0,
    dangling: repoTags.length === 0,
    labels: info.Config?.Labels ?? {},
  };
}

export async function imageHistory(docker: Docker, ref: string): Promise<HistoryRow[]> {
  try {
    const layers = (await docker.getImage(imageRef(ref)).history()) as Array<{ Id: string; Created: number; CreatedBy: string; Size: number; Tags: string[] | null; Comment: string }>;
    return layers.map((l) => ({
      id: l.Id,
      created: l.Created,
      createdBy: l.CreatedBy ?? '',
      size: l.Size,
      tags: tagsOf(l.Tags),
      comment: l.Comment ?? '',
    }));
  } catch (err) {
    throw toRpcError(err, `Reading the history of ${ref}`);
  }
}

export async function inspectImage(docker: Docker, ref: string): Promise<unknown> {
  try {
    return await docker.getImage(imageRef(ref)).inspect();
  } catch (err) {
    throw toRpcError(err, `Inspecting ${ref}`);
  }
}

export async function removeImage(docker: Docker, ref: string, force: boolean): Promise<string[]> {
  try {
    const out = (await docker.getImage(imageRef(ref)).remove({ force })) as Array<{ Untagged?: string; Deleted?: string }>;
    return (out ?? []).flatMap((o) => [o.Untagged, o.Deleted].filter((x): x is string => !!x));
  } catch (err) {
    throw toRpcError(err, `Removing ${ref.startsWith('sha256:') ? shortId(ref) : ref}`);
  }
}

/**
 * Prunes images: dangling only, or every image no container uses. `label` ("k" or "k=v")
 * restricts the prune to images carrying it.
 */
export async function pruneImages(docker: Docker, opts: { all: boolean; label?: string; podman?: boolean }): Promise<PruneResult> {
  // Podman's compat prune always adds dangling=true; "all unused" needs its libpod call.
  if (opts.podman && opts.all) return prunePodmanAll(docker, opts.label);
  const filters: Record<string, string[]> = { dangling: [opts.all ? 'false' : 'true'] };
  if (opts.label) filters.label = [opts.label];
  try {
    const out = (await docker.pruneImages({ filters: JSON.stringify(filters) })) as {
      ImagesDeleted?: Array<{ Untagged?: string; Deleted?: string }> | null;
      SpaceReclaimed?: number;
    };
    return {
      deleted: (out.ImagesDeleted ?? []).flatMap((o) => [o.Untagged, o.Deleted].filter((x): x is string => !!x)),
      spaceReclaimed: out.SpaceReclaimed ?? 0,
    };
  } catch (err) {
    throw toRpcError(err, 'Pruning images');
  }
}

async function prunePodmanAll(docker: Docker, label?: string): Promise<PruneResult> {
  const filters = label ? { label: [label] } : {};
  try {
    const out = await new Promise<Array<{ Id: string; Size?: number; Err?: string }> | null>((resolve, reject) =>
      docker.modem.dial(
        { path: '/v4.0.0/libpod/images/prune?', method: 'POST', options: { all: true, filters: JSON.stringify(filters) }, statusCodes: { 200: true, 500: 'server error' } },
        (err: unknown, data: unknown) => (err ? reject(err) : resolve(data as Array<{ Id: string; Size?: number; Err?: string }> | null)),
      ),
    );
    const ok = (out ?? []).filter((r) => !r.Err);
    return { deleted: ok.map((r) => r.Id), spaceReclaimed: ok.reduce((s, r) => s + (r.Size ?? 0), 0) };
  } catch (err) {
    throw toRpcError(err, 'Pruning images');
  }
}

/** Containers created from one image (the image detail's list). */
export async function containersUsing(docker: Docker, imageId: string): Promise<Array<{ id: string; name: string; state: string }>> {
  const list = await docker.listContainers({ all: true });
  return list
    .filter((c) => sameImageId(c.ImageID ?? '', imageId))
    .map((c) => ({ id: c.Id, name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''), state: c.State ?? '' }));
}
