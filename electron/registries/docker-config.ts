// Registry credentials as the docker CLI keeps them: ~/.docker/config.json (or
// $DOCKER_CONFIG) `auths` (base64 user:pass), `credHelpers` per host and `credsStore`,
// whose helper program `docker-credential-<name>` is asked as the CLI asks it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface StoredCredential {
  host: string;
  username: string;
  /** A password, a token, or an identity token (then username is "<token>"). Never logged. */
  secret: string;
}

interface DockerConfigFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

export const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';

/** The key a host has in config.json: Docker Hub is kept under its v1 index URL. */
export function configKey(host: string): string {
  return host === 'docker.io' || host === 'index.docker.io' || host === 'registry-1.docker.io' ? DOCKER_HUB_KEY : host;
}

/** A config.json key back to the host a reference names. */
export function hostOfKey(key: string): string {
  if (key === DOCKER_HUB_KEY) return 'docker.io';
  return key.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
}

export class DockerConfig {
  constructor(private readonly env: Record<string, string | undefined> = process.env) {}

  get file(): string {
    return path.join(this.env.DOCKER_CONFIG || path.join(this.env.HOME || os.homedir(), '.docker'), 'config.json');
  }

  private read(): DockerConfigFile {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as DockerConfigFile;
    } catch {
      return {};
    }
  }

  /** The helper that holds a host's credentials, if the config names one. */
  helperFor(host: string, cfg = this.read()): string | undefined {
    return cfg.credHelpers?.[host] ?? cfg.credHelpers?.[configKey(host)] ?? cfg.credsStore ?? undefined;
  }

  /** Hosts the config knows, with where their credentials live. */
  async hosts(): Promise<Array<{ host: string; username?: string; source: 'docker-config' | 'docker-helper'; helper?: string }>> {
    const cfg = this.read();
    const out = new Map<string, { host: string; username?: string; source: 'docker-config' | 'docker-helper'; helper?: string }>();
    for (const [key, entry] of Object.entries(cfg.auths ?? {})) {
      const host = hostOfKey(key);
      const helper = this.helperFor(host, cfg);
      if (helper) out.set(host, { host, source: 'docker-helper', helper });
      else out.set(host, { host, username: decodeAuth(entry.auth)?.username ?? entry.username, source: 'docker-config' });
    }
    for (const [key, helper] of Object.entries(cfg.credHelpers ?? {})) out.set(hostOfKey(key), { host: hostOfKey(key), source: 'docker-helper', helper });
    if (cfg.credsStore) {
      const listed = await runHelper(cfg.credsStore, 'list', '', this.env).catch(() => undefined);
      if (listed) {
        for (const [url, username] of Object.entries(JSON.parse(listed) as Record<string, string>)) {
          const host = hostOfKey(url);
          out.set(host, { host, username, source: 'docker-helper', helper: cfg.credsStore });
        }
      }
    }
    return [...out.values()];
  }

  /** The credentials for a host, as `docker login` left them, or undefined. */
  async get(host: string): Promise<StoredCredential | undefined> {
    const cfg = this.read();
    const helper = this.helperFor(host, cfg);
    if (helper) {
      const out = await runHelper(helper, 'get', configKey(host), this.env).catch(() => undefined);
      if (!out) return undefined;
      const parsed = JSON.parse(out) as { Username?: string; Secret?: string };
      if (!parsed.Secret) return undefined;
      return { host, username: parsed.Username ?? '', secret: parsed.Secret };
    }
    const entry = cfg.auths?.[configKey(host)] ?? cfg.auths?.[`https://${host}`] ?? cfg.auths?.[`http://${host}`];
    if (!entry) return undefined;
    if (entry.identitytoken) return { host, username: '<token>', secret: entry.identitytoken };
    const decoded = decodeAuth(entry.auth);
    if (decoded) return { host, ...decoded };
    if (entry.username && entry.password) return { host, username: entry.username, secret: entry.password };
    return undefined;
  }
}

function decodeAuth(auth: string | undefined): { username: string; secret: string } | undefined {
  if (!auth) return undefined;
  const text = Buffer.from(auth, 'base64').toString('utf8');
  const i = text.indexOf(':');
  if (i <= 0) return undefined;
  return { username: text.slice(0, i), secret: text.slice(i + 1) };
}

/**
 * Runs `docker-credential-<helper> <action>` with `input` on stdin, as the docker CLI does.
 * Its output may hold a secret: it is returned, never logged; failures say only the helper's name.
 */
export function runHelper(helper: string, action: 'get' | 'list', input: string, env: Record<string, string | undefined>): Promise<string> {
  if (!/^[a-zA-Z0-9_.-]+$/.test(helper)) return Promise.reject(new Error(`"${helper}" is not a credential helper name.`));
  return new Promise((resolve, reject) => {
    const child = spawn(`docker-credential-${helper}`, [action], { env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.resume();
    const timer = setTimeout(() => child.kill(), 10_000);
    child.on('error', () => (clearTimeout(timer), reject(new Error(`The credential helper docker-credential-${helper} could not be run (is it on PATH?).`))));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`docker-credential-${helper} ${action} found no credentials.`));
    });
    child.stdin.end(input);
  });
}
