// CloudWatch logs of a task's awslogs containers, followed while this view is open
// (the backend polls with nextForwardToken; closing the view ends the stream). Bounded.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../../components/Toasts';
import { client, orpc } from '../../lib/rpc';
import { retryAws } from '../aws/poll';

const MAX_LINES = 2000;

export function TaskLogs({ cluster, task, onClose }: { cluster: string; task: string; onClose(): void }) {
  const sources = useQuery({ ...orpc.aws.logs.sources.queryOptions({ input: { cluster, task } }), staleTime: Infinity, retry: retryAws });
  const [container, setContainer] = useState<string>();
  const source = sources.data?.find((s) => s.container === container) ?? sources.data?.[0];
  return (
    <div className="aws-logs" aria-label="Task logs">
      <div className="aws-logs-head">
        <span className="strong">Logs of {task.split('/').pop()?.slice(0, 12)}</span>
        {sources.data && sources.data.length > 1 && (
          <select aria-label="Container" value={source?.container} onChange={(e) => setContainer(e.target.value)}>
            {sources.data.map((s) => (
              <option key={s.container}>{s.container}</option>
            ))}
          </select>
        )}
        {source && (
          <span className="muted mono small">
            {source.group}
            {source.stream ? ` / ${source.stream}` : ''}
          </span>
        )}
        <button onClick={onClose}>Close</button>
      </div>
      {sources.error && <p className="error-text">{errorText(sources.error)}</p>}
      {sources.data?.length === 0 && <p className="muted">No container of this task uses the awslogs driver: its logs are not in CloudWatch.</p>}
      {source && <LogLines key={`${source.group}/${source.stream}`} group={source.group} stream={source.stream} />}
    </div>
  );
}

/** A bounded list of log lines, kept scrolled to the bottom unless the user scrolls up. */
function LogLines({ group, stream }: { group: string; stream?: string | undefined }) {
  const [lines, setLines] = useState<Array<{ at: number; message: string }>>([]);
  const [error, setError] = useState<string>();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      try {
        const it = await client.aws.logs.follow({ group, ...(stream ? { stream } : {}), tail: 200 }, { signal: abort.signal });
        for await (const batch of it) if (batch.length) setLines((old) => [...old, ...batch].slice(-MAX_LINES));
      } catch (e) {
        if (!abort.signal.aborted) setError(errorText(e));
      }
    })();
    return () => abort.abort();
  }, [group, stream]);
  useEffect(() => {
    const el = box.current;
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight < 80) el.scrollTop = el.scrollHeight;
  }, [lines]);
  return (
    <div className="aws-log-lines mono" ref={box} role="log" aria-live="polite">
      {lines.map((l, i) => (
        <div key={i}>
          <span className="muted">{new Date(l.at).toISOString().slice(11, 23)}</span> {l.message}
        </div>
      ))}
      {lines.length === 0 && !error && <div className="muted">No log events yet; following…</div>}
      {error && <div className="error-text">{error}</div>}
    </div>
  );
}
