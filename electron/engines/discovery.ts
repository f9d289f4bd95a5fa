// Finds the engine endpoints a machine usually has, in the order a user expects them:
// DOCKER_HOST, the current docker context, then the well-known sockets per OS.
// Pure over a DiscoveryHost so every OS's rules are unit-tested on any OS.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TlsFiles } from '../api/contracts/engines';
import { formatEndpoint, parseEndpoint } from './endpoint';

export type EndpointSource = 'env' | 'docker-context' | 'default-socket' | 'podman-machine' | 'manual';

export interface Candidate {
  endpoint: string;
  source: EndpointSource;
  name: string;
  /** TLS files of a hand-added tcp:// endpoint. */
  tls?: TlsFiles;
}

export interface DiscoveryHost {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  uid: number | undefined;
  exists(p: string): boolean;
  readFile(p: string): string | undefined;
  readDir(p: string): string[];
}

export function nodeDiscoveryHost(env: Record<string, string | undefined> = process.env): DiscoveryHost {
  return {
    platform: process.platform,
    env,
    home: os.homedir(),
    uid: typeof process.getuid === 'function' ? process.getuid() : undefined,
    exists: (p) => fs.existsSync(p),
    readFile: (p) => {
      try {
        return fs.readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
    readDir: (p) => {
      try {
        return fs.readdirSync(p);
      } catch {
        return [];
      }
    },
  };
}

export function discoverEndpoints(host: DiscoveryHost): Candidate[] {
  const found: Candidate[] = [];
  const seen = new Set<string>();
  const add = (raw: string, source: EndpointSource, name: string) => {
    let canonical: string;
    try {
      canonical = formatEndpoint(parseEndpoint(raw));
    } catch {
      return; // a malformed DOCKER_HOST or context is not an engine; the UI lets users add one by hand
    }
    if (seen.has(canonical)) return;
    seen.add(canonical);
    found.push({ endpoint: canonical, source, name });
  };
  const p = host.platform === 'win32' ? path.win32 : path.posix;

  const dockerHost = host.env.DOCKER_HOST?.trim();
  if (dockerHost) add(dockerHost, 'env', 'DOCKER_HOST');

  const ctx = currentDockerContext(host, p);
  if (ctx) add(ctx.host, 'docker-context', `context ${ctx.name}`);

  const socket = (file: string, source: EndpointSource, name: string) => {
    if (host.exists(file)) add(file, source, name);
  };
  if (host.platform === 'win32') {
    // Named pipes show in the pipe namespace like files: \\.\pipe\NAME.
    for (const [pipe, name] of [
      ['docker_engine', 'docker'],
      ['dockerDesktopLinuxEngine', 'docker-desktop'],
      ['podman-machine-default', 'podman-machine-default'],
    ] as const) {
      if (host.exists(`\\\\.\\pipe\\${pipe}`)) add(`npipe:////./pipe/${pipe}`, pipe.startsWith('podman') ? 'podman-machine' : 'default-socket', name);
    }
    return found;
  }

  socket('/var/run/docker.sock', 'default-socket', 'docker');
  socket(p.join(host.home, '.docker', 'run', 'docker.sock'), 'default-socket', 'docker-desktop');
  socket(p.join(host.home, '.docker', 'desktop', 'docker.sock'), 'default-socket', 'docker-desktop');

  if (host.platform === 'darwin') {
    // Podman machines: the API socket forwarded from the VM, per machine and provider.
    const machineDir = p.join(host.home, '.local', 'share', 'containers', 'podman', 'machine');
    socket(p.join(machineDir, 'podman.sock'), 'podman-machine', 'podman-machine');
    for (const entry of host.readDir(machineDir)) {
      socket(p.join(machineDir, entry, 'podman.sock'), 'podman-machine', `podman-machine (${entry})`);
    }
    const tmp = host.env.TMPDIR;
    if (tmp) {
      for (const entry of host.readDir(p.join(tmp, 'podman'))) {
        if (entry.endsWith('-api.sock')) socket(p.join(tmp, 'podman', entry), 'podman-machine', entry.replace(/-api\.sock$/, ''));
      }
    }
  } else {
    const runtimeDir = host.env.XDG_RUNTIME_DIR || (host.uid !== undefined ? `/run/user/${host.uid}` : undefined);
    if (runtimeDir) socket(p.join(runtimeDir, 'podman', 'podman.sock'), 'default-socket', 'podman (rootless)');
    socket('/run/podman/podman.sock', 'default-socket', 'podman (rootful)');
  }
  return found;
}

/** The docker CLI's current context, as `docker context use` left it (DOCKER_CONTEXT wins). */
function currentDockerContext(host: DiscoveryHost, p: typeof path.posix): { name: string; host: string } | undefined {
  const configDir = host.env.DOCKER_CONFIG || p.join(host.home, '.docker');
  let name = host.env.DOCKER_CONTEXT?.trim();
  if (!name) {
    const text = host.readFile(p.join(configDir, 'config.json'));
    if (!text) return undefined;
    try {
      name = (JSON.parse(text) as { currentContext?: string }).currentContext;
    } catch {
      return undefined;
    }
  }
  if (!name || name === 'default') return undefined;
  const digest = createHash('sha256').update(name).digest('hex');
  const meta = host.readFile(p.join(configDir, 'contexts', 'meta', digest, 'meta.json'));
  if (!meta) return undefined;
  try {
    const parsed = JSON.parse(meta) as { Endpoints?: { docker?: { Host?: string } } };
    const h = parsed.Endpoints?.docker?.Host;
    return h ? { name, host: h } : undefined;
  } catch {
    return undefined;
  }
}
