import { createRouterClient } from '@orpc/server';
import { describe, expect, it } from 'vitest';
import { router } from '../../electron/api/router';

// A context whose every use fails the test: the AWS schemas must refuse first.
const trap = new Proxy({}, { get: (_t, prop) => () => { throw new Error(`handler ran (${String(prop)})`); } }) as never;
const client = createRouterClient(router, { context: { registry: trap, settings: trap, dataDir: '/nonexistent', aws: trap } });

describe('AWS inputs are refused before any handler', () => {
  it.each([
    ['an uppercase repository', () => client.aws.ecr.images({ repository: 'Bad' })],
    ['a digest that is not sha256', () => client.aws.ecr.deleteImage({ repository: 'ok', digest: 'md5:abc' })],
    ['a region that is not one', () => client.aws.account.setAccount({ region: 'mars-1' })],
    ['a registry host with a scheme', () => client.aws.account.setRegistryHost({ host: 'http://x' })],
    ['a negative desired count', () => client.aws.ecs.scale({ cluster: 'c', service: 's', desiredCount: -1 })],
    ['a subnet that is not a subnet id', () => client.aws.ecs.runTask({ cluster: 'c', taskDefinition: 'f:1', launchType: 'FARGATE', subnets: ['x; rm'] })],
    ['a deploy watch of 1 s', () => client.aws.deploy.apply({ engineId: 'docker-1', image: 'a:b', cluster: 'c', service: 's', watchSeconds: 1 })],
    ['a pull with neither tag nor digest', () => client.aws.ecr.pull({ engineId: 'docker-1', repository: 'ok' })],
  ])('%s', async (_what, call) => {
    await expect(call()).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
