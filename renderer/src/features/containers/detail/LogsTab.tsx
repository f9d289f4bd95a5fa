// The log view: the tail (default 1,000 lines) then new lines as they come, stdout and
// stderr told apart, search with highlights, auto-scroll that pauses when you scroll up,
// download and clear. It holds at most CAPACITY lines (a ring buffer) and renders only
// the rows in view, at most once per animation frame.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { errorText } from '../../../components/Toasts';
import { client } from '../../../lib/rpc';
import { findMatches, highlightParts, RingBuffer, stripAnsi, type ViewLine } from './log-buffer';

export const CAPACITY = 50_000;
const ROW = 18;
const SINCE = { all: undefined, '5m': 300, '1h': 3600, '24h': 86400 } as const;
type Since = keyof typeof SINCE;

export function LogsTab({ target, name }: { target: { engineId: string; id: string }; name: string }) {
  const [tail, setTail] = useState(1000);
  const [since, setSince] = useState<Since>('all');
  const [timestamps, setTimestamps] = useState(false);
  const [follow, setFollow] = useState(true);
  const [query, setQuery] = useState('');
  const [matchAt, setMatchAt] = useState(0);
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [, setVersion] = useState(0);
  const buffer = useRef(new RingBuffer<ViewLine>(CAPACITY)).current;
  const scroller = useRef<HTMLDivElement>(null);
  const frame = useRef(0);

  const repaint = () => {
    if (!frame.current) frame.current = requestAnimationFrame(() => ((frame.current = 0), setVersion((v) => v + 1)));
  };

  useEffect(() => {
    const abort = new AbortController();
    buffer.clear();
    setError(undefined);
    repaint();
    void (async () => {
      try {
        const sinceSeconds = SINCE[since];
        const events = await client.containerDetail.logs(
          { ...target, tail, ...(sinceSeconds ? { since: Math.floor(Date.now() / 1000) - sinceSeconds } : {}) },
          { signal: abort.signal },
        );
        for await (const ev of events) {
          if (ev.kind === 'lines') {
            if (ev.dropped) buffer.push({ s: 'notice', text: `… ${ev.dropped.toLocaleString()} lines skipped: the container writes faster than the view can follow` });
            for (const l of ev.lines) buffer.push({ s: l.s, ...(l.ts ? { ts: l.ts } : {}), text: stripAnsi(l.text) });
          } else {
            buffer.push({ s: 'notice', text: ev.text });
          }
          repaint();
        }
      } catch (err) {
        if (!abort.signal.aborted) setError(errorText(err));
      }
    })();
    return () => {
      abort.abort();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [target.engineId, target.id, tail, since, attempt]);

  const virtualizer = useVirtualizer({ count: buffer.size, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 20 });
  const size = buffer.size;
  const matches = useMemo(() => (query ? findMatches(buffer, query) : []), [query, size, buffer.get(size - 1)]);

  // Keep the bottom in view while following; otherwise hold the lines in view still as old ones drop off.
  useLayoutEffect(() => {
    const el = scroller.current;
    const evicted = buffer.takeEvicted();
    if (!el) return;
    if (follow) el.scrollTop = el.scrollHeight;
    else if (evicted) el.scrollTop = Math.max(0, el.scrollTop - evicted * ROW);
  });

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW * 2;
    if (atBottom !== follow) setFollow(atBottom);
  };

  const goTo = (i: number) => {
    if (!matches.length) return;
    const k = ((i % matches.length) + matches.length) % matches.length;
    setMatchAt(k);
    setFollow(false);
    virtualizer.scrollToIndex(matches[k]!, { align: 'center' });
  };

  const download = () => {
    const text = buffer
      .toArray()
      .map((l) => `${l.ts ? `${l.ts} ` : ''}${l.s === 'err' ? '[stderr] ' : l.s === 'notice' ? '[berth] ' : ''}${l.text}`)
      .join('\n');
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text + '\n'], { type: 'text/plain' }));
    a.download = `${name}.log`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  const current = matches[matchAt];
  return (
    <div className="logs">
      <div className="toolbar logs-toolbar">
        <input
          type="search"
          aria-label="Search the log"
          placeholder="Search the log"
          value={query}
          onChange={(e) => (setQuery(e.target.value), setMatchAt(0))}
          onKeyDown={(e) => e.key === 'Enter' && goTo(matchAt + (e.shiftKey ? -1 : 1))}
        />
        {query && (
          <span className="muted" data-testid="log-matches">
            {matches.length ? `${matchAt + 1} / ${matches.length}` : 'no match'}
          </span>
        )}
        <button onClick={() => goTo(matchAt - 1)} disabled={!matches.length} aria-label="Previous match">
          ↑
        </button>
        <button onClick={() => goTo(matchAt + 1)} disabled={!matches.length} aria-label="Next match">
          ↓
        </button>
        <label className="inline">
          Tail
          <select aria-label="Tail" value={tail} onChange={(e) => setTail(Number(e.target.value))}>
            {[100, 1000, 10000, 50000].map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString()} lines
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          Since
          <select aria-label="Since" value={since} onChange={(e) => setSince(e.target.value as Since)}>
            <option value="all">the start</option>
            <option value="5m">5 minutes ago</option>
            <option value="1h">1 hour ago</option>
            <option value="24h">24 hours ago</option>
          </select>
        </label>
        <label className="inline check">
          <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} /> Timestamps
        </label>
        <button onClick={() => setFollow(!follow)} aria-pressed={follow}>
          {follow ? 'Pause auto-scroll' : 'Follow'}
        </button>
        <button onClick={download}>Download</button>
        <button onClick={() => (buffer.clear(), repaint())}>Clear</button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}{' '}
          <button className="link" onClick={() => setAttempt((a) => a + 1)}>
            Retry
          </button>
        </p>
      )}
      <div className="log-view mono" ref={scroller} onScroll={onScroll} data-testid="log-view" data-lines={size} tabIndex={0} aria-label="Log lines">
        {size === 0 && !error && <div className="muted log-empty">No log lines yet.</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: '100%', width: 'max-content' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const line = buffer.get(item.index);
            if (!line) return null;
            return (
              <div
                key={item.key}
                className={`log-line ${line.s}${item.index === current ? ' current' : ''}`}
                data-stream={line.s}
                style={{ transform: `translateY(${item.start}px)`, height: ROW }}
              >
                {timestamps && line.ts && <span className="log-ts">{line.ts.replace('T', ' ').replace('Z', '')} </span>}
                {highlightParts(line.text, query).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
              </div>
            );
          })}
        </div>
      </div>
      <div className="log-status muted">
        {size.toLocaleString()} lines in view (at most {CAPACITY.toLocaleString()} kept){follow ? ' · following' : ' · auto-scroll paused'}
      </div>
    </div>
  );
}
