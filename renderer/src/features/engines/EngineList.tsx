// The sidebar's engines: state at a glance, the reason in words when one is down.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { orpc } from '../../lib/rpc';
import { AddEngineDialog } from './AddEngineDialog';
import './engines.css';

export function EngineList() {
  const engines = useQuery({ ...orpc.engines.list.queryOptions(), staleTime: Infinity });
  const [adding, setAdding] = useState(false);
  return (
    <div className="engines" aria-label="Engines">
      <div className="engines-head">
        <span>Engines</span>
        <button className="link" onClick={() => setAdding(true)}>
          + Add
        </button>
      </div>
      <ul>
        {(engines.data ?? []).map((e) => (
          <li key={e.id} data-engine-id={e.id} data-state={e.state} title={e.endpoint}>
            <span className={`dot dot-${e.state}`} aria-hidden />
            <div>
              <a className="engine-name" href="#engines" title={`${e.endpoint}: details on the Engines page`}>
                {e.name}
              </a>
              <div className="engine-state muted">
                {e.state}
                {e.kind !== 'unknown' && ` · ${e.kind === 'podman' ? 'Podman' : 'Docker'} ${e.version ?? ''}`}
              </div>
              {e.state !== 'connected' && e.reason && <div className="engine-reason">{e.reason}</div>}
            </div>
          </li>
        ))}
        {engines.data?.length === 0 && (
          <li className="engine-reason">No engine found. Start Docker or Podman, or add an endpoint by hand.</li>
        )}
      </ul>
      {adding && <AddEngineDialog onClose={() => setAdding(false)} />}
    </div>
  );
}
