// AWS procedures: the account in use, and ECR (repositories, images, push, pull).
import { ORPCError } from '@orpc/server';
import * as ecrApi from '../../aws/ecr';
import { pullFromEcr, pushToEcr } from '../../aws/ecr-transfer';
import type { AwsService } from '../../aws/session';
import { REGIONS } from '../../aws/session';
import { withProgress } from '../../deploy/channel';
import type { ProgressState } from '../../engines/progress';
import { os } from '../base';
import type { TransferEvent } from '../contracts/aws';
import { deploy } from './aws-deploy';
import { ecs, logs } from './aws-ecs';

const progressEvent = (s: ProgressState): TransferEvent => ({ fraction: s.fraction, layers: s.layers.length, ...(s.message ? { message: s.message } : {}) });

/** A transfer failure (in the stream, from the engine or from AWS) in words. */
async function transferError(aws: AwsService, err: unknown, what: string): Promise<ORPCError<string, unknown>> {
  if (err instanceof ORPCError) return err;
  const e = err as Error;
  if (e?.name === 'ProgressStreamError' || e?.name === 'CancelledError') return new ORPCError('BAD_GATEWAY', { message: `${what}: ${e.message}` });
  return aws.toError(err, what);
}

const account = {
  status: os.aws.account.status.handler(async ({ context }) => ({ ...(await context.aws.status()), regions: REGIONS })),
  setAccount: os.aws.account.setAccount.handler(async ({ context, input }) => {
    const profiles = await context.aws.status().then((s) => s.profiles);
    if (input.profile && !profiles.some((p) => p.name === input.profile)) {
      throw new ORPCError('NOT_FOUND', { message: `No profile "${input.profile}" in your AWS config or credentials file.` });
    }
    return context.aws.setAccount(input);
  }),
  setRegistryHost: os.aws.account.setRegistryHost.handler(({ context, input }) => {
    const host = context.aws.setRegistryHost(input.host || null);
    return host ? { ecrRegistryHost: host } : {};
  }),
  identity: os.aws.account.identity.handler(({ context }) => context.aws.identity()),
};

const ecr = {
  repositories: os.aws.ecr.repositories.handler(({ context }) => context.aws.call('Listing ECR repositories', (c) => ecrApi.listRepositories(c.ecr))),
  images: os.aws.ecr.images.handler(({ context, input }) =>
    context.aws.call(`Listing the images of ${input.repository}`, (c) => ecrApi.listImages(c.ecr, input.repository)),
  ),
  findings: os.aws.ecr.findings.handler(({ context, input }) =>
    context.aws.call(`Reading the scan findings of ${input.digest.slice(0, 19)}`, (c) => ecrApi.imageFindings(c.ecr, input.repository, input.digest)),
  ),
  createRepository: os.aws.ecr.createRepository.handler(({ context, input }) =>
    context.aws.call(`Creating repository ${input.name}`, (c) => ecrApi.createRepository(c.ecr, input)),
  ),
  deleteRepository: os.aws.ecr.deleteRepository.handler(({ context, input }) =>
    context.aws.call(`Deleting repository ${input.name}`, (c) => ecrApi.deleteRepository(c.ecr, input.name, input.force)),
  ),
  deleteImage: os.aws.ecr.deleteImage.handler(({ context, input }) =>
    context.aws.call(`Deleting image ${input.digest.slice(0, 19)} from ${input.repository}`, (c) => ecrApi.deleteImage(c.ecr, input.repository, input.digest)),
  ),
  push: os.aws.ecr.push.handler(async function* ({ context, input, signal }) {
    const engine = context.registry.get(input.engineId);
    const c = context.aws.clients();
    const what = `Pushing ${input.image} to ${input.repository}:${input.tag}`;
    const exists = await context.aws.call(what, (a) => ecrApi.repositoryExists(a.ecr, input.repository));
    if (!exists) {
      throw new ORPCError('NOT_FOUND', { message: `${what}: the ECR repository "${input.repository}" does not exist in ${c.region}. Create it first (or deploy, which creates it).` });
    }
    try {
      yield* withProgress<TransferEvent, { ref: string; digest?: string }>(
        (report) =>
          pushToEcr(engine.docker, c.ecr, { source: input.image, repository: input.repository, tag: input.tag }, {
            ...context.aws.loginOptions(),
            onProgress: (s) => report(progressEvent(s)),
            ...(signal ? { signal } : {}),
          }),
        (done) => ({ fraction: 1, layers: 0, message: 'Pushed', done }),
      );
    } catch (err) {
      throw await transferError(context.aws, err, what);
    }
  }),
  pull: os.aws.ecr.pull.handler(async function* ({ context, input, signal }) {
    const engine = context.registry.get(input.engineId);
    const c = context.aws.clients();
    const what = `Pulling ${input.repository}:${input.tag ?? input.digest} into ${engine.snapshot.name}`;
    try {
      yield* withProgress<TransferEvent, { ref: string }>(
        (report) =>
          pullFromEcr(engine.docker, c.ecr, input, { ...context.aws.loginOptions(), onProgress: (s) => report(progressEvent(s)), ...(signal ? { signal } : {}) }),
        (done) => ({ fraction: 1, layers: 0, message: 'Pulled', done }),
      );
    } catch (err) {
      throw await transferError(context.aws, err, what);
    }
  }),
};

export const aws = { account, ecr, ecs, logs, deploy };
