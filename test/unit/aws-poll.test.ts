import { describe, expect, it } from 'vitest';
import { retryAws, visiblePoll } from '../../renderer/src/features/aws/poll';

const query = (data: unknown, fetchFailureCount = 0) => ({ state: { data, fetchFailureCount } }) as never;

describe('AWS polling', () => {
  it('backs off after failures and while nothing changes, and resets on a change', () => {
    const poll = visiblePoll(5000, 60_000);
    expect(poll(query(null, 1))).toBe(10_000);
    expect(poll(query(null, 5))).toBe(60_000);
    const q = query({ a: 1 });
    expect([poll(q), poll(q), poll(q)]).toEqual([5000, 10_000, 20_000]);
    (q as unknown as { state: { data: unknown } }).state.data = { a: 2 };
    expect(poll(q)).toBe(5000);
  });

  it('stops while the page is hidden', () => {
    const g = globalThis as { document?: unknown };
    g.document = { visibilityState: 'hidden' };
    try {
      expect(visiblePoll(5000)(query({}))).toBe(false);
    } finally {
      delete g.document;
    }
  });

  it('does not retry what another try cannot fix', () => {
    expect(retryAws(0, { code: 'UNAUTHORIZED' })).toBe(false);
    expect(retryAws(0, { code: 'INTERNAL_SERVER_ERROR' })).toBe(true);
    expect(retryAws(2, { code: 'INTERNAL_SERVER_ERROR' })).toBe(false);
  });
});
