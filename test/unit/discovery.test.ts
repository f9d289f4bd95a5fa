import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { discoverEndpoints, type DiscoveryHost } from '../../electron/engines/discovery';

function host(over: Partial<DiscoveryHost> & { files?: Record<string, string>; sockets?: string[]; dirs?: Record<string, string[]> }): DiscoveryHost {
  const files = over.files ?? {};
  const sockets = new Set(over.sockets ?? []);
  return {
    platform: over.platform ?? 'linux',
    env: over.env ?? {},
    home: over.home ?? '/home/ann',
    uid: over.uid ?? 1000,
    exists: (p) => sockets.has(p) || p in files,
    readFile: (p) => files[p],
    readDir: (p) => over.dirs?.[p] ?? [],
  };
}

describe('discoverEndpoints', () => {
  it('finds nothing on a bare machine', () => {
    expect(discoverEndpoints(host({}))).toEqual([]);
  });

  it('puts DOCKER_HOST first and canonicalises it', () => {
    const found = discoverEndpoints(host({ env: { DOCKER_HOST: 'tcp://10.0.0.5:2375' }, sockets: ['/var/run/docker.sock'] }));
    expect(found[0]).toEqual({ endpoint: 'tcp://10.0.0.5:2375', source: 'env', name: 'DOCKER_HOST' });
    expect(found[1]).toMatchObject({ endpoint: 'unix:///var/run/docker.sock', source: 'default-socket' });
  });

  it('ignores a malformed DOCKER_HOST instead of failing', () => {
    expect(discoverEndpoints(host({ env: { DOCKER_HOST: 'not a url' } }))).toEqual([]);
  });

  it('reads the current docker context from config.json and its meta.json', () => {
    const digest = createHash('sha256').update('colima').digest('hex');
    const found = discoverEndpoints(
      host({
        files: {
          '/home/ann/.docker/config.json': JSON.stringify({ currentContext: 'colima' }),
          [`/home/ann/.docker/contexts/meta/${digest}/meta.json`]: JSON.stringify({
            Name: 'colima',
            Endpoints: { docker: { Host: 'unix:///home/ann/.colima/default/docker.sock' } },
          }),
        },
      }),
    );
    expect(found).toEqual([{ endpoint: 'unix:///home/ann/.colima/default/docker.sock', source: 'docker-context', name: 'context colima' }]);
  });

  it('lets DOCKER_CONTEXT and DOCKER_CONFIG override the config file', () => {
    const digest = createHash('sha256').update('remote').digest('hex');
    const found = discoverEndpoints(
      host({
        env: { DOCKER_CONTEXT: 'remote', DOCKER_CONFIG: '/etc/dockercfg' },
        files: { [`/etc/dockercfg/contexts/meta/${digest}/meta.json`]: JSON.stringify({ Endpoints: { docker: { Host: 'ssh://ops@build' } } }) },
      }),
    );
    expect(found).toEqual([{ endpoint: 'ssh://ops@build', source: 'docker-context', name: 'context remote' }]);
  });

  it('treats the "default" context as no context', () => {
    expect(discoverEndpoints(host({ files: { '/home/ann/.docker/config.json': '{"currentContext":"default"}' } }))).toEqual([]);
  });

  it('finds Docker, Docker Desktop, rootless and rootful Podman sockets on Linux', () => {
    const found = discoverEndpoints(
      host({
        env: { XDG_RUNTIME_DIR: '/run/user/1000' },
        sockets: ['/var/run/docker.sock', '/home/ann/.docker/desktop/docker.sock', '/run/user/1000/podman/podman.sock', '/run/podman/podman.sock'],
      }),
    );
    expect(found.map((c) => [c.endpoint, c.name])).toEqual([
      ['unix:///var/run/docker.sock', 'docker'],
      ['unix:///home/ann/.docker/desktop/docker.sock', 'docker-desktop'],
      ['unix:///run/user/1000/podman/podman.sock', 'podman (rootless)'],
      ['unix:///run/podman/podman.sock', 'podman (rootful)'],
    ]);
  });

  it('falls back to /run/user/UID when XDG_RUNTIME_DIR is unset', () => {
    const found = discoverEndpoints(host({ uid: 1234, sockets: ['/run/user/1234/podman/podman.sock'] }));
    expect(found[0]?.endpoint).toBe('unix:///run/user/1234/podman/podman.sock');
  });

  it('finds Podman machine sockets on macOS', () => {
    const machineDir = '/Users/ann/.local/share/containers/podman/machine';
    const found = discoverEndpoints(
      host({
        platform: 'darwin',
        home: '/Users/ann',
        env: { TMPDIR: '/var/folders/x/T' },
        dirs: { [machineDir]: ['applehv'], '/var/folders/x/T/podman': ['podman-machine-default-api.sock', 'other.txt'] },
        sockets: ['/Users/ann/.docker/run/docker.sock', `${machineDir}/applehv/podman.sock`, '/var/folders/x/T/podman/podman-machine-default-api.sock'],
      }),
    );
    expect(found.map((c) => [c.endpoint, c.source])).toEqual([
      ['unix:///Users/ann/.docker/run/docker.sock', 'default-socket'],
      [`unix://${machineDir}/applehv/podman.sock`, 'podman-machine'],
      ['unix:///var/folders/x/T/podman/podman-machine-default-api.sock', 'podman-machine'],
    ]);
  });

  it('finds named pipes on Windows', () => {
    const found = discoverEndpoints(
      host({ platform: 'win32', home: 'C:\\Users\\ann', sockets: ['\\\\.\\pipe\\docker_engine', '\\\\.\\pipe\\podman-machine-default'] }),
    );
    expect(found.map((c) => c.endpoint)).toEqual(['npipe:////./pipe/docker_engine', 'npipe:////./pipe/podman-machine-default']);
  });

  it('lists one socket once, whatever the number of ways it was found', () => {
    const found = discoverEndpoints(host({ env: { DOCKER_HOST: 'unix:///var/run/docker.sock' }, sockets: ['/var/run/docker.sock'] }));
    expect(found).toHaveLength(1);
    expect(found[0]?.source).toBe('env');
  });
});
