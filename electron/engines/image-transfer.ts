// Pull and push through an engine, with progress, cancellation and the errors that
// arrive inside the progress stream. Shared by the Images page, ECR and deploy.
import type Docker from 'dockerode';
import { toRpcError } from './errors';
import { followProgress, type ProgressState } from './progress';
import { parseReference, repoAndTag } from './reference';

/** Registry credentials as the engine's X-Registry-Auth header wants them. Never logged. */
export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress: string;
}

export interface TransferOptions {
  auth?: RegistryAuth;
  onProgress?: (s: ProgressState) => void;
  signal?: AbortSignal;
}

export async function pullImage(docker: Docker, ref: string, opts: TransferOptions = {}): Promise<ProgressState> {
  parseReference(ref); // refuses a malformed reference before the engine sees it
  let stream: NodeJS.ReadableStream;
  try {
    stream = (await docker.pull(ref, opts.auth ? { authconfig: opts.auth } : {})) as NodeJS.ReadableStream;
  } catch (err) {
    throw toRpcError(err, `Pulling ${ref}`);
  }
  return followProgress(stream, `Pulling ${ref}`, opts);
}

export async function pushImage(docker: Docker, ref: string, opts: TransferOptions = {}): Promise<ProgressState> {
  const { repo, tag } = repoAndTag(ref);
  let stream: NodeJS.ReadableStream;
  try {
    stream = (await docker.getImage(repo).push({ tag, ...(opts.auth ? { authconfig: opts.auth } : {}) })) as NodeJS.ReadableStream;
  } catch (err) {
    throw toRpcError(err, `Pushing ${ref}`);
  }
  return followProgress(stream, `Pushing ${ref}`, opts);
}

/** Gives an image a second name (repo:tag), as `docker tag` does. */
export async function tagImage(docker: Docker, source: string, target: string): Promise<void> {
  const { repo, tag } = repoAndTag(target);
  try {
    await docker.getImage(source).tag({ repo, tag });
  } catch (err) {
    throw toRpcError(err, `Tagging ${source} as ${target}`);
  }
}
