import { createRouterClient } from '@orpc/server';
import { describe, expect, it } from 'vitest';
import { router } from '../../electron/api/router';
import type { EngineRegistry } from '../../electron/engines/registry';

// A registry that fails the test if a handler runs: schemas must refuse first.
const registry = new Proxy({} as EngineRegistry, {
  get: (_t, prop) => () => {
    throw new Error(`handler ran (${String(prop)}) for an input that should have been refused`);
  },
});
const client = createRouterClient(router, { context: { registry, settings: registry as never, dataDir: '/nonexistent', aws: registry as never } });

describe('contract schemas refuse bad input before any handler', () => {
  it.each([
    ['a container id with a path', { engineId: 'docker-abc123', id: '../../etc' }],
    ['an empty id', { engineId: 'docker-abc123', id: '' }],
    ['an engine id with spaces', { engineId: 'no such engine', id: 'abc' }],
    ['a missing engine id', { id: 'abc' }],
  ])('containers.start: %s', async (_what, input) => {
    await expect(client.containers.start(input as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses a negative stop timeout and an empty endpoint', async () => {
    await expect(client.containers.stop({ engineId: 'docker-abc123', id: 'abc', timeoutSeconds: -1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(client.engines.add({ endpoint: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
