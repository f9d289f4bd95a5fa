// The real services the tests talk to (started by scripts/test-env.sh). A missing one
// fails the suite with a message that says how to start it: never a silent skip.
import fs from 'node:fs';
import http from 'node:http';

export const DOCKER_SOCKET = process.env.BERTH_TEST_DOCKER_SOCKET ?? '/var/run/docker.sock';
export const PODMAN_SOCKET = process.env.BERTH_TEST_PODMAN_SOCKET ?? '/run/podman/podman.sock';
export const REGISTRY = process.env.BERTH_TEST_REGISTRY ?? '127.0.0.1:5001';
export const MOTO_URL = process.env.BERTH_TEST_MOTO_URL ?? 'http://127.0.0.1:4566';
export const CHROMIUM = process.env.BERTH_TEST_CHROMIUM ?? '/usr/bin/chromium';

type Service = 'docker' | 'podman' | 'registry' | 'moto' | 'chromium';

function get(opts: http.RequestOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ timeout: 5000, ...opts }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
  });
}

async function check(s: Service): Promise<string | undefined> {
  try {
    switch (s) {
      case 'docker':
        return (await get({ socketPath: DOCKER_SOCKET, path: '/_ping' })) === 200 ? undefined : 'dockerd did not answer /_ping';
      case 'podman':
        return (await get({ socketPath: PODMAN_SOCKET, path: '/_ping' })) === 200 ? undefined : 'the Podman service did not answer /_ping';
      case 'registry': {
        const [host, port] = REGISTRY.split(':');
        return (await get({ host, port: Number(port), path: '/v2/' })) === 401 ? undefined : 'the registry did not ask for credentials on /v2/';
      }
      case 'moto': {
        const u = new URL(MOTO_URL);
        return (await get({ host: u.hostname, port: Number(u.port), path: '/moto-api/' })) < 500 ? undefined : 'moto answered with an error';
      }
      case 'chromium':
        return fs.existsSync(CHROMIUM) ? undefined : `no browser at ${CHROMIUM}`;
    }
  } catch (err) {
    return (err as Error).message;
  }
}

/** Throws (failing the suite) unless every named service answers. */
export async function requireServices(...services: Service[]): Promise<void> {
  const missing: string[] = [];
  for (const s of services) {
    const why = await check(s);
    if (why) missing.push(`${s}: ${why}`);
  }
  if (missing.length) {
    throw new Error(`Real services missing (run "bash scripts/test-env.sh up" as root):\n  ${missing.join('\n  ')}`);
  }
}
