// Podman pods as Berth's rows: list, one pod, create, lifecycle. All through libpod.ts.
import type { Engine } from './engine';
import { libpod } from './libpod';

export type PodState = 'created' | 'running' | 'degraded' | 'paused' | 'stopped' | 'exited' | 'error' | 'unknown';
export type PodContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead' | 'unknown';

export interface PodContainer {
  id: string;
  name: string;
  image: string;
  state: PodContainerState;
  infra: boolean;
}

export interface PodPort {
  ip?: string;
  privatePort: number;
  publicPort?: number;
  type: string;
}

export interface PodRow {
  engineId: string;
  id: string;
  name: string;
  state: PodState;
  created: number;
  infraId?: string;
  containers: PodContainer[];
  ports: PodPort[];
  labels: Record<string, string>;
  networks: string[];
}

/** GET /libpod/pods/json, one entry. */
export interface LibpodPodSummary {
  Id: string;
  Name: string;
  Status?: string;
  Created?: string;
  InfraId?: string;
  Labels?: Record<string, string> | null;
  Networks?: string[] | null;
  Containers?: Array<{ Id: string; Names?: string; Status?: string }> | null;
}

/** GET /libpod/containers/json, the fields pods need. */
export interface LibpodContainerSummary {
  Id: string;
  Names?: string[] | null;
  Image?: string;
  State?: string;
  IsInfra?: boolean;
  Pod?: string;
  Ports?: Array<{ host_ip?: string; container_port: number; host_port?: number; range?: number; protocol?: string }> | null;
}

const POD_STATES = new Set<PodState>(['created', 'running', 'degraded', 'paused', 'stopped', 'exited', 'error']);
const CONTAINER_STATES = new Set(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);

export function containerState(raw: string | undefined): PodContainerState {
  const s = (raw ?? '').toLowerCase();
  if (CONTAINER_STATES.has(s)) return s as PodContainerState;
  if (s === 'stopped') return 'exited';
  if (s === 'configured' || s === 'initialized') return 'created';
  return 'unknown';
}

/** Joins a pod summary with its containers' summaries into one row (pure; unit-tested). */
export function toPodRow(engineId: string, p: LibpodPodSummary, containers: LibpodContainerSummary[]): PodRow {
  const mine = new Map(containers.filter((c) => c.Pod === p.Id).map((c) => [c.Id, c]));
  const state = (p.Status ?? '').toLowerCase() as PodState;
  const list: PodContainer[] = (p.Containers ?? []).map((c) => {
    const full = mine.get(c.Id);
    return {
      id: c.Id,
      name: c.Names ?? full?.Names?.[0] ?? c.Id.slice(0, 12),
      image: full?.Image ?? '',
      state: containerState(full?.State ?? c.Status),
      infra: c.Id === p.InfraId || !!full?.IsInfra,
    };
  });
  // The infra container holds the pod's published ports (every member shares its network).
  list.sort((a, b) => Number(b.infra) - Number(a.infra) || a.name.localeCompare(b.name));
  const portSource = (p.InfraId && mine.get(p.InfraId)) || [...mine.values()][0];
  const ports: PodPort[] = [];
  for (const port of portSource?.Ports ?? []) {
    for (let i = 0; i < Math.max(1, port.range ?? 1); i++) {
      ports.push({
        ...(port.host_ip ? { ip: port.host_ip } : {}),
        privatePort: port.container_port + i,
        ...(port.host_port ? { publicPort: port.host_port + i } : {}),
        type: port.protocol || 'tcp',
      });
    }
  }
  return {
    engineId,
    id: p.Id,
    name: p.Name,
    state: POD_STATES.has(state) ? state : 'unknown',
    created: p.Created ? Math.floor(Date.parse(p.Created) / 1000) : 0,
    ...(p.InfraId ? { infraId: p.InfraId } : {}),
    containers: list,
    ports,
    labels: p.Labels ?? {},
    networks: p.Networks ?? [],
  };
}

async function rows(engine: Engine, filters: Record<string, string[]>): Promise<PodRow[]> {
  const pods = (await libpod<LibpodPodSummary[] | null>(engine, { method: 'GET', path: '/pods/json', query: { filters } })) ?? [];
  if (pods.length === 0) return [];
  const containers =
    (await libpod<LibpodContainerSummary[] | null>(engine, {
      method: 'GET',
      path: '/containers/json',
      query: { all: true, filters: { pod: pods.map((p) => p.Id) } },
    })) ?? [];
  return pods.map((p) => toPodRow(engine.id, p, containers));
}

export const listPods = (engine: Engine) => rows(engine, {});

/** One pod's row by id or name, or null when it no longer exists. */
export async function getPod(engine: Engine, ref: string): Promise<PodRow | null> {
  const byId = await rows(engine, { id: [ref] });
  if (byId.length) return byId.find((p) => p.id === ref || p.id.startsWith(ref)) ?? byId[0]!;
  const byName = await rows(engine, { name: [ref] });
  return byName.find((p) => p.name === ref) ?? null;
}

export interface PodSpec {
  name: string;
  ports: Array<{ containerPort: number; hostPort?: number | undefined; protocol: 'tcp' | 'udp' | 'sctp'; hostIp?: string | undefined }>;
  labels: Record<string, string>;
}

export async function createPod(engine: Engine, spec: PodSpec): Promise<string> {
  const res = await libpod<{ Id: string }>(engine, {
    method: 'POST',
    path: '/pods/create',
    json: {
      name: spec.name,
      labels: spec.labels,
      portmappings: spec.ports.map((p) => ({
        container_port: p.containerPort,
        ...(p.hostPort ? { host_port: p.hostPort } : {}),
        protocol: p.protocol,
        ...(p.hostIp ? { host_ip: p.hostIp } : {}),
      })),
    },
  });
  return res.Id;
}

export type PodVerb = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

export async function podAction(engine: Engine, ref: string, verb: PodVerb, opts: { timeoutSeconds?: number | undefined; signal?: string | undefined } = {}): Promise<void> {
  const query =
    verb === 'stop' && opts.timeoutSeconds !== undefined ? { t: opts.timeoutSeconds } : verb === 'kill' && opts.signal ? { signal: opts.signal } : undefined;
  // 304: the pod is already in that state, which is what was asked.
  await libpod(engine, { method: 'POST', path: `/pods/${encodeURIComponent(ref)}/${verb}`, ...(query ? { query } : {}), accept: [304] });
}

/**
 * Removes a pod. With force, its containers are killed first: a forced removal otherwise
 * waits out each container's stop timeout (10 s for a PID 1 that ignores SIGTERM).
 */
export async function removePod(engine: Engine, ref: string, force: boolean): Promise<void> {
  if (force) await podAction(engine, ref, 'kill').catch(() => undefined);
  await libpod(engine, { method: 'DELETE', path: `/pods/${encodeURIComponent(ref)}`, query: { force } });
}
