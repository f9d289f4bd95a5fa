// AWS through the contract, against moto (ECS, ECR, Logs, STS, Auto Scaling), the local
// registry standing in for ECR's data plane, and real dockerd.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { createRouterClient, type RouterClient } from '@orpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { router } from '../../electron/api/router';
import { createBackend, type Backend } from '../../electron/backend';
import { awsEnv, keepMotoTasksRunning, removeEstate, PROFILE, REGION, seedEstate, seedLogs, STAND_IN_HOST, writeAwsFiles, type Estate } from '../support/aws';
import { BASE_IMAGE, engineClients, RUN_ID } from '../support/engines';
import { MOTO_URL, requireServices } from '../support/services';
import { createTestBackend } from '../support/backend';

let backend: Backend;
let client: RouterClient<typeof router>;
let estate: Estate;
let engineId: string;
const files = writeAwsFiles();
const docker = engineClients().docker;
const localRepo = `berth-aws-${RUN_ID}`;
const localImage = `${localRepo}:v2`;

async function drain<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const e of it) out.push(e);
  return out;
}

beforeAll(async () => {
  await requireServices('docker', 'registry', 'moto');
  await keepMotoTasksRunning();
  await docker.getImage(BASE_IMAGE).tag({ repo: localRepo, tag: 'v2' });
  backend = await createTestBackend({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'berth-aws-')), env: awsEnv(files) }, ['docker']);
  client = createRouterClient(router, { context: backend.context });
  engineId = (await client.engines.list()).find((e) => e.kind === 'docker' && e.state === 'connected')!.id;
  await client.aws.account.setAccount({ profile: PROFILE, region: REGION });
  await client.aws.account.setRegistryHost({ host: STAND_IN_HOST });
  estate = await seedEstate();
});

afterAll(async () => {
  backend?.close();
  // Only the names this run made: the local tag and the stand-in tags Berth created.
  await removeEstate(estate);
  // The failing deploy (to an unreachable stand-in) creates a repository named after the local image.
  await client?.aws.ecr.deleteRepository({ name: localRepo, force: true }).catch(() => undefined);
  const mine = await docker.listImages({ filters: JSON.stringify({ reference: [`${localRepo}*`, `*/${localRepo}*`, `${STAND_IN_HOST}/${estate?.repository ?? 'none'}*`] }) });
  for (const img of mine) for (const t of img.RepoTags ?? []) if (t.includes(localRepo) || (estate && t.includes(estate.repository))) await docker.getImage(t).remove().catch(() => undefined);
});

describe('account', () => {
  it('lists the profiles of the config files, shows who you are, and never returns a secret', async () => {
    const status = await client.aws.account.status();
    expect(status.profiles.map((p) => [p.name, p.kind])).toEqual(
      expect.arrayContaining([[PROFILE, 'keys'], ['expired', 'process'], ['sso-user', 'sso'], ['no-keys', 'other']]),
    );
    expect(status).toMatchObject({ profile: PROFILE, region: REGION, ecrRegistryHost: STAND_IN_HOST, endpoint: expect.stringContaining('4566') });
    const identity = await client.aws.account.identity();
    expect(identity.account).toBe('123456789012');
    expect(JSON.stringify({ status, identity })).not.toMatch(/moto-secret|AKIAMOTOTEST/);
  });

  it('the SDK itself honours AWS_ENDPOINT_URL (no endpoint in the client config)', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_ENDPOINT_URL: MOTO_URL, AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'env-secret' });
    const sts = new STSClient({ region: REGION });
    try {
      expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('123456789012');
    } finally {
      sts.destroy();
      for (const k of ['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) if (saved[k] === undefined) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });

  it.each([
    ['expired', /credentials of profile "expired" have expired.*credential_process/],
    ['sso-user', /aws sso login --profile sso-user/],
    ['no-keys', /No credentials for profile "no-keys".*Add keys/],
  ])('profile %s gives a message that says what to do', async (profile, words) => {
    await client.aws.account.setAccount({ profile });
    try {
      await expect(client.aws.ecs.clusters()).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: words });
    } finally {
      await client.aws.account.setAccount({ profile: PROFILE, region: REGION });
    }
  });

  it('keys AWS refuses (InvalidClientTokenId) and an unknown profile are named', async () => {
    // An endpoint answering as STS does for a key it does not know.
    const server = http.createServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'text/xml' });
      res.end('<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error><RequestId>r1</RequestId></ErrorResponse>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const other = await createBackend({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'berth-aws-')),
      env: { ...awsEnv(files), AWS_ENDPOINT_URL: `http://127.0.0.1:${(server.address() as { port: number }).port}` },
      discover: false,
    });
    try {
      const c = createRouterClient(router, { context: other.context });
      await c.aws.account.setAccount({ profile: PROFILE, region: REGION });
      await expect(c.aws.account.identity()).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/does not accept the credentials of profile "berth-moto"/) });
      await expect(c.aws.account.setAccount({ profile: 'nobody' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      other.close();
      server.close();
    }
  });
});

describe('ECR', () => {
  it('pushes a local image to a repository with progress, lists it, and pulls it back', async () => {
    const events = await drain(await client.aws.ecr.push({ engineId, image: localImage, repository: estate.repository, tag: 'v1' }));
    const last = events.at(-1)!;
    expect(last.done?.ref).toBe(`${STAND_IN_HOST}/${estate.repository}:v1`);
    expect(last.done?.digest).toMatch(/^sha256:/);
    const images = await client.aws.ecr.images({ repository: estate.repository });
    expect(images.find((i) => i.tags.includes('v1'))?.digest).toBe(last.done?.digest);
    const repos = await client.aws.ecr.repositories();
    expect(repos.find((r) => r.name === estate.repository)).toMatchObject({ scanOnPush: true, tagMutability: 'MUTABLE' });

    await docker.getImage(last.done!.ref).remove();
    const pulled = await drain(await client.aws.ecr.pull({ engineId, repository: estate.repository, tag: 'v1' }));
    expect(pulled.at(-1)?.done?.ref).toBe(last.done?.ref);
    expect((await docker.getImage(last.done!.ref).inspect()).Id).toBeTruthy();

    await client.aws.ecr.deleteImage({ repository: estate.repository, digest: last.done!.digest! });
    expect((await client.aws.ecr.images({ repository: estate.repository })).some((i) => i.digest === last.done!.digest)).toBe(false);
  });

  it('a missing repository is named, for push and for listing', async () => {
    await expect(drain(await client.aws.ecr.push({ engineId, image: localImage, repository: 'berth-no-such-repo', tag: 'x' }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/repository "berth-no-such-repo" does not exist/),
    });
    await expect(client.aws.ecr.images({ repository: 'berth-no-such-repo' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/berth-no-such-repo/) });
  });

  it('creates and deletes a repository', async () => {
    const name = `berth-tmp-${RUN_ID}`;
    await client.aws.ecr.createRepository({ name, tagMutability: 'IMMUTABLE', scanOnPush: false });
    expect((await client.aws.ecr.repositories()).find((r) => r.name === name)?.tagMutability).toBe('IMMUTABLE');
    await client.aws.ecr.deleteRepository({ name, force: true });
    expect((await client.aws.ecr.repositories()).some((r) => r.name === name)).toBe(false);
  });
});

describe('ECS', () => {
  it('shows the cluster, the service with its deployment and auto scaling', async () => {
    const cluster = (await client.aws.ecs.clusters()).find((c) => c.name === estate.cluster);
    expect(cluster).toMatchObject({ status: 'ACTIVE', capacityProviders: ['FARGATE'] });
    const svc = await client.aws.ecs.service({ cluster: estate.cluster, service: estate.service });
    expect(svc).toMatchObject({ launchType: 'FARGATE', desired: 1, family: estate.family, revision: 1 });
    expect(svc.deployments[0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'IN_PROGRESS' });
    expect(svc.scaling.target).toMatchObject({ min: 1, max: 4 });
    expect(svc.scaling.policies[0]?.summary).toMatch(/ECSServiceAverageCPUUtilization at 50/);
  });

  it('deploys a local image: plan with the diff, then every step, and says honestly the rollout is still going', async () => {
    const target = { engineId, image: localImage, cluster: estate.cluster, service: estate.service };
    const plan = await client.aws.deploy.plan(target);
    expect(plan).toMatchObject({ repository: estate.repository, repositoryExists: true, container: estate.container, currentRevision: 1, standIn: true });
    expect(plan.diff.filter((l) => l.kind === 'removed').map((l) => l.text.trim())).toEqual([`"image": "${STAND_IN_HOST}/${estate.repository}:v1",`]);
    expect(plan.diff.filter((l) => l.kind === 'added').map((l) => l.text.trim())).toEqual([`"image": "${plan.targetRef}",`]);
    expect(plan.diff.some((l) => /taskDefinitionArn|registeredAt|"revision"/.test(l.text))).toBe(false);
    // The registry password and ECR's token stay in the backend.
    expect(JSON.stringify(plan)).not.toMatch(/berth-ecr-password|auth-token|QVdTOj/);

    const events = await drain(await client.aws.deploy.apply({ ...target, watchSeconds: 5 }));
    const final = (id: string) => events.filter((e) => e.kind === 'step' && e.id === id).at(-1);
    for (const id of ['tag', 'token', 'repository', 'push', 'register', 'update', 'watch']) expect(final(id), id).toMatchObject({ state: 'done' });
    expect(events.some((e) => e.kind === 'step' && e.id === 'push' && e.state === 'running' && e.progress !== undefined)).toBe(true);
    expect(events.at(-1)).toMatchObject({ kind: 'finished', outcome: 'in-progress', message: expect.stringMatching(/still in progress/) });
    const svc = await client.aws.ecs.service({ cluster: estate.cluster, service: estate.service });
    expect(svc.revision).toBe(2);
    expect((await client.aws.ecr.images({ repository: estate.repository })).some((i) => i.tags.includes(plan.tag))).toBe(true);
    const json = JSON.parse((await client.aws.ecs.taskDefinition({ taskDefinition: `${estate.family}:2` })).json);
    expect(json.containerDefinitions[0].image).toBe(plan.targetRef);
  });

  it('a deploy that fails names its step and keeps the earlier ones; a cancel stops it', async () => {
    const target = { engineId, image: localImage, cluster: estate.cluster, service: estate.service };
    await client.aws.account.setRegistryHost({ host: '127.0.0.1:5999' }); // nothing listens there
    try {
      const events = await drain(await client.aws.deploy.apply({ ...target, watchSeconds: 5 }));
      const states = Object.fromEntries(events.filter((e) => e.kind === 'step').map((e) => [e.kind === 'step' && e.id, e.kind === 'step' && e.state]));
      expect(states).toMatchObject({ tag: 'done', token: 'done', repository: 'done', push: 'failed', register: 'skipped', update: 'skipped', watch: 'skipped' });
      expect(events.at(-1)).toMatchObject({ kind: 'finished', outcome: 'failed', message: expect.stringMatching(/^"Push 127\.0\.0\.1:5999\/.*" failed: .*(refused|connect)/i) });
    } finally {
      await client.aws.account.setRegistryHost({ host: STAND_IN_HOST });
    }
    const revision = (await client.aws.ecs.service(target)).revision;

    const cancel = new AbortController();
    const seen: string[] = [];
    try {
      for await (const e of await client.aws.deploy.apply({ ...target, watchSeconds: 60 }, { signal: cancel.signal })) {
        if (e.kind === 'step') seen.push(`${e.id}:${e.state}${e.state === 'failed' ? ` ${e.detail}` : ''}`);
        if (e.kind === 'step' && e.id === 'watch' && e.state === 'running') cancel.abort();
      }
    } catch {
      /* the aborted call rejects */
    }
    expect(seen, seen.join(' ')).toContain('update:done');
    expect((await client.aws.ecs.service(target)).revision).toBe(revision! + 1);
  });

  it('scales, forces a deployment, rolls back, runs and stops a task, and reads its logs', async () => {
    const { cluster, service } = estate;
    expect((await client.aws.ecs.scale({ cluster, service, desiredCount: 2 })).desired).toBe(2);
    await client.aws.ecs.forceDeployment({ cluster, service });
    const rb = await client.aws.ecs.rollBack({ cluster, service });
    expect(rb.to).toMatch(new RegExp(`${estate.family}:\\d+$`));
    expect(Number(rb.to.split(':').pop())).toBeLessThan(Number(rb.from.split(':').pop()));
    await client.aws.ecs.deregister({ taskDefinition: rb.from });
    expect((await client.aws.ecs.revisions({ family: estate.family })).map((r) => r.arn)).not.toContain(rb.from);

    const [task] = await client.aws.ecs.runTask({
      cluster,
      taskDefinition: `${estate.family}:1`,
      launchType: 'FARGATE',
      count: 1,
      subnets: estate.subnets,
      securityGroups: estate.securityGroups,
      assignPublicIp: true,
    });
    expect(task!.lastStatus).toBe('RUNNING');
    expect((await client.aws.ecs.tasks({ cluster })).find((t) => t.id === task!.id)).toMatchObject({ lastStatus: 'RUNNING', containers: [expect.objectContaining({ name: 'web' })] });

    const [source] = await client.aws.logs.sources({ cluster, task: task!.arn });
    expect(source).toMatchObject({ container: 'web', group: estate.logGroup, stream: `ecs/web/${task!.id}` });
    await seedLogs(estate, task!.id, ['booting', 'listening on 8080']);
    const abort = new AbortController();
    const stream = await client.aws.logs.follow({ group: source!.group, stream: source!.stream, tail: 50 }, { signal: abort.signal });
    const first = await stream.next();
    expect((first.value as { message: string }[]).map((e) => e.message)).toEqual(['booting', 'listening on 8080']);
    abort.abort();

    const stopped = await client.aws.ecs.stopTask({ cluster, task: task!.arn, reason: 'test done' });
    expect(stopped.desiredStatus).toBe('STOPPED');
    expect(stopped.stopReason).toBe('test done');
  });

  it('an unknown service and a bad task definition are named', async () => {
    await expect(client.aws.ecs.service({ cluster: estate.cluster, service: 'berth-ghost' })).rejects.toMatchObject({ message: expect.stringMatching(/berth-ghost/) });
    await expect(client.aws.ecs.taskDefinition({ taskDefinition: 'berth-no-family:9' })).rejects.toMatchObject({ message: expect.stringMatching(/berth-no-family/) });
  });
});
