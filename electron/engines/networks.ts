// Networks of one engine: rows with their containers, create a bridge, remove,
// connect and disconnect a container.
import type Docker from 'dockerode';
import { toRpcError } from './errors';

export interface NetworkRow {
  engineId: string;
  id: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
  subnets: string[];
  labels: Record<string, string>;
  containers: Array<{ id: string; name: string }>;
}

type ContainerList = Docker.ContainerInfo[];
const BUILT_IN = new Set(['bridge', 'host', 'none', 'podman']);

export const isBuiltInNetwork = (name: string) => BUILT_IN.has(name);

function members(containers: ContainerList, n: { Id: string; Name: string }): NetworkRow['containers'] {
  return containers
    .filter((c) => Object.entries(c.NetworkSettings?.Networks ?? {}).some(([name, s]) => name === n.Name || (s.NetworkID && s.NetworkID === n.Id)))
    .map((c) => ({ id: c.Id, name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, '') }));
}

function toRow(engineId: string, n: Docker.NetworkInspectInfo, containers: ContainerList): NetworkRow {
  return {
    engineId,
    id: n.Id,
    name: n.Name,
    driver: n.Driver,
    scope: n.Scope,
    internal: !!n.Internal,
    subnets: (n.IPAM?.Config ?? []).map((c) => c.Subnet).filter((s): s is string => !!s),
    labels: n.Labels ?? {},
    containers: members(containers, n),
  };
}

export async function listNetworks(docker: Docker, engineId: string): Promise<NetworkRow[]> {
  const [nets, containers] = await Promise.all([docker.listNetworks(), docker.listContainers({ all: true })]);
  return nets.map((n) => toRow(engineId, n, containers));
}

export async function networkRow(docker: Docker, engineId: string, idOrName: string): Promise<NetworkRow | null> {
  try {
    const n = (await docker.getNetwork(idOrName).inspect()) as Docker.NetworkInspectInfo;
    return toRow(engineId, n, await docker.listContainers({ all: true }));
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return null;
    throw err;
  }
}

export async function createNetwork(
  docker: Docker,
  engineId: string,
  input: { name: string; subnet?: string; internal?: boolean; labels?: Record<string, string> },
): Promise<NetworkRow> {
  try {
    const net = await docker.createNetwork({
      Name: input.name,
      Driver: 'bridge',
      Internal: !!input.internal,
      Labels: input.labels ?? {},
      ...(input.subnet ? { IPAM: { Driver: 'default', Config: [{ Subnet: input.subnet }] } } : {}),
    });
    return (await networkRow(docker, engineId, net.id)) ?? { engineId, id: net.id, name: input.name, driver: 'bridge', scope: 'local', internal: !!input.internal, subnets: [], labels: input.labels ?? {}, containers: [] };
  } catch (err) {
    throw toRpcError(err, `Creating network ${input.name}`);
  }
}

export async function removeNetwork(docker: Docker, id: string): Promise<void> {
  try {
    await docker.getNetwork(id).remove();
  } catch (err) {
    throw toRpcError(err, `Removing network ${id.slice(0, 12)}`);
  }
}

export async function connectContainer(docker: Docker, network: string, container: string, connect: boolean): Promise<void> {
  try {
    if (connect) await docker.getNetwork(network).connect({ Container: container });
    else await docker.getNetwork(network).disconnect({ Container: container, Force: true });
  } catch (err) {
    throw toRpcError(err, `${connect ? 'Connecting' : 'Disconnecting'} ${container} ${connect ? 'to' : 'from'} ${network}`);
  }
}
