// Every engine Berth knows, discovered or added by hand, live: state, host, disk.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { orpc } from '../../lib/rpc';
import { AddEngineDialog } from './AddEngineDialog';
import { EngineCard } from './EngineCard';
import './engines.css';

export function EnginesPage() {
  const engines = useQuery({ ...orpc.engines.list.queryOptions(), staleTime: Infinity });
  const settings = useQuery({ ...orpc.settings.get.queryOptions(), staleTime: Infinity });
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string>();
  const list = engines.data ?? [];
  // Show the engine just added (it joins the end of the list), connected or not.
  useEffect(() => {
    if (added) document.querySelector(`[data-engine-card="${added}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [added, list.length]);
  const connected = list.filter((e) => e.state === 'connected').length;
  return (
    <section className="page engines-page" aria-labelledby="engines-title">
      <header className="page-head">
        <h1 id="engines-title">Engines</h1>
        <span className="muted">
          {list.length} {list.length === 1 ? 'engine' : 'engines'}, {connected} connected
        </span>
        <button className="primary page-head-action" onClick={() => setAdding(true)}>
          Add engine…
        </button>
      </header>
      <div className="engine-cards">
        {list.map((e) => (
          <EngineCard key={e.id} engine={e} isDefault={settings.data?.defaultEngine === e.id} />
        ))}
        {engines.data && list.length === 0 && (
          <p className="muted">No engine found. Start Docker or Podman (Berth finds the usual sockets by itself), or add an endpoint by hand.</p>
        )}
      </div>
      {adding && <AddEngineDialog onClose={() => setAdding(false)} onAdded={(e) => setAdded(e.id)} />}
    </section>
  );
}
