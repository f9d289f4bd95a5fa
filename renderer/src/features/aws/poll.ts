// Polling for AWS views (AWS has no event stream to listen to): while the page is visible,
// refetch every `baseMs`, backing off (doubling up to `maxMs`) after failures and while
// nothing changes; stop while hidden. TanStack Query refetches on becoming visible again
// (its focus manager listens to visibilitychange), which restarts the interval.
import type { Query } from '@tanstack/react-query';

const calm = new WeakMap<object, { text: string; same: number }>();

export function visiblePoll(baseMs: number, maxMs = 60_000) {
  return (query: Query<any, any, any, any>): number | false => {
    if (typeof document !== 'undefined' && document.visibilityState !== 'visible') return false;
    const failures = query.state.fetchFailureCount;
    if (failures > 0) return Math.min(maxMs, baseMs * 2 ** failures);
    const text = JSON.stringify(query.state.data ?? null);
    const prev = calm.get(query);
    const same = prev && prev.text === text ? prev.same + 1 : 0;
    calm.set(query, { text, same });
    return Math.min(maxMs, baseMs * 2 ** Math.min(same, 4));
  };
}

/** Failures that another try cannot fix (credentials, permissions, bad names, missing things). */
const FINAL = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'CONFLICT']);

export function retryAws(failures: number, error: unknown): boolean {
  return failures < 2 && !FINAL.has((error as { code?: string })?.code ?? '');
}

/** Query options for a live AWS view: polled while visible, retried only when it can help. */
export const awsLive = (baseMs: number) => ({ refetchInterval: visiblePoll(baseMs), retry: retryAws });
