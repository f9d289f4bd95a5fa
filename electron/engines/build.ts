// Builds an image from a context folder: the folder is packed as the docker CLI packs
// it (.dockerignore honoured, Dockerfile and .dockerignore always sent, owners reset),
// streamed to the engine's /build (classic builder on dockerd 20.10, Podman's compat
// /build), with the log streamed back and errors from inside the stream reported.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import ignore from '@balena/dockerignore';
import type Docker from 'dockerode';
import tar from 'tar-fs';
import { toRpcError } from './errors';
import { followProgress, type ProgressLine } from './progress';
import { parseReference } from './reference';

export interface BuildOptions {
  /** Dockerfile path inside the context (default "Dockerfile"). */
  dockerfile?: string;
  tags?: string[];
  buildArgs?: Record<string, string>;
  target?: string;
  labels?: Record<string, string>;
  noCache?: boolean;
}

export interface BuildResult {
  imageId?: string;
  tags: string[];
}

/** A predicate over context-relative paths (posix separators): true when .dockerignore excludes it. */
export function contextFilter(dir: string, dockerfile = 'Dockerfile'): (rel: string) => boolean {
  let patterns: string[] = [];
  try {
    patterns = fs
      .readFileSync(path.join(dir, '.dockerignore'), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
  } catch {
    return () => false;
  }
  const ig = ignore().add(patterns);
  const always = new Set([path.posix.normalize(dockerfile.replace(/\\/g, '/')), '.dockerignore']);
  return (rel) => !always.has(rel) && ig.ignores(rel);
}

/** The context folder as a tar stream, filtered by its .dockerignore. */
export function packContext(dir: string, dockerfile = 'Dockerfile'): Readable {
  const root = path.resolve(dir);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new Error(`The build context ${dir} is not a folder.`);
  const excluded = contextFilter(root, dockerfile);
  // A folder is skipped whole only when no "!exception" could bring a file inside it back.
  const hasExceptions = (() => {
    try {
      return /^\s*!/m.test(fs.readFileSync(path.join(root, '.dockerignore'), 'utf8'));
    } catch {
      return false;
    }
  })();
  return tar.pack(root, {
    ignore: (name: string) => {
      const rel = path.relative(root, name).split(path.sep).join('/');
      if (!rel) return false;
      if (hasExceptions) {
        let isDir = false;
        try {
          isDir = fs.lstatSync(name).isDirectory();
        } catch {
          /* gone meanwhile */
        }
        if (isDir) return false;
      }
      return excluded(rel);
    },
    map: (h) => ({ ...h, uid: 0, gid: 0, uname: '', gname: '' }),
  }) as unknown as Readable;
}

/**
 * Runs a build. `onLog` receives the build's output text as it comes; `signal` cancels
 * (the request is dropped, which stops the engine's build).
 */
export async function buildImage(
  docker: Docker,
  context: Readable,
  opts: BuildOptions,
  run: { onLog?: (text: string) => void; signal?: AbortSignal } = {},
): Promise<BuildResult> {
  const tags = (opts.tags ?? []).map((t) => t.trim()).filter(Boolean);
  for (const t of tags) parseReference(t);
  let stream: NodeJS.ReadableStream;
  try {
    stream = (await docker.buildImage(context as unknown as NodeJS.ReadableStream, {
      ...(tags.length ? { t: tags } : {}),
      dockerfile: opts.dockerfile || 'Dockerfile',
      ...(opts.buildArgs && Object.keys(opts.buildArgs).length ? { buildargs: opts.buildArgs } : {}),
      ...(opts.target ? { target: opts.target } : {}),
      ...(opts.labels && Object.keys(opts.labels).length ? { labels: opts.labels } : {}),
      ...(opts.noCache ? { nocache: true } : {}),
      rm: true,
      forcerm: true,
      ...(run.signal ? { abortSignal: run.signal } : {}),
    } as Docker.ImageBuildOptions)) as NodeJS.ReadableStream;
  } catch (err) {
    if (run.signal?.aborted) throw err;
    throw toRpcError(err, 'Building');
  }
  let imageId: string | undefined;
  const onLine = (line: ProgressLine) => {
    if (line.aux?.ID) imageId = line.aux.ID;
    const text = line.stream ?? (line.status ? `${line.id ? `${line.id}: ` : ''}${line.status}${line.progress ? ` ${line.progress}` : ''}\n` : undefined);
    if (text) {
      // Podman's compat build names the result only in its log.
      const m = /^(?:Successfully built |COMMIT.*\n?-->\s*)([0-9a-f]{12,64})\s*$/m.exec(text);
      if (m && !imageId) imageId = m[1];
      run.onLog?.(text);
    }
  };
  await followProgress(stream, 'The build', { onLine, ...(run.signal ? { signal: run.signal } : {}) });
  return { ...(imageId ? { imageId } : {}), tags };
}
