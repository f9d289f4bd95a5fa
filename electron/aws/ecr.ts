// ECR: repositories and their images, and the registry credentials a push or pull needs.
import {
  BatchDeleteImageCommand,
  CreateRepositoryCommand,
  DeleteRepositoryCommand,
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  GetAuthorizationTokenCommand,
  RepositoryNotFoundException,
  type ECRClient,
} from '@aws-sdk/client-ecr';
import type { RegistryAuth } from '../engines/image-transfer';

export interface RepositoryRow {
  name: string;
  uri: string;
  arn: string;
  createdAt?: number;
  tagMutability: string;
  scanOnPush: boolean;
  encryption: string;
}

export interface ImageRow {
  digest: string;
  tags: string[];
  sizeBytes?: number;
  pushedAt?: number;
  scanStatus?: string;
  /** Findings by severity, from the last scan. */
  findings: Record<string, number>;
}

export interface Finding {
  name: string;
  severity: string;
  description?: string;
  uri?: string;
}

const ms = (d: Date | undefined) => (d ? d.getTime() : undefined);

export async function listRepositories(ecr: ECRClient): Promise<RepositoryRow[]> {
  const rows: RepositoryRow[] = [];
  let nextToken: string | undefined;
  do {
    const r = await ecr.send(new DescribeRepositoriesCommand({ nextToken, maxResults: 1000 }));
    for (const repo of r.repositories ?? []) {
      rows.push({
        name: repo.repositoryName ?? '',
        uri: repo.repositoryUri ?? '',
        arn: repo.repositoryArn ?? '',
        ...(repo.createdAt ? { createdAt: repo.createdAt.getTime() } : {}),
        tagMutability: repo.imageTagMutability ?? 'MUTABLE',
        scanOnPush: repo.imageScanningConfiguration?.scanOnPush ?? false,
        encryption: repo.encryptionConfiguration?.encryptionType ?? 'AES256',
      });
    }
    nextToken = r.nextToken;
  } while (nextToken);
  return rows;
}

export async function listImages(ecr: ECRClient, repositoryName: string): Promise<ImageRow[]> {
  const rows: ImageRow[] = [];
  let nextToken: string | undefined;
  do {
    const r = await ecr.send(new DescribeImagesCommand({ repositoryName, nextToken, maxResults: 1000 }));
    for (const img of r.imageDetails ?? []) {
      const pushedAt = ms(img.imagePushedAt);
      rows.push({
        digest: img.imageDigest ?? '',
        tags: img.imageTags ?? [],
        ...(img.imageSizeInBytes !== undefined ? { sizeBytes: img.imageSizeInBytes } : {}),
        ...(pushedAt ? { pushedAt } : {}),
        ...(img.imageScanStatus?.status ? { scanStatus: img.imageScanStatus.status } : {}),
        findings: Object.fromEntries(Object.entries(img.imageScanFindingsSummary?.findingSeverityCounts ?? {}).map(([k, v]) => [k, v ?? 0])),
      });
    }
    nextToken = r.nextToken;
  } while (nextToken);
  return rows.sort((a, b) => (b.pushedAt ?? 0) - (a.pushedAt ?? 0));
}

export async function imageFindings(ecr: ECRClient, repositoryName: string, imageDigest: string): Promise<Finding[]> {
  const r = await ecr.send(new DescribeImageScanFindingsCommand({ repositoryName, imageId: { imageDigest }, maxResults: 1000 }));
  return (r.imageScanFindings?.findings ?? []).map((f) => ({
    name: f.name ?? '',
    severity: f.severity ?? 'UNDEFINED',
    ...(f.description ? { description: f.description } : {}),
    ...(f.uri ? { uri: f.uri } : {}),
  }));
}

export async function createRepository(
  ecr: ECRClient,
  input: { name: string; tagMutability?: 'MUTABLE' | 'IMMUTABLE'; scanOnPush?: boolean },
): Promise<void> {
  await ecr.send(
    new CreateRepositoryCommand({
      repositoryName: input.name,
      imageTagMutability: input.tagMutability ?? 'MUTABLE',
      imageScanningConfiguration: { scanOnPush: input.scanOnPush ?? false },
    }),
  );
}

/** True when the repository exists; false when ECR says it does not. */
export async function repositoryExists(ecr: ECRClient, name: string): Promise<boolean> {
  try {
    await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [name] }));
    return true;
  } catch (err) {
    if (err instanceof RepositoryNotFoundException || (err as Error).name === 'RepositoryNotFoundException') return false;
    throw err;
  }
}

export async function deleteRepository(ecr: ECRClient, name: string, force: boolean): Promise<void> {
  await ecr.send(new DeleteRepositoryCommand({ repositoryName: name, force }));
}

export async function deleteImage(ecr: ECRClient, repositoryName: string, imageDigest: string): Promise<void> {
  const r = await ecr.send(new BatchDeleteImageCommand({ repositoryName, imageIds: [{ imageDigest }] }));
  const failure = r.failures?.[0];
  if (failure) throw Object.assign(new Error(failure.failureReason ?? 'the image was not deleted'), { name: failure.failureCode ?? 'ImageNotFoundException' });
}

export interface EcrLogin {
  /** host[:port] images are named with: ECR's own, or the stand-in registry's. */
  host: string;
  auth: RegistryAuth;
  /** True when the stand-in registry (an emulator's) receives the layers. */
  standIn: boolean;
}

/**
 * GetAuthorizationToken → "user:password" → engine credentials. ECR tokens last 12 h; an
 * emulator's expiry is meaningless, so nothing here caches by it: each push asks anew.
 * With a stand-in host, BERTH_ECR_PASSWORD_OVERRIDE (from the backend's env) replaces the
 * token's password: the emulator's token is not the local registry's password.
 */
export async function ecrLogin(ecr: ECRClient, opts: { standInHost?: string; passwordOverride?: string }): Promise<EcrLogin> {
  const r = await ecr.send(new GetAuthorizationTokenCommand({}));
  const data = r.authorizationData?.[0];
  if (!data?.authorizationToken) throw new Error('ECR returned no authorization token.');
  const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new Error('ECR returned an authorization token that is not user:password.');
  const username = decoded.slice(0, colon);
  let password = decoded.slice(colon + 1);
  const ecrHost = (data.proxyEndpoint ?? '').replace(/^https?:\/\//, '').replace(/\/$/, '');
  const host = opts.standInHost || ecrHost;
  if (opts.standInHost && opts.passwordOverride) password = opts.passwordOverride;
  return { host, auth: { username, password, serveraddress: host }, standIn: !!opts.standInHost };
}

/** The image name ECR (or its stand-in) knows a repository's tag by. */
export const ecrImageRef = (host: string, repository: string, tag: string) => `${host}/${repository}:${tag}`;
