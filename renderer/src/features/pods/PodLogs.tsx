// The merged logs of a pod's containers: each line prefixed with its container, kept in a
// ring of the last MAX_LINES lines, rendered only where the eye is (virtualized).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { LogLine } from '../../../../electron/api/contracts/pods';
import { errorText } from '../../components/Toasts';
import { client } from '../../lib/rpc';
import { LogRing } from './logRing';

const MAX_LINES = 5_000;
const COLORS = ['#2f6fed', '#1f9d55', '#b5478f', '#c98a00', '#0f8a8a', '#8a5cf5', '#d9534f'];

export function PodLogs({ engineId, podId }: { engineId: string; podId: string }) {
  const ring = useRef(new LogRing<LogLine>(MAX_LINES));
  const [, setVersion] = useState(0);
  const [error, setError] = useState<string>();
  const [dropped, setDropped] = useState(0);
  const colors = useRef(new Map<string, string>());
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  useEffect(() => {
    const abort = new AbortController();
    ring.current.clear();
    setError(undefined);
    setVersion((v) => v + 1);
    void (async () => {
      try {
        const stream = await client.pods.logs({ engineId, id: podId, tail: 200 }, { signal: abort.signal });
        for await (const batch of stream) {
          ring.current.push(batch.lines);
          if (batch.dropped) setDropped((d) => d + batch.dropped);
          setVersion((v) => v + 1);
        }
      } catch (err) {
        if (!abort.signal.aborted) setError(errorText(err));
      }
    })();
    return () => abort.abort();
  }, [engineId, podId]);

  const lines = ring.current.items();
  const virtualizer = useVirtualizer({ count: lines.length, getScrollElement: () => scroller.current, estimateSize: () => 18, overscan: 30 });

  useEffect(() => {
    if (stick.current && lines.length) virtualizer.scrollToIndex(lines.length - 1, { align: 'end' });
  });

  const colorOf = (name: string) => {
    let c = colors.current.get(name);
    if (!c) colors.current.set(name, (c = COLORS[colors.current.size % COLORS.length]!));
    return c;
  };

  return (
    <div className="pod-logs">
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {dropped > 0 && <p className="muted">{dropped} lines were skipped to keep up.</p>}
      <div
        className="log-scroller mono"
        ref={scroller}
        role="log"
        aria-label="Pod logs"
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 24;
        }}
      >
        {lines.length === 0 ? (
          <div className="vtable-empty">No log lines yet.</div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const l = lines[item.index]!;
              return (
                <div key={item.key} className={`log-line${l.stream === 'stderr' ? ' stderr' : ''}`} style={{ transform: `translateY(${item.start}px)` }}>
                  <span className="log-prefix" style={{ color: colorOf(l.container) }}>
                    {l.container}
                  </span>
                  <span className="log-text">{l.text}</span>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
