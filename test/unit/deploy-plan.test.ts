import { describe, expect, it } from 'vitest';
import { deployTag, diffLines, prettyJson, READ_ONLY_FIELDS, registerInputFrom, repositoryFor, withImage } from '../../electron/deploy/plan';
import { runSteps, type RunEvent, type Step } from '../../electron/deploy/runner';
import { logSources } from '../../electron/aws/logs';
import { parseTaskDefinitionArn } from '../../electron/aws/ecs';

const td = {
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
  family: 'web',
  revision: 7,
  status: 'ACTIVE',
  compatibilities: ['EC2', 'FARGATE'],
  requiresAttributes: [{ name: 'ecs.capability.execution-role-awslogs' }],
  registeredAt: new Date(0),
  registeredBy: 'arn:aws:iam::123456789012:user/me',
  networkMode: 'awsvpc',
  containerDefinitions: [
    { name: 'app', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/app:v1', logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs' } } },
    { name: 'sidecar', image: 'envoy:1.30' },
  ],
} as const;

describe('deploy plan', () => {
  it('drops the read-only fields and replaces only the chosen container image', () => {
    const input = registerInputFrom(td as never);
    for (const f of READ_ONLY_FIELDS) expect(input).not.toHaveProperty(f);
    const next = withImage(input, 'app', 'x/app:v2');
    expect(next.containerDefinitions?.map((c) => c.image)).toEqual(['x/app:v2', 'envoy:1.30']);
    expect(input.containerDefinitions?.[0]?.image).toMatch(/:v1$/); // the old one is untouched
    expect(() => withImage(input, 'nope', 'x')).toThrow(/no container "nope".*app, sidecar/);
  });

  it('diffs the two JSON texts line by line', () => {
    const input = registerInputFrom(td as never);
    const diff = diffLines(prettyJson(input), prettyJson(withImage(input, 'sidecar', 'envoy:1.31')));
    expect(diff.filter((l) => l.kind !== 'same').map((l) => `${l.kind} ${l.text.trim()}`)).toEqual(['removed "image": "envoy:1.30"', 'added "image": "envoy:1.31"']);
    expect(diffLines('a\nb', 'a\nc\nb').map((l) => l.kind)).toEqual(['same', 'added', 'same']);
  });

  it('picks the repository the container already runs from, else the local name', () => {
    expect(repositoryFor(td.containerDefinitions[0].image, 'app:dev')).toBe('shop/app');
    expect(repositoryFor('127.0.0.1:5001/team/api:3', 'api:dev', '127.0.0.1:5001')).toBe('team/api');
    expect(repositoryFor('nginx:1.27', 'me/api:dev')).toBe('me/api');
    expect(repositoryFor(undefined, 'busybox')).toBe('busybox');
    expect(deployTag('me/api:dev', 'sha256:0123456789abcdef0000')).toBe('dev-0123456789ab');
    expect(deployTag('sha256:0123456789abcdef0000', 'sha256:0123456789abcdef0000')).toBe('latest-0123456789ab');
  });

  it('reads task definition ARNs and awslogs sources', () => {
    expect(parseTaskDefinitionArn(td.taskDefinitionArn)).toEqual({ family: 'web', revision: 7 });
    expect(parseTaskDefinitionArn('web')).toEqual({ family: 'web' });
    expect(logSources(td as never, 'abc123')).toEqual([{ container: 'app', group: '/ecs/web', stream: 'ecs/app/abc123' }]);
  });
});

const step = (id: string, run: Step['run']): Step => ({ id, label: id.toUpperCase(), run });
async function collect(it: AsyncIterable<RunEvent>) {
  const out: RunEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
}
const finalStates = (events: RunEvent[]) => Object.fromEntries(events.flatMap((e) => (e.kind === 'step' ? [[e.id, e.state]] : [])));

describe('step runner', () => {
  it('announces every step, then runs them; the last may say "in progress"', async () => {
    const events = await collect(
      runSteps([step('a', async ({ report }) => (report({ progress: 0.5 }), { detail: 'A done' })), step('b', async () => ({ detail: 'B', outcome: 'in-progress', message: 'still going' }))]),
    );
    expect(events.slice(0, 2).map((e) => e.kind === 'step' && e.state)).toEqual(['pending', 'pending']);
    expect(events.some((e) => e.kind === 'step' && e.progress === 0.5)).toBe(true);
    expect(finalStates(events)).toEqual({ a: 'done', b: 'done' });
    expect(events.at(-1)).toEqual({ kind: 'finished', outcome: 'in-progress', message: 'still going' });
  });

  it('a failure names its step, keeps the earlier results and skips the rest', async () => {
    const events = await collect(
      runSteps([step('a', async () => ({ detail: 'ok' })), step('b', async () => Promise.reject(new Error('denied'))), step('c', async () => ({ detail: 'never' }))]),
    );
    expect(finalStates(events)).toEqual({ a: 'done', b: 'failed', c: 'skipped' });
    expect(events.at(-1)).toEqual({ kind: 'finished', outcome: 'failed', message: '"B" failed: denied' });
  });

  it('a cancel stops the step under way and skips the rest', async () => {
    const abort = new AbortController();
    const events = await collect(
      runSteps(
        [
          step('a', async () => (abort.abort(), { detail: 'done anyway' })),
          step('b', ({ signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('x'))))),
        ],
        abort.signal,
      ),
    );
    expect(finalStates(events)).toEqual({ a: 'done', b: 'skipped' });
    expect(events.at(-1)).toMatchObject({ outcome: 'cancelled' });
  });
});
