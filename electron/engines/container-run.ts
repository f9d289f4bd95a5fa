// Creates (and starts) a container from the Run dialog's spec, on Docker or Podman.
// Nothing is left half-made: when the start fails, the created container is removed.
import type Docker from 'dockerode';
import { ORPCError } from '@orpc/server';
import type { RunSpec } from '../api/contracts/containers-run';
import type { Engine } from './engine';
import { engineMessage, toRpcError } from './errors';
import { libpod } from './libpod';

export interface RunOutcome {
  id: string;
  name: string;
  started: boolean;
  warnings: string[];
}

/** The Docker API's create body for a spec (both engines speak it). */
export function createOptions(spec: RunSpec): Docker.ContainerCreateOptions {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp?: string; HostPort: string }[]> = {};
  for (const p of spec.ports) {
    const key = `${p.containerPort}/${p.protocol}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ ...(p.hostIp ? { HostIp: p.hostIp } : {}), HostPort: p.hostPort ? String(p.hostPort) : '' });
  }
  return {
    ...(spec.name ? { name: spec.name } : {}),
    Image: spec.image,
    ...(spec.cmd.length ? { Cmd: spec.cmd } : {}),
    ...(spec.entrypoint ? { Entrypoint: spec.entrypoint } : {}),
    Env: spec.env.map((e) => `${e.key}=${e.value}`),
    Labels: spec.labels,
    ExposedPorts: exposed,
    HostConfig: {
      PortBindings: bindings,
      Mounts: spec.mounts.map((m) => ({
        Type: m.type,
        Source: m.source,
        Target: m.target,
        ReadOnly: m.readOnly,
      })),
      RestartPolicy: { Name: spec.restart === 'no' ? '' : spec.restart },
      AutoRemove: spec.autoRemove,
      ...(spec.network ? { NetworkMode: spec.network } : {}),
    },
  };
}

/** Podman's libpod create body (SpecGenerator): the only way to join a pod at create. */
export function libpodSpec(spec: RunSpec): Record<string, unknown> {
  return {
    ...(spec.name ? { name: spec.name } : {}),
    image: spec.image,
    ...(spec.cmd.length ? { command: spec.cmd } : {}),
    ...(spec.entrypoint ? { entrypoint: spec.entrypoint } : {}),
    env: Object.fromEntries(spec.env.map((e) => [e.key, e.value])),
    labels: spec.labels,
    pod: spec.pod,
    remove: spec.autoRemove,
    ...(spec.restart !== 'no' ? { restart_policy: spec.restart } : {}),
    portmappings: spec.ports.map((p) => ({
      container_port: p.containerPort,
      protocol: p.protocol,
      ...(p.hostPort ? { host_port: p.hostPort } : {}),
      ...(p.hostIp ? { host_ip: p.hostIp } : {}),
    })),
    mounts: spec.mounts.filter((m) => m.type === 'bind').map((m) => ({ type: 'bind', source: m.source, destination: m.target, options: m.readOnly ? ['ro'] : [] })),
    volumes: spec.mounts.filter((m) => m.type === 'volume').map((m) => ({ Name: m.source, Dest: m.target, Options: m.readOnly ? ['ro'] : [] })),
    ...(spec.network ? { networks: { [spec.network]: {} } } : {}),
  };
}

export async function runContainer(engine: Engine, spec: RunSpec): Promise<RunOutcome> {
  if (spec.pod && engine.snapshot.kind !== 'podman') {
    throw new ORPCError('BAD_REQUEST', { message: `Pods are a Podman feature; ${engine.snapshot.name} is ${engine.snapshot.kind}.` });
  }
  const label = spec.name ? `"${spec.name}"` : `a container of ${spec.image}`;
  let id: string;
  let warnings: string[] = [];
  try {
    if (spec.pod) {
      const made = await libpod<{ Id: string; Warnings?: string[] }>(engine, { method: 'POST', path: '/containers/create', json: libpodSpec(spec) });
      id = made.Id;
      warnings = made.Warnings ?? [];
    } else {
      const made = await engine.docker.createContainer(createOptions(spec));
      id = made.id;
      warnings = ((made as unknown as { Warnings?: string[] }).Warnings ?? []).filter(Boolean);
    }
  } catch (err) {
    throw toRpcError(err, `Creating ${label} on ${engine.snapshot.name}`);
  }
  const container = engine.docker.getContainer(id);
  const name = spec.name ?? (await container.inspect().then((i) => i.Name.replace(/^\//, ''), () => id.slice(0, 12)));
  if (!spec.start) return { id, name, started: false, warnings };
  try {
    await container.start();
  } catch (err) {
    const cleanup = await container.remove({ force: true, v: true }).then(
      () => 'The container it had created was removed: nothing is left behind.',
      (e: unknown) => ((e as { statusCode?: number }).statusCode === 404 ? 'Nothing is left behind.' : `Removing the created container failed too: ${engineMessage(e)}`),
    );
    const rpc = toRpcError(err, `Starting ${name} on ${engine.snapshot.name}`);
    // The engines answer 500 for a refusal such as a port already taken: it is a conflict, not a fault.
    const code = rpc.code === 'INTERNAL_SERVER_ERROR' && /already (allocated|in use)|address already in use/i.test(rpc.message) ? 'CONFLICT' : rpc.code;
    throw new ORPCError(code, { message: `${rpc.message}. ${cleanup}` });
  }
  return { id, name, started: true, warnings };
}

/** repo:tag names of the engine's local images, for suggestions. */
export async function localImageNames(engine: Engine): Promise<string[]> {
  const images = await engine.docker.listImages();
  const names = new Set<string>();
  for (const img of images) for (const t of img.RepoTags ?? []) if (!t.includes('<none>')) names.add(t);
  return [...names].sort();
}
