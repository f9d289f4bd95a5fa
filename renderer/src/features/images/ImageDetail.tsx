// One image: its tags, layers (history), the containers that use it, the engine's inspect
// JSON; Run (the run dialog of the Containers page) and Push.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../components/Toasts';
import { formatBytes } from '../../lib/bytes';
import { relativeTime } from '../../lib/format';
import { navigate } from '../../lib/route';
import { orpc } from '../../lib/rpc';
import { imageName } from './columns';
import { PushDialog } from './PushDialog';
import { sameImageId } from './live';

const TABS = ['history', 'containers', 'inspect'] as const;

export function runRoute(engineId: string, image: string): string {
  return `#containers/run?engine=${encodeURIComponent(engineId)}&image=${encodeURIComponent(image)}`;
}

export function ImageDetail({ engineId, imageId }: { engineId: string; imageId: string }) {
  const [tab, setTab] = useState<(typeof TABS)[number]>('history');
  const [pushing, setPushing] = useState(false);
  const list = useQuery({ ...orpc.images.list.queryOptions({ input: {} }), staleTime: Infinity });
  const input = { engineId, ref: imageId };
  // The row comes from the live list when it is there (it follows events), else alone.
  const fromList = list.data?.find((r) => r.engineId === engineId && sameImageId(r.id, imageId));
  const single = useQuery({ ...orpc.images.get.queryOptions({ input }), enabled: !fromList && !list.isPending });
  const row = fromList ?? single.data ?? undefined;
  const history = useQuery({ ...orpc.images.history.queryOptions({ input }), enabled: tab === 'history' && !!row });
  const containers = useQuery({ ...orpc.images.containers.queryOptions({ input }), enabled: tab === 'containers' && !!row });
  const inspect = useQuery({ ...orpc.images.inspect.queryOptions({ input }), enabled: tab === 'inspect' && !!row });

  return (
    <section className="page" aria-labelledby="image-title">
      <header className="page-head">
        <button className="link" onClick={() => navigate('images')}>
          ← Images
        </button>
        <h1 id="image-title" className="mono">
          {row ? imageName(row) : imageId.replace(/^sha256:/, '').slice(0, 12)}
        </h1>
        {row && (
          <div className="page-actions">
            <button className="primary" onClick={() => (window.location.hash = runRoute(engineId, row.repoTags[0] ?? row.id))}>
              Run…
            </button>
            <button onClick={() => setPushing(true)}>Push…</button>
          </div>
        )}
      </header>
      {!row && !list.isPending && !single.isPending && <p className="muted">This image is gone (removed on its engine).</p>}
      {row && (
        <>
          <dl className="facts">
            <dt>Id</dt>
            <dd className="mono">{row.id}</dd>
            <dt>Tags</dt>
            <dd className="mono">{row.repoTags.join(', ') || '— (dangling)'}</dd>
            <dt>Size</dt>
            <dd>{formatBytes(row.size)}</dd>
            <dt>Created</dt>
            <dd>{relativeTime(row.created)}</dd>
            {row.repoDigests.length > 0 && (
              <>
                <dt>Digests</dt>
                <dd className="mono">{row.repoDigests.join(', ')}</dd>
              </>
            )}
          </dl>
          <div className="segmented" role="tablist" aria-label="Image detail">
            {TABS.map((t) => (
              <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'on' : ''} onClick={() => setTab(t)}>
                {t === 'containers' ? `containers (${row.containers})` : t}
              </button>
            ))}
          </div>
          <div className="detail-pane" role="tabpanel">
            {tab === 'history' && (
              <table className="plain-table history-table" aria-label="Layers">
                <thead>
                  <tr>
                    <th>Layer</th>
                    <th>Created by</th>
                    <th>Size</th>
                    <th>Created</th>
                  </tr>
                </thead>
                <tbody>
                  {(history.data ?? []).map((h, i) => (
                    <tr key={`${h.id}-${i}`}>
                      <td className="mono">{h.id === '<missing>' ? <span className="muted">—</span> : h.id.replace(/^sha256:/, '').slice(0, 12)}</td>
                      <td className="mono created-by" title={h.createdBy}>
                        {h.createdBy.replace(/^\/bin\/sh -c (#\(nop\) )?/, '').trim() || h.comment || '—'}
                      </td>
                      <td>{formatBytes(h.size)}</td>
                      <td>{relativeTime(h.created)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {tab === 'containers' &&
              (containers.data?.length ? (
                <ul className="plain-list">
                  {containers.data.map((c) => (
                    <li key={c.id}>
                      <span className="mono strong">{c.name}</span> <span className={`badge state-${c.state}`}>{c.state}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{containers.isPending ? 'Loading…' : 'No container uses this image.'}</p>
              ))}
            {tab === 'inspect' && <pre className="json">{inspect.data ? JSON.stringify(inspect.data, null, 2) : 'Loading…'}</pre>}
            {[history, containers, inspect].map((q, i) =>
              q.error ? (
                <p key={i} className="error-text" role="alert">
                  {errorText(q.error)}
                </p>
              ) : null,
            )}
          </div>
        </>
      )}
      {pushing && row && <PushDialog image={row} onClose={() => setPushing(false)} />}
    </section>
  );
}
