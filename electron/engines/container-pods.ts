// Which Podman pod each container belongs to (the compat list does not say; libpod's does).
import type { Engine } from './engine';
import { libpod } from './libpod';

/** Container id → pod name, for the Podman containers that belong to a pod. */
export async function podsOfContainers(engine: Engine): Promise<Record<string, string>> {
  const list = await libpod<{ Id: string; PodName?: string }[]>(engine, { method: 'GET', path: '/containers/json', query: { all: true } });
  const out: Record<string, string> = {};
  for (const c of list ?? []) if (c.PodName) out[c.Id] = c.PodName;
  return out;
}
