import { describe, expect, it } from 'vitest';
import { dockerodeOptions, formatEndpoint, parseEndpoint } from '../../electron/engines/endpoint';

describe('parseEndpoint', () => {
  it.each([
    ['/var/run/docker.sock', 'unix:///var/run/docker.sock'],
    ['unix:///run/podman/podman.sock', 'unix:///run/podman/podman.sock'],
    ['tcp://127.0.0.1:2375', 'tcp://127.0.0.1:2375'],
    ['tcp://build.local', 'tcp://build.local:2375'],
    ['https://build.local', 'https://build.local:2376'],
    ['ssh://ops@build.local', 'ssh://ops@build.local'],
    ['ssh://build.local:2222', 'ssh://build.local:2222'],
    ['npipe:////./pipe/docker_engine', 'npipe:////./pipe/docker_engine'],
    ['\\\\.\\pipe\\podman-machine-default', 'npipe:////./pipe/podman-machine-default'],
  ])('reads %s', (raw, canonical) => {
    expect(formatEndpoint(parseEndpoint(raw))).toBe(canonical);
  });

  it.each([
    ['', /empty/],
    ['docker.sock', /not an endpoint/],
    ['unix://relative.sock', /absolute socket path/],
    ['ftp://host', /Unsupported scheme/],
    ['tcp://', /valid address|no host/],
    ['tcp://host:2375/path', /must not have a path/],
    ['npipe://pipe', /pipe path/],
  ])('refuses %j with a clear message', (raw, message) => {
    expect(() => parseEndpoint(raw)).toThrow(message);
  });

  it('turns endpoints into dockerode options', () => {
    expect(dockerodeOptions(parseEndpoint('/var/run/docker.sock'))).toEqual({ socketPath: '/var/run/docker.sock' });
    expect(dockerodeOptions(parseEndpoint('tcp://h:1'))).toEqual({ host: 'h', port: 1, protocol: 'http' });
    expect(dockerodeOptions(parseEndpoint('ssh://u@h'))).toEqual({ protocol: 'ssh', host: 'h', port: 22, username: 'u' });
  });
});
