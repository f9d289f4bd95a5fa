// CloudWatch Logs for ECS containers that use the awslogs driver: where a container's
// stream is, its recent events, and following it by polling with nextForwardToken.
import { FilterLogEventsCommand, GetLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { TaskDefinition } from '@aws-sdk/client-ecs';

export interface LogSource {
  container: string;
  group: string;
  /** The stream (awslogs-stream-prefix/container/task-id); absent without a prefix. */
  stream?: string;
  region?: string;
}

export interface LogEvent {
  at: number;
  message: string;
  stream?: string;
}

/** The awslogs sources of a task's containers ([] when none uses awslogs). */
export function logSources(td: TaskDefinition, taskId: string): LogSource[] {
  const out: LogSource[] = [];
  for (const c of td.containerDefinitions ?? []) {
    const cfg = c.logConfiguration;
    if (cfg?.logDriver !== 'awslogs' || !cfg.options?.['awslogs-group']) continue;
    const prefix = cfg.options['awslogs-stream-prefix'];
    out.push({
      container: c.name ?? '',
      group: cfg.options['awslogs-group'],
      ...(prefix ? { stream: `${prefix}/${c.name}/${taskId}` } : {}),
      ...(cfg.options['awslogs-region'] ? { region: cfg.options['awslogs-region'] } : {}),
    });
  }
  return out;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done);
  });

/**
 * The last `tail` events, then (while `signal` is not aborted) new ones every `pollMs`.
 * Yields batches; an empty poll yields nothing. The caller bounds what it keeps.
 */
export async function* followLogs(
  logs: CloudWatchLogsClient,
  source: Pick<LogSource, 'group' | 'stream'>,
  opts: { tail?: number; pollMs?: number; signal?: AbortSignal; follow?: boolean } = {},
): AsyncGenerator<LogEvent[]> {
  const tail = opts.tail ?? 200;
  const pollMs = opts.pollMs ?? 2000;
  if (source.stream) {
    let token: string | undefined;
    let first = true;
    while (!opts.signal?.aborted) {
      const r = await logs.send(
        new GetLogEventsCommand({
          logGroupName: source.group,
          logStreamName: source.stream,
          ...(token ? { nextToken: token } : { limit: tail, startFromHead: false }),
        }),
        { abortSignal: opts.signal },
      );
      const events = (r.events ?? []).map((e) => ({ at: e.timestamp ?? 0, message: (e.message ?? '').replace(/\n$/, '') }));
      if (events.length || first) yield events;
      first = false;
      token = r.nextForwardToken ?? token;
      if (opts.follow === false) return;
      await sleep(pollMs, opts.signal);
    }
    return;
  }
  // No stream prefix: the whole group, by time.
  let since = Date.now() - 3600_000;
  let first = true;
  const seen = new Set<string>();
  while (!opts.signal?.aborted) {
    const r = await logs.send(new FilterLogEventsCommand({ logGroupName: source.group, startTime: since, limit: tail }), { abortSignal: opts.signal });
    const events = (r.events ?? [])
      .filter((e) => !seen.has(e.eventId ?? `${e.timestamp}${e.message}`))
      .map((e) => (seen.add(e.eventId ?? `${e.timestamp}${e.message}`), { at: e.timestamp ?? 0, message: (e.message ?? '').replace(/\n$/, ''), ...(e.logStreamName ? { stream: e.logStreamName } : {}) }));
    if (events.length || first) yield events;
    first = false;
    if (events.length) since = Math.max(...events.map((e) => e.at));
    if (seen.size > 5000) seen.clear();
    if (opts.follow === false) return;
    await sleep(pollMs, opts.signal);
  }
}
