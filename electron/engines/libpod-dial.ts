// The few Podman-only calls the containers feature needs (pods of containers, create in
// a pod), through dockerode's modem, on the libpod API of the engine's own version.
import type { Engine } from './engine';

export function libpodPath(engine: Engine, path: string): string {
  const version = engine.snapshot.version;
  if (engine.snapshot.kind !== 'podman' || !version) throw new Error(`${engine.snapshot.name} is not a Podman engine.`);
  return `/v${version}/libpod${path}`;
}

/** `query` becomes the query string (docker-modem appends it to a path ending in "?"). */
export function libpodCall<T>(engine: Engine, method: 'GET' | 'POST', path: string, opts: { query?: object; body?: object } = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    engine.docker.modem.dial(
      {
        path: libpodPath(engine, opts.query ? `${path}?` : path),
        method,
        options: { ...(opts.query ? { _query: opts.query } : {}), ...(opts.body ? { _body: opts.body } : {}) },
        statusCodes: { 200: true, 201: true, 204: true, 400: 'bad parameter', 404: 'no such object', 409: 'conflict', 500: 'server error' },
      },
      (err: unknown, data: unknown) => (err ? reject(err) : resolve(data as T)),
    );
  });
}

/** Container id → pod name, for the Podman containers that belong to a pod. */
export async function podsOfContainers(engine: Engine): Promise<Record<string, string>> {
  const list = await libpodCall<{ Id: string; Pod?: string; PodName?: string }[]>(engine, 'GET', '/containers/json', { query: { all: true } });
  const out: Record<string, string> = {};
  for (const c of list ?? []) if (c.PodName) out[c.Id] = c.PodName;
  return out;
}
