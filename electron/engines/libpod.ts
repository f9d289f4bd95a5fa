// The one way Berth reaches Podman's own API (libpod: pods, kube YAML, containers in
// pods). Requests go through the engine's dockerode modem (`modem.dial`), so they use the
// same socket, TLS or SSH options as everything else, and dockerode itself is untouched.
// The API version in the path is the engine's, read from its /version, never pinned.
import { ORPCError } from '@orpc/server';
import type Docker from 'dockerode';
import type { Engine } from './engine';

export type Query = Record<string, string | number | boolean | string[] | Record<string, unknown> | undefined>;

export interface LibpodRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** The path after /vX.Y.Z/libpod, starting with "/" (e.g. "/pods/json"). */
  path: string;
  query?: Query;
  /** A JSON body (POST). */
  json?: unknown;
  /** A raw body with its content type (kube YAML). */
  raw?: { body: string; contentType: string };
  /** Success codes besides 200-204 (e.g. 304 "already in that state"). */
  accept?: number[];
  signal?: AbortSignal;
}

interface VersionLike {
  Version?: string;
  Components?: Array<{ Name?: string; Version?: string; Details?: Record<string, unknown> }>;
}

/**
 * The libpod API version of an engine from its GET /version: the "Podman Engine"
 * component's APIVersion (or its Version, or the top-level Version), cut to major.minor.patch.
 * Podman answers /vX.Y.Z/libpod/... for any version up to its own, so "4.3.1-dev" -> "4.3.1".
 */
export function libpodVersionFrom(v: VersionLike): string {
  const podman = (v.Components ?? []).find((c) => /podman/i.test(c.Name ?? ''));
  const candidates = [podman?.Details?.['APIVersion'], podman?.Version, v.Version];
  for (const c of candidates) {
    const m = typeof c === 'string' ? /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(c.trim()) : null;
    if (m) return `${m[1]}.${m[2]}.${m[3] ?? '0'}`;
  }
  throw new Error('The engine did not say its Podman version in /version: is it Podman?');
}

/** "/v4.3.1/libpod/pods/json" from "4.3.1" and "/pods/json". */
export function libpodPath(version: string, path: string): string {
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`"${version}" is not a libpod API version`);
  if (!path.startsWith('/')) throw new Error(`libpod paths start with "/": ${path}`);
  return `/v${version}/libpod${path}`;
}

/** The query without unset values (docker-modem repeats array keys and JSON-encodes objects, as libpod reads them). */
export function cleanQuery(query: Query = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
}

/** The options handed to docker-modem's dial for one request (pure; unit-tested). */
export function dialOptions(version: string, req: LibpodRequest): Record<string, unknown> {
  const query = cleanQuery(req.query);
  const hasQuery = Object.keys(query).length > 0;
  const statusCodes: Record<number, boolean | string> = { 200: true, 201: true, 204: true, 400: 'bad parameter', 404: 'no such object', 409: 'conflict', 500: 'server error' };
  for (const c of req.accept ?? []) statusCodes[c] = true;
  const opts: Record<string, unknown> = {
    // docker-modem appends the query string built from options._query after a trailing "?".
    path: libpodPath(version, req.path) + (hasQuery ? '?' : ''),
    method: req.method,
    statusCodes,
    ...(hasQuery ? { options: { _query: query } } : {}),
  };
  // The body always travels as `file` (a Buffer): docker-modem would otherwise send its
  // options object as the JSON body of every POST.
  const body = req.raw?.body ?? (req.json !== undefined ? JSON.stringify(req.json) : req.method === 'POST' ? '' : undefined);
  if (body !== undefined) {
    opts['file'] = Buffer.from(body, 'utf8');
    opts['headers'] = { 'Content-Type': req.raw?.contentType ?? 'application/json' };
  }
  if (req.signal) opts['abortSignal'] = req.signal;
  return opts;
}

// One version lookup per engine connection; a reconnect (perhaps to an upgraded Podman) asks again.
const versions = new WeakMap<Engine, { key: string; version: Promise<string> }>();

/** The engine's libpod API version, from its /version (cached while the engine's version holds). */
export function libpodVersion(engine: Engine): Promise<string> {
  const key = engine.snapshot.version ?? '';
  const cached = versions.get(engine);
  if (cached && cached.key === key) return cached.version;
  const version = engine.docker.version().then((v) => libpodVersionFrom(v as VersionLike));
  version.catch(() => versions.delete(engine));
  versions.set(engine, { key, version });
  return version;
}

/** Refuses engines that are not Podman, in words. */
export function requirePodman(engine: Engine): void {
  if (engine.snapshot.kind !== 'podman') {
    throw new ORPCError('BAD_REQUEST', {
      message: `Pods and Kubernetes YAML are a Podman feature; ${engine.snapshot.name} is ${engine.snapshot.kind === 'docker' ? 'Docker Engine' : 'not Podman'}.`,
    });
  }
}

function dial<T>(docker: Docker, opts: Record<string, unknown>, isStream: boolean): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    docker.modem.dial({ ...opts, isStream } as never, (err: unknown, data: unknown) => (err ? reject(err) : resolve(data as T)));
  });
}

/** One libpod request; resolves with the parsed JSON (or text, e.g. kube YAML). */
export async function libpod<T = unknown>(engine: Engine, req: LibpodRequest): Promise<T> {
  requirePodman(engine);
  let data: unknown;
  try {
    data = await dial<unknown>(engine.docker, dialOptions(await libpodVersion(engine), req), false);
  } catch (err) {
    throw withReportErrors(err);
  }
  const errs = reportErrors(data);
  if (errs) throw Object.assign(new Error(errs), { statusCode: 500, json: { message: errs } });
  return (Buffer.isBuffer(data) ? data.toString('utf8') : data) as T;
}

/** libpod's pod reports ({Id, Errs: [...]}) carry failures per container, even with HTTP 200. */
export function reportErrors(data: unknown): string | undefined {
  const errs = (data as { Errs?: unknown } | null)?.Errs;
  if (!Array.isArray(errs) || errs.length === 0) return undefined;
  return errs.map((e) => (typeof e === 'string' ? e : ((e as { message?: string; Err?: string })?.message ?? (e as { Err?: string })?.Err ?? JSON.stringify(e)))).join('; ');
}

function withReportErrors(err: unknown): unknown {
  const e = err as { json?: { message?: string; Errs?: unknown } | null };
  const errs = reportErrors(e?.json);
  if (errs && e.json && !e.json.message) e.json.message = errs;
  return err;
}

/** A libpod request whose response body is a stream (logs, events). */
export async function libpodStream(engine: Engine, req: LibpodRequest): Promise<NodeJS.ReadableStream> {
  requirePodman(engine);
  return dial<NodeJS.ReadableStream>(engine.docker, dialOptions(await libpodVersion(engine), req), true);
}

/** A container spec for libpod's POST /containers/create (the fields Berth sets). */
export interface PodContainerSpec {
  pod: string;
  image: string;
  name?: string;
  command?: string[];
  env?: Record<string, string>;
  labels?: Record<string, string>;
}

/**
 * Creates a container inside a pod (the compat API has no pods). The run dialog's path:
 * when its "pod" field is set on a Podman engine, it calls this (or the RPC pods.addContainer).
 */
export async function createContainerInPod(engine: Engine, spec: PodContainerSpec): Promise<{ id: string; warnings: string[] }> {
  const res = await libpod<{ Id: string; Warnings?: string[] | null }>(engine, {
    method: 'POST',
    path: '/containers/create',
    json: {
      pod: spec.pod,
      image: spec.image,
      ...(spec.name ? { name: spec.name } : {}),
      ...(spec.command?.length ? { command: spec.command } : {}),
      ...(spec.env ? { env: spec.env } : {}),
      ...(spec.labels ? { labels: spec.labels } : {}),
    },
  });
  return { id: res.Id, warnings: res.Warnings ?? [] };
}
