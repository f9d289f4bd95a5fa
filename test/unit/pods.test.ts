// Pure parts of pods: rows from libpod summaries, the forms' parsing, live patches,
// kube YAML names, Compose grouping, and the merged logs' building blocks.
import { describe, expect, it } from 'vitest';
import type { PodRow } from '../../electron/api/contracts/pods';
import { composeGroups } from '../../electron/engines/compose';
import { madeFrom, podNamesIn } from '../../electron/engines/kube';
import { LineSplitter, LogMerger, splitTimestamp } from '../../electron/engines/pod-logs';
import { containerState, toPodRow } from '../../electron/engines/pods';
import { LogRing } from '../../renderer/src/features/pods/logRing';
import { parseLabels, parsePorts, splitCommand } from '../../renderer/src/features/pods/parse';
import { dropGoneEngines, patchPods } from '../../renderer/src/features/pods/patchPods';

describe('toPodRow', () => {
  const pod = {
    Id: 'pod1',
    Name: 'web',
    Status: 'Degraded',
    Created: '2026-11-23T19:53:26.438Z',
    InfraId: 'inf',
    Labels: { app: 'web' },
    Networks: ['podman'],
    Containers: [
      { Id: 'c2', Names: 'web-app', Status: 'exited' },
      { Id: 'inf', Names: 'pod1-infra', Status: 'running' },
    ],
  };
  const containers = [
    { Id: 'inf', Names: ['pod1-infra'], Image: 'localhost/podman-pause:4.3.1-0', State: 'running', IsInfra: true, Pod: 'pod1', Ports: [{ host_ip: '', container_port: 80, host_port: 8080, range: 2, protocol: 'tcp' }] },
    { Id: 'c2', Names: ['web-app'], Image: 'localhost/app:1', State: 'stopped', IsInfra: false, Pod: 'pod1', Ports: [] },
    { Id: 'other', Names: ['x'], Image: 'y', State: 'running', Pod: 'pod2' },
  ];
  it('joins the pod with its containers, infra first and marked, ports from the infra container', () => {
    const row = toPodRow('eng', pod, containers);
    expect(row).toMatchObject({ engineId: 'eng', id: 'pod1', name: 'web', state: 'degraded', infraId: 'inf', labels: { app: 'web' }, networks: ['podman'] });
    expect(row.created).toBe(Math.floor(Date.parse(pod.Created) / 1000));
    expect(row.containers).toEqual([
      { id: 'inf', name: 'pod1-infra', image: 'localhost/podman-pause:4.3.1-0', state: 'running', infra: true },
      { id: 'c2', name: 'web-app', image: 'localhost/app:1', state: 'exited', infra: false },
    ]);
    expect(row.ports).toEqual([
      { privatePort: 80, publicPort: 8080, type: 'tcp' },
      { privatePort: 81, publicPort: 8081, type: 'tcp' },
    ]);
  });
  it('copes with a pod whose lists are null and an unknown status', () => {
    expect(toPodRow('eng', { Id: 'p', Name: 'n', Status: 'Weird', Containers: null, Labels: null, Networks: null }, [])).toMatchObject({
      state: 'unknown',
      containers: [],
      ports: [],
      labels: {},
      networks: [],
      created: 0,
    });
    expect(containerState('configured')).toBe('created');
    expect(containerState('stopped')).toBe('exited');
  });
});

describe('form parsing', () => {
  it('reads published ports as podman pod create -p does', () => {
    expect(parsePorts('8080:80, 5353:53/udp  9000 127.0.0.1:8443:443')).toEqual([
      { containerPort: 80, hostPort: 8080, protocol: 'tcp' },
      { containerPort: 53, hostPort: 5353, protocol: 'udp' },
      { containerPort: 9000, protocol: 'tcp' },
      { containerPort: 443, hostPort: 8443, protocol: 'tcp', hostIp: '127.0.0.1' },
    ]);
    expect(parsePorts('')).toEqual([]);
    expect(() => parsePorts('80:http')).toThrow(/not a port mapping/);
    expect(() => parsePorts('70000:80')).toThrow(/host port "70000"/);
    expect(() => parsePorts('80/icmp')).toThrow(/tcp, udp or sctp/);
  });
  it('reads labels, one per line or comma-separated', () => {
    expect(parseLabels('app=web\n tier = front \nflag')).toEqual({ app: 'web', tier: 'front', flag: '' });
    expect(parseLabels('a=1,b=x,y')).toEqual({ a: '1', b: 'x,y' });
    expect(() => parseLabels('bad key=1')).toThrow(/no spaces/);
  });
  it('splits a command line like a shell, without expanding', () => {
    expect(splitCommand(`/bin/sh -c "trap 'exit 0' TERM; echo \\"hi\\" \\$HOME"`)).toEqual(['/bin/sh', '-c', `trap 'exit 0' TERM; echo "hi" $HOME`]);
    expect(splitCommand(`echo '' a\\ b`)).toEqual(['echo', '', 'a b']);
    expect(splitCommand('   ')).toEqual([]);
    expect(() => splitCommand('echo "open')).toThrow(/unclosed " quote/);
  });
});

describe('live patches of the pod list', () => {
  const row = (id: string, engineId = 'e1', state: PodRow['state'] = 'running'): PodRow => ({ engineId, id, name: id, state, created: 0, containers: [], ports: [], labels: {}, networks: [] });
  it('replaces, adds and drops one row', () => {
    const rows = [row('a'), row('b')];
    expect(patchPods(rows, 'e1', 'b', row('b', 'e1', 'paused'))!.map((r) => r.state)).toEqual(['running', 'paused']);
    expect(patchPods(rows, 'e1', 'c', row('c'))!.map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(patchPods(rows, 'e1', 'a', null)!.map((r) => r.id)).toEqual(['b']);
    expect(patchPods(rows, 'e2', 'a', null)).toBe(rows);
    expect(patchPods(undefined, 'e1', 'a', row('a'))).toBeUndefined();
  });
  it("drops an engine's rows when it disconnects or is removed", () => {
    const rows = [row('a'), row('b', 'e2')];
    expect(dropGoneEngines(rows, { kind: 'engine-removed', engineId: 'e2' })!.map((r) => r.id)).toEqual(['a']);
    const down = { kind: 'engine' as const, engine: { id: 'e1', name: 'p', endpoint: 'unix:///x', source: 'manual' as const, kind: 'podman' as const, state: 'disconnected' as const } };
    expect(dropGoneEngines(rows, down)!.map((r) => r.id)).toEqual(['b']);
    expect(dropGoneEngines(rows, { ...down, engine: { ...down.engine, state: 'connected' } })).toBe(rows);
  });
});

describe('kube YAML names', () => {
  it('names the pods a YAML makes, and matches the pods Podman made from it', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n---\nkind: Deployment\nmetadata:\n  name: api\n---\nkind: ConfigMap\nmetadata:\n  name: cfg\n';
    expect(podNamesIn(yaml)).toEqual(['web', 'api']);
    expect(podNamesIn('metadata: [unclosed')).toEqual([]);
    expect(madeFrom('web', ['web'])).toBe(true);
    expect(madeFrom('api-pod-0', ['api'])).toBe(true);
    expect(madeFrom('webby', ['web'])).toBe(false);
  });
});

describe('compose groups', () => {
  const c = (name: string, project: string | undefined, service: string, state = 'running', engineId = 'd') => ({
    id: name,
    name,
    state,
    engineId,
    labels: (project ? { 'com.docker.compose.project': project, 'com.docker.compose.service': service } : {}) as Record<string, string>,
  });
  it('groups by engine and project, counts running, lists services', () => {
    const groups = composeGroups([c('b-db-1', 'b', 'db', 'exited'), c('a-web-1', 'a', 'web'), c('loose', undefined, ''), c('b-web-1', 'b', 'web'), c('b-web-1', 'b', 'web', 'running', 'p')]);
    expect(groups.map((g) => [g.engineId, g.project, g.services, g.running, g.containers.map((x) => x.name)])).toEqual([
      ['d', 'a', ['web'], 1, ['a-web-1']],
      ['d', 'b', ['db', 'web'], 1, ['b-db-1', 'b-web-1']],
      ['p', 'b', ['web'], 1, ['b-web-1']],
    ]);
  });
});

describe('merged logs', () => {
  it('splits timestamps of second and nanosecond precision', () => {
    expect(splitTimestamp('2026-11-23T20:01:44Z tick 3', 0)).toEqual({ t: Date.parse('2026-11-23T20:01:44Z'), text: 'tick 3' });
    const fine = splitTimestamp('2026-11-23T20:01:44.123456789Z x', 0);
    expect(fine.text).toBe('x');
    expect(fine.t).toBeCloseTo(Date.parse('2026-11-23T20:01:44Z') + 123.456789, 3);
    expect(splitTimestamp('no stamp', 42)).toEqual({ t: 42, text: 'no stamp' });
  });
  it('splits chunks into lines, keeping partial lines and dropping CRs', () => {
    const s = new LineSplitter();
    expect(s.push('a\r\nb')).toEqual(['a']);
    expect(s.push('c\nd\n')).toEqual(['bc', 'd']);
    expect(s.push('tail')).toEqual([]);
    expect(s.flush()).toEqual(['tail']);
  });
  it('hands out lines in time order (stable within a second), bounded, counting drops', () => {
    const m = new LogMerger(3);
    m.add({ t: 2000, container: 'b', stream: 'stdout', text: 'b1' });
    m.add({ t: 1000, container: 'a', stream: 'stdout', text: 'a1' });
    m.add({ t: 2000, container: 'a', stream: 'stdout', text: 'a2' });
    expect(m.take()!.lines.map((l) => l.text)).toEqual(['a1', 'b1', 'a2']);
    expect(m.take()).toBeUndefined();
    const big = new LogMerger(10);
    for (let i = 0; i < 14; i++) big.add({ t: i, container: 'a', stream: 'stdout', text: `l${i}` });
    const batch = big.take()!;
    // Over the bound, the oldest go, down to 90% of it.
    expect(batch.dropped).toBe(4);
    expect(batch.lines.map((l) => l.text)).toEqual(['l4', 'l5', 'l6', 'l7', 'l8', 'l9', 'l10', 'l11', 'l12', 'l13']);
  });
  it('keeps only the newest lines in the renderer ring', () => {
    const r = new LogRing<number>(10);
    r.push([1, 2, 3, 4, 5, 6, 7, 8]);
    r.push([9, 10, 11]);
    expect(r.items().length).toBeLessThanOrEqual(10);
    expect(r.items().at(-1)).toBe(11);
    expect(r.items()[0]).toBeGreaterThan(1);
    r.push(Array.from({ length: 25 }, (_, i) => i));
    expect(r.items()).toEqual(Array.from({ length: 10 }, (_, i) => i + 15));
  });
});
