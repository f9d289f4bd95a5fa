// Parsing of engine endpoints as users and tools write them (DOCKER_HOST syntax),
// and their translation into dockerode's connection options.
import type { DockerOptions } from 'dockerode';

export type Endpoint =
  | { kind: 'unix'; path: string }
  | { kind: 'npipe'; path: string }
  | { kind: 'tcp'; host: string; port: number; tls: boolean }
  | { kind: 'ssh'; host: string; port: number; username?: string };

export class EndpointError extends Error {}

/** Parses `unix:///p`, `/p`, `npipe:////./pipe/x`, `tcp://h:p`, `https://h:p`, `ssh://[u@]h[:p]`. */
export function parseEndpoint(raw: string): Endpoint {
  const s = raw.trim();
  if (!s) throw new EndpointError('The endpoint is empty.');
  if (s.startsWith('/')) return { kind: 'unix', path: s };
  if (/^\\\\\.\\pipe\\/.test(s) || s.startsWith('//./pipe/')) return { kind: 'npipe', path: s.replace(/\\/g, '/') };
  const m = /^([a-z]+):\/\/(.*)$/i.exec(s);
  if (!m) {
    throw new EndpointError(
      `"${s}" is not an endpoint. Use a socket path (/var/run/docker.sock), unix://, tcp://host:port, ssh://user@host or npipe://.`,
    );
  }
  const scheme = m[1]!.toLowerCase();
  const rest = m[2]!;
  switch (scheme) {
    case 'unix':
      if (!rest.startsWith('/')) throw new EndpointError(`unix:// needs an absolute socket path, as in unix:///var/run/docker.sock.`);
      return { kind: 'unix', path: rest };
    case 'npipe': {
      const path = rest.replace(/\\/g, '/');
      if (!path.startsWith('//./pipe/') || path.length <= '//./pipe/'.length) {
        throw new EndpointError(`npipe:// needs a pipe path, as in npipe:////./pipe/docker_engine.`);
      }
      return { kind: 'npipe', path };
    }
    case 'tcp':
    case 'http':
    case 'https': {
      const url = safeUrl(`http://${rest}`, s);
      if (!url.hostname) throw new EndpointError(`"${s}" has no host.`);
      if (url.pathname !== '/' && url.pathname !== '') throw new EndpointError(`"${s}" must not have a path.`);
      const port = url.port ? Number(url.port) : scheme === 'https' ? 2376 : 2375;
      return { kind: 'tcp', host: url.hostname.replace(/^\[|\]$/g, ''), port, tls: scheme === 'https' };
    }
    case 'ssh': {
      const url = safeUrl(`ssh://${rest}`, s);
      if (!url.hostname) throw new EndpointError(`"${s}" has no host.`);
      return {
        kind: 'ssh',
        host: url.hostname,
        port: url.port ? Number(url.port) : 22,
        ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      };
    }
    default:
      throw new EndpointError(`Unsupported scheme "${scheme}://". Use unix://, tcp://, ssh:// or npipe://.`);
  }
}

function safeUrl(text: string, original: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new EndpointError(`"${original}" is not a valid address.`);
  }
}

/** The canonical text of an endpoint: two spellings of one socket compare equal. */
export function formatEndpoint(e: Endpoint): string {
  switch (e.kind) {
    case 'unix':
      return `unix://${e.path}`;
    case 'npipe':
      return `npipe://${e.path}`;
    case 'tcp':
      return `${e.tls ? 'https' : 'tcp'}://${e.host}:${e.port}`;
    case 'ssh':
      return `ssh://${e.username ? `${e.username}@` : ''}${e.host}${e.port === 22 ? '' : `:${e.port}`}`;
  }
}

export function dockerodeOptions(e: Endpoint, certs?: { ca?: string | Buffer; cert?: string | Buffer; key?: string | Buffer }): DockerOptions {
  switch (e.kind) {
    case 'unix':
    case 'npipe':
      return { socketPath: e.path };
    case 'tcp':
      // Certificates mean TLS, as DOCKER_TLS_VERIFY does for tcp://.
      return { host: e.host, port: e.port, protocol: e.tls || certs ? 'https' : 'http', ...(certs ?? {}) };
    case 'ssh':
      return { protocol: 'ssh', host: e.host, port: e.port, ...(e.username ? { username: e.username } : {}) };
  }
}
