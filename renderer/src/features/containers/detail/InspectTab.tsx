// The engine's full inspect document, searchable (matches highlighted) and copyable.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { errorText } from '../../../components/Toasts';
import { orpc } from '../../../lib/rpc';
import { highlightParts } from './log-buffer';

export function InspectTab({ target }: { target: { engineId: string; id: string } }) {
  const inspect = useQuery({ ...orpc.containerDetail.inspect.queryOptions({ input: target }), staleTime: 0 });
  const [query, setQuery] = useState('');
  const [copied, setCopied] = useState(false);
  const text = useMemo(() => (inspect.data ? JSON.stringify(inspect.data, null, 2) : ''), [inspect.data]);
  const lines = useMemo(() => text.split('\n'), [text]);
  const q = query.toLowerCase();
  const hits = useMemo(() => (q ? lines.filter((l) => l.toLowerCase().includes(q)).length : 0), [lines, q]);
  const firstHit = useMemo(() => (q ? lines.findIndex((l) => l.toLowerCase().includes(q)) : -1), [lines, q]);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div className="inspect">
      <div className="toolbar">
        <input type="search" aria-label="Search the inspect document" placeholder="Search keys and values" value={query} onChange={(e) => setQuery(e.target.value)} />
        {query && <span className="muted">{hits} matching lines</span>}
        <span className="spacer" />
        <button onClick={() => void inspect.refetch()}>Refresh</button>
        <button onClick={() => void copy()} disabled={!text}>
          {copied ? 'Copied' : 'Copy JSON'}
        </button>
      </div>
      {inspect.error && (
        <p className="error-text" role="alert">
          {errorText(inspect.error)}
        </p>
      )}
      <pre className="inspect-json mono" data-testid="inspect-json">
        {lines.map((line, i) => {
          const parts = highlightParts(line, query);
          const hit = parts.some((p) => p.hit);
          return (
            <div key={i} className={hit ? 'hit' : undefined} ref={i === firstHit ? (el) => el?.scrollIntoView({ block: 'center' }) : undefined}>
              {parts.map((p, j) => (p.hit ? <mark key={j}>{p.text}</mark> : p.text))}
            </div>
          );
        })}
      </pre>
    </div>
  );
}
