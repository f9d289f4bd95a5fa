import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CancelledError, followProgress, ProgressStreamError, ProgressTracker } from '../../electron/engines/progress';

const L1 = 'aaaaaaaaaaaa';
const L2 = 'bbbbbbbbbbbb';

describe('ProgressTracker', () => {
  it('counts download for half a layer and extraction for the other half', () => {
    const t = new ProgressTracker();
    t.apply({ status: 'Pulling from team/app', id: 'v1' });
    t.apply({ status: 'Downloading', id: L1, progressDetail: { current: 50, total: 100 } });
    t.apply({ status: 'Already exists', id: L2 });
    expect(t.snapshot().fraction).toBeCloseTo((0.25 + 1) / 2);
    t.apply({ status: 'Extracting', id: L1, progressDetail: { current: 100, total: 100 } });
    t.apply({ status: 'Pull complete', id: L1 });
    t.apply({ status: `Digest: sha256:${'c'.repeat(64)}` });
    const s = t.snapshot();
    expect(s.fraction).toBe(1);
    expect(s.digest).toBe(`sha256:${'c'.repeat(64)}`);
    expect(s.message).toMatch(/^Digest/);
  });

  it('reads the digest of a push from its aux line, not the tag (Podman names another tag)', () => {
    const t = new ProgressTracker();
    t.apply({ status: 'Pushing', id: L1, progressDetail: { current: 10, total: 20 } });
    t.apply({ status: 'Waiting', id: L1 });
    expect(t.snapshot().layers[0]!.fraction).toBe(0.5);
    t.apply({ status: `latest: digest: sha256:${'d'.repeat(64)} size: 527` });
    expect(t.snapshot().digest).toBe(`sha256:${'d'.repeat(64)}`);
  });

  it('throws on an error line', () => {
    const t = new ProgressTracker();
    expect(() => t.apply({ errorDetail: { message: 'unauthorized: authentication required' }, error: 'unauthorized' })).toThrow(ProgressStreamError);
  });
});

describe('followProgress', () => {
  it('rejects when the error arrives inside a stream that otherwise ends well', async () => {
    const s = new PassThrough();
    const done = followProgress(s, 'Pushing x');
    s.write(`${JSON.stringify({ status: 'Preparing', id: L1 })}\n`);
    s.end(`${JSON.stringify({ errorDetail: { message: 'denied: requested access to the resource is denied' } })}\n`);
    await expect(done).rejects.toThrow('denied: requested access to the resource is denied');
  });

  it('resolves with the final state and reports progress on the way', async () => {
    const s = new PassThrough();
    const seen: number[] = [];
    const done = followProgress(s, 'Pulling x', { onProgress: (p) => seen.push(p.fraction), throttleMs: 0 });
    s.write(`${JSON.stringify({ status: 'Downloading', id: L1, progressDetail: { current: 1, total: 2 } })}\n`);
    s.end(`${JSON.stringify({ status: 'Pull complete', id: L1 })}`);
    expect((await done).fraction).toBe(1);
    expect(seen[0]).toBe(0.25);
  });

  it('cancels on abort and destroys the stream', async () => {
    const s = new PassThrough();
    const abort = new AbortController();
    const done = followProgress(s, 'Pulling x', { signal: abort.signal });
    abort.abort();
    await expect(done).rejects.toBeInstanceOf(CancelledError);
    expect(s.destroyed).toBe(true);
  });
});
