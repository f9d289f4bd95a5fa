import { describe, expect, it } from 'vitest';
import { EventLog, toEngineEvent } from '../../electron/engines/event-log';
import { detailsFromInfo, diskUsageFromDf, pruneFilters } from '../../electron/engines/system';
import { RingBuffer } from '../../electron/shared/ring-buffer';
import { applySettingsPatch, settingsView } from '../../electron/settings/patch';
import { Settings } from '../../electron/settings/store';

describe('disk usage as docker system df counts it', () => {
  it('images, containers, volumes and build cache, with what is reclaimable', () => {
    const lines = diskUsageFromDf({
      LayersSize: 3000,
      Images: [
        { Size: 2000, SharedSize: 500, Containers: 1 },
        { Size: 1500, SharedSize: 500, Containers: 0 },
      ],
      Containers: [
        { SizeRw: 10, State: 'running' },
        { SizeRw: 30, State: 'exited' },
      ],
      Volumes: [{ UsageData: { Size: 100, RefCount: 1 } }, { UsageData: { Size: 50, RefCount: 0 } }, { UsageData: { Size: -1, RefCount: -1 } }],
      BuildCache: [
        { Size: 70, InUse: false, Shared: false },
        { Size: 20, InUse: true, Shared: false },
        { Size: 5, InUse: false, Shared: true },
      ],
    });
    expect(lines).toEqual([
      { category: 'images', count: 2, active: 1, sizeBytes: 3000, reclaimableBytes: 1000 },
      { category: 'containers', count: 2, active: 1, sizeBytes: 40, reclaimableBytes: 30 },
      { category: 'volumes', count: 3, active: 1, sizeBytes: 150, reclaimableBytes: 50 },
      { category: 'buildCache', count: 3, active: 1, sizeBytes: 90, reclaimableBytes: 70 },
    ]);
  });

  it('copes with Podman leaving lists null and LayersSize 0', () => {
    const [images, containers] = diskUsageFromDf({ LayersSize: 0, Images: [{ Size: 700, SharedSize: 0, Containers: 0 }], Containers: null, Volumes: null, BuildCache: null });
    expect(images).toMatchObject({ sizeBytes: 700, reclaimableBytes: 700 });
    expect(containers).toMatchObject({ count: 0, sizeBytes: 0 });
  });

  it('prunes only dangling images, and only what carries the labels', () => {
    expect(pruneFilters('images', ['a=b'])).toEqual({ label: ['a=b'], dangling: ['true'] });
    expect(pruneFilters('volumes', [])).toEqual({});
  });
});

describe('details from /info', () => {
  it('reads rootless from security options unless libpod says', () => {
    const info = { NCPU: 4, Runtimes: { runc: {}, crun: {} }, SecurityOptions: ['name=seccomp,profile=default', 'name=rootless'] };
    expect(detailsFromInfo('e', info)).toMatchObject({ cpus: 4, runtimes: ['crun', 'runc'], rootless: true });
    expect(detailsFromInfo('e', info, false).rootless).toBe(false);
    expect(detailsFromInfo('e', {}).rootless).toBe(false);
  });
});

describe('events log', () => {
  it('a ring keeps the newest items in order', () => {
    const r = new RingBuffer<number>(3);
    for (let i = 1; i <= 5; i++) r.push(i);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.size).toBe(3);
  });

  it('normalizes Docker and old-style events', () => {
    expect(toEngineEvent('d', 1, { Type: 'image', Action: 'pull', Actor: { ID: 'sha', Attributes: { name: 'busybox' } }, timeNano: 1_700_000_000_123_000_000 })).toEqual({
      seq: 1, engineId: 'd', type: 'image', action: 'pull', actorId: 'sha', actorName: 'busybox', attributes: { name: 'busybox' }, time: 1_700_000_000_123,
    });
    expect(toEngineEvent('d', 2, { status: 'die', id: 'abc', time: 5 })).toMatchObject({ type: 'container', action: 'die', actorId: 'abc', time: 5000 });
  });

  it('replays what it keeps (bounded), then live events, none twice, filtered by engine', async () => {
    const log = new EventLog(3);
    for (let i = 0; i < 5; i++) log.record(i % 2 ? 'b' : 'a', { Type: 'container', Action: `a${i}`, Actor: { ID: 'x' } });
    const abort = new AbortController();
    const it = log.subscribe(undefined, abort.signal);
    const got: string[] = [];
    for (let i = 0; i < 3; i++) got.push((await it.next()).value!.action);
    log.record('a', { Type: 'container', Action: 'live', Actor: { ID: 'x' } });
    got.push((await it.next()).value!.action);
    expect(got).toEqual(['a2', 'a3', 'a4', 'live']);
    const onlyB = log.subscribe('b', abort.signal);
    expect((await onlyB.next()).value!.action).toBe('a3');
    abort.abort();
  });
});

describe('settings patch', () => {
  it('sets, keeps and clears, and hides the window bounds from the renderer', () => {
    const s = Settings.parse({ theme: 'dark', aws: { region: 'us-east-1', profile: 'p' }, window: { x: 1, y: 2, width: 900, height: 600 } });
    const next = applySettingsPatch(s, { aws: { region: null, ecrRegistryHost: '127.0.0.1:5001' }, defaultEngine: 'docker-abc' });
    expect(next).toMatchObject({ theme: 'dark', defaultEngine: 'docker-abc', aws: { profile: 'p', ecrRegistryHost: '127.0.0.1:5001' } });
    expect(next.aws.region).toBeUndefined();
    expect(settingsView(next)).not.toHaveProperty('window');
  });

  it('a file edited by hand into unknown values keeps the rest', () => {
    const s = Settings.parse({ theme: 'pink', window: { x: 'left' }, aws: { region: 'eu-west-1' }, endpoints: [{ endpoint: 'unix:///x.sock', name: 'x' }] });
    expect(s).toMatchObject({ theme: 'system', aws: { region: 'eu-west-1' }, endpoints: [{ endpoint: 'unix:///x.sock', name: 'x' }] });
    expect(s.window).toBeUndefined();
  });
});
