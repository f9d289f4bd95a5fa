// Direct engine access for fixtures: what the tests create carries a label of this run,
// and only that is ever removed (the engines are shared with whatever else runs here).
import { randomBytes } from 'node:crypto';
import Docker from 'dockerode';
import { DOCKER_SOCKET, PODMAN_SOCKET } from './services';

export const BASE_IMAGE = 'berth-base:latest';
export const TEST_LABEL = 'berth.test.run';
export const RUN_ID = `t${randomBytes(4).toString('hex')}`;

export const engineClients = () => ({
  docker: new Docker({ socketPath: DOCKER_SOCKET }),
  podman: new Docker({ socketPath: PODMAN_SOCKET }),
});

export function uniqueName(prefix: string): string {
  return `${prefix}-${RUN_ID}-${randomBytes(2).toString('hex')}`;
}

export async function createTestContainer(
  docker: Docker,
  opts: { name?: string; cmd?: string[]; start?: boolean; ports?: Record<string, number> } = {},
): Promise<Docker.Container> {
  const name = opts.name ?? uniqueName('berth');
  const exposed = Object.fromEntries(Object.keys(opts.ports ?? {}).map((p) => [p, {}]));
  const bindings = Object.fromEntries(Object.entries(opts.ports ?? {}).map(([p, host]) => [p, [{ HostPort: String(host) }]]));
  const c = await docker.createContainer({
    name,
    Image: BASE_IMAGE,
    Cmd: opts.cmd ?? ['sleep', '600'],
    Labels: { [TEST_LABEL]: RUN_ID },
    ExposedPorts: exposed,
    HostConfig: { PortBindings: bindings },
  });
  if (opts.start) await c.start();
  return c;
}

/** Removes every container this test run created on the engine. */
export async function removeTestContainers(docker: Docker): Promise<void> {
  const list = await docker.listContainers({ all: true, filters: JSON.stringify({ label: [`${TEST_LABEL}=${RUN_ID}`] }) });
  await Promise.all(list.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
}
