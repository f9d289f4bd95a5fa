import { describe, expect, it } from 'vitest';
import type { ContainerRow, EngineInfo, LiveEvent } from '../../electron/api/schemas';
import { needsRelist, patchContainers, patchEngines } from '../../renderer/src/lib/patch';

const row = (id: string, state: ContainerRow['state'] = 'running', engineId = 'docker-1'): ContainerRow => ({
  engineId,
  id,
  name: `c-${id}`,
  image: 'img',
  command: 'sh',
  state,
  status: state,
  ports: [],
  labels: {},
  created: 1,
});
const engine = (id: string, state: EngineInfo['state']): EngineInfo => ({ id, name: id, endpoint: 'unix:///x', source: 'default-socket', kind: 'docker', state });
const ev = (id: string, r: ContainerRow | null, engineId = 'docker-1'): LiveEvent => ({ kind: 'container', engineId, id, action: 'x', time: 0, row: r });

describe('patchContainers', () => {
  const rows = [row('a'), row('b'), row('c', 'running', 'podman-1')];

  it('replaces only the row the event concerns, keeping the others by identity', () => {
    const next = patchContainers(rows, ev('b', row('b', 'exited')))!;
    expect(next.map((r) => r.state)).toEqual(['running', 'exited', 'running']);
    expect(next[0]).toBe(rows[0]);
    expect(next[2]).toBe(rows[2]);
    expect(rows[1]!.state).toBe('running');
  });

  it('adds a new container and drops a removed one', () => {
    expect(patchContainers(rows, ev('d', row('d')))!.map((r) => r.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(patchContainers(rows, ev('a', null))!.map((r) => r.id)).toEqual(['b', 'c']);
  });

  it('does not confuse the same id on two engines', () => {
    const next = patchContainers(rows, ev('c', null, 'docker-1'))!;
    expect(next).toHaveLength(3);
  });

  it('drops the rows of an engine that disconnects, and leaves an unloaded cache alone', () => {
    expect(patchContainers(rows, { kind: 'engine', engine: engine('podman-1', 'disconnected') })!.map((r) => r.id)).toEqual(['a', 'b']);
    expect(patchContainers(undefined, ev('a', row('a')))).toBeUndefined();
  });
});

describe('engines', () => {
  it('patches engine state and asks for one re-list on reconnect only', () => {
    const before = [engine('podman-1', 'disconnected')];
    const up: LiveEvent = { kind: 'engine', engine: engine('podman-1', 'connected') };
    expect(patchEngines(before, up)).toEqual([engine('podman-1', 'connected')]);
    expect(needsRelist(before, up)).toBe(true);
    expect(needsRelist([engine('podman-1', 'connected')], up)).toBe(false);
    expect(patchEngines(before, { kind: 'engine-removed', engineId: 'podman-1' })).toEqual([]);
  });
});
