// Moving images between a local engine and ECR: push (tag → token → push → register with
// ECR when a stand-in registry received the layers) and pull. Used by the ECR routes and
// by the deploy pipeline, which runs the same steps one by one.
import { PutImageCommand, type ECRClient } from '@aws-sdk/client-ecr';
import type Docker from 'dockerode';
import { pullImage, pushImage, tagImage } from '../engines/image-transfer';
import type { ProgressState } from '../engines/progress';
import { ecrImageRef, ecrLogin, type EcrLogin } from './ecr';

const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
];

function registryBase(host: string): string {
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
  return `${loopback ? 'http' : 'https'}://${host}`;
}

/** Reads a manifest from a registry that takes basic auth (the stand-in registry). */
export async function fetchManifest(login: EcrLogin, repository: string, tag: string): Promise<{ body: string; mediaType: string; digest?: string }> {
  const res = await fetch(`${registryBase(login.host)}/v2/${repository}/manifests/${encodeURIComponent(tag)}`, {
    headers: {
      Accept: MANIFEST_TYPES.join(', '),
      Authorization: `Basic ${Buffer.from(`${login.auth.username}:${login.auth.password}`).toString('base64')}`,
    },
  });
  if (!res.ok) throw new Error(`The registry ${login.host} answered ${res.status} for the manifest of ${repository}:${tag}.`);
  const digest = res.headers.get('docker-content-digest') ?? undefined;
  return { body: await res.text(), mediaType: res.headers.get('content-type')?.split(';')[0] ?? MANIFEST_TYPES[0]!, ...(digest ? { digest } : {}) };
}

/**
 * Real ECR records a pushed image itself. A stand-in registry (under an emulator) does not
 * tell the emulator, so Berth hands ECR the pushed manifest (PutImage) and DescribeImages
 * then lists the image, as it would on AWS.
 */
export async function recordStandInPush(ecr: ECRClient, login: EcrLogin, repository: string, tag: string): Promise<void> {
  if (!login.standIn) return;
  const m = await fetchManifest(login, repository, tag);
  try {
    await ecr.send(new PutImageCommand({ repositoryName: repository, imageTag: tag, imageManifest: m.body, imageManifestMediaType: m.mediaType, ...(m.digest ? { imageDigest: m.digest } : {}) }));
  } catch (err) {
    // The same image pushed again under the same tag: ECR already has it, which is the goal.
    if ((err as Error).name !== 'ImageAlreadyExistsException') throw err;
  }
}

export interface LoginOptions {
  standInHost?: string;
  passwordOverride?: string;
}

/** Pushes a local image to an ECR repository as `<host>/<repository>:<tag>`. */
export async function pushToEcr(
  docker: Docker,
  ecr: ECRClient,
  input: { source: string; repository: string; tag: string },
  opts: LoginOptions & { onProgress?: (s: ProgressState) => void; signal?: AbortSignal },
): Promise<{ ref: string; digest?: string }> {
  const login = await ecrLogin(ecr, opts);
  const ref = ecrImageRef(login.host, input.repository, input.tag);
  await tagImage(docker, input.source, ref);
  const done = await pushImage(docker, ref, { auth: login.auth, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}), ...(opts.signal ? { signal: opts.signal } : {}) });
  await recordStandInPush(ecr, login, input.repository, input.tag);
  return { ref, ...(done.digest ? { digest: done.digest } : {}) };
}

/** Pulls `<host>/<repository>:<tag>` (or @digest) from ECR into a local engine. */
export async function pullFromEcr(
  docker: Docker,
  ecr: ECRClient,
  input: { repository: string; tag?: string; digest?: string },
  opts: LoginOptions & { onProgress?: (s: ProgressState) => void; signal?: AbortSignal },
): Promise<{ ref: string }> {
  const login = await ecrLogin(ecr, opts);
  const ref = input.tag ? ecrImageRef(login.host, input.repository, input.tag) : `${login.host}/${input.repository}@${input.digest}`;
  await pullImage(docker, ref, { auth: login.auth, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}), ...(opts.signal ? { signal: opts.signal } : {}) });
  return { ref };
}
