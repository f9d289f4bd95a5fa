// AWS under moto: what one refresh of the ECS views costs through Berth's contract compared
// with the bare SDK calls it makes (the ratio is Berth's overhead), and how long a deploy
// takes up to UpdateService, step by step (the watch is excluded: its length is chosen).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CreateServiceCommand, DescribeServicesCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import { createRouterClient } from '@orpc/server';
import { router } from '../../electron/api/router';
import { createBackend } from '../../electron/backend';
import { awsClients, awsEnv, keepMotoTasksRunning, PROFILE, REGION, removeEstate, seedEstate, STAND_IN_HOST, writeAwsFiles } from '../support/aws';
import { BASE_IMAGE, engineClients, RUN_ID } from '../support/engines';
import { requireServices } from '../support/services';
import { median, type BenchResult } from './report';
import { createTestBackend } from '../support/backend';

export const name = 'aws: ECS refresh and deploy (moto)';

async function time(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export async function run(): Promise<BenchResult[]> {
  await requireServices('docker', 'registry', 'moto');
  await keepMotoTasksRunning();
  const estate = await seedEstate();
  const sdk = awsClients();
  for (let i = 0; i < 19; i++) {
    await sdk.ecs.send(
      new CreateServiceCommand({
        cluster: estate.cluster,
        serviceName: `extra-${i}`,
        taskDefinition: estate.family,
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: estate.subnets, securityGroups: estate.securityGroups } },
      }),
    );
  }
  const docker = engineClients().docker;
  const localRepo = `berth-bench-aws-${RUN_ID}`;
  await docker.getImage(BASE_IMAGE).tag({ repo: localRepo, tag: 'v2' });
  const backend = await createTestBackend({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-')), env: awsEnv(writeAwsFiles()) }, ['docker']);
  try {
    const client = createRouterClient(router, { context: backend.context });
    await client.aws.account.setAccount({ profile: PROFILE, region: REGION });
    await client.aws.account.setRegistryHost({ host: STAND_IN_HOST });
    const engineId = (await client.engines.list()).find((e) => e.kind === 'docker' && e.state === 'connected')!.id;

    const bare = async () => {
      const arns = (await sdk.ecs.send(new ListServicesCommand({ cluster: estate.cluster }))).serviceArns ?? [];
      for (let i = 0; i < arns.length; i += 10) await sdk.ecs.send(new DescribeServicesCommand({ cluster: estate.cluster, services: arns.slice(i, i + 10) }));
    };
    await bare();
    await client.aws.ecs.services({ cluster: estate.cluster });
    const viaSdk = median(await time(15, bare));
    const viaBerth = median(await time(15, () => client.aws.ecs.services({ cluster: estate.cluster })));
    const detail = median(await time(15, () => client.aws.ecs.service({ cluster: estate.cluster, service: estate.service })));

    const started = new Map<string, number>();
    const took = new Map<string, number>();
    const t0 = performance.now();
    for await (const e of await client.aws.deploy.apply({ engineId, image: `${localRepo}:v2`, cluster: estate.cluster, service: estate.service, watchSeconds: 5 })) {
      if (e.kind !== 'step') continue;
      if (e.state === 'running' && !started.has(e.id)) started.set(e.id, performance.now());
      if (e.state === 'done') took.set(e.id, performance.now() - (started.get(e.id) ?? t0));
    }
    const upToUpdate = ['tag', 'token', 'repository', 'push', 'register', 'update'].reduce((s, id) => s + (took.get(id) ?? NaN), 0);
    for (const img of await docker.listImages({ filters: JSON.stringify({ reference: [`${localRepo}*`, `*/${estate.repository}*`] }) })) {
      for (const t of img.RepoTags ?? []) await docker.getImage(t).remove().catch(() => undefined);
    }
    return [
      { metric: 'ECS services list, 20 services: bare SDK calls (median)', value: viaSdk, unit: 'ms' },
      { metric: 'ECS services list, 20 services: through Berth (median)', value: viaBerth, unit: 'ms' },
      { metric: "Berth's overhead on a services refresh (ratio)", value: viaBerth / viaSdk, unit: '×', goal: '<= 1.25' },
      { metric: 'Service detail with auto scaling (median)', value: detail, unit: 'ms' },
      { metric: 'Deploy push step (1.9 MB image, stand-in registry)', value: took.get('push') ?? NaN, unit: 'ms' },
      { metric: 'Deploy from tag to UpdateService done', value: upToUpdate, unit: 'ms', goal: '<= 5000' },
    ];
  } finally {
    backend.close();
    await removeEstate(estate);
    for (const c of Object.values(sdk)) c.destroy();
  }
}
