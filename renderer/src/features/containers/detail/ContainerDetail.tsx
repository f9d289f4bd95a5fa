// One container: its live row in the header, lifecycle buttons, and four tabs. A tab's
// streams run only while it is shown, except terminals, which live until closed.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ContainerRow } from '../../../../../electron/api/schemas';
import { Icon } from '../../../components/Icon';
import { formatPorts } from '../../../lib/format';
import { navigate } from '../../../lib/route';
import { orpc } from '../../../lib/rpc';
import { RemoveDialog } from '../RemoveDialog';
import { TABS, type DetailTab } from '../route';
import { useContainerAction, type ContainerVerb } from '../useContainerActions';
import { InspectTab } from './InspectTab';
import { LogsTab } from './LogsTab';
import { StatsTab } from './StatsTab';
import { TerminalTab } from './TerminalTab';

const TAB_LABEL: Record<DetailTab, string> = { logs: 'Logs', terminal: 'Terminal', inspect: 'Inspect', stats: 'Stats' };

export function ContainerDetail({ engineId, id, tab }: { engineId: string; id: string; tab: DetailTab }) {
  const containers = useQuery({ ...orpc.containers.list.queryOptions({ input: {} }), staleTime: Infinity });
  const row = containers.data?.find((r) => r.engineId === engineId && (r.id === id || r.id.startsWith(id) || r.name === id));
  const [removing, setRemoving] = useState(false);
  const [terminalOpened, setTerminalOpened] = useState(tab === 'terminal');
  if (tab === 'terminal' && !terminalOpened) setTerminalOpened(true);
  const target = { engineId, id: row?.id ?? id };
  const running = row?.state === 'running';

  return (
    <section className="page detail" aria-labelledby="detail-title">
      <header className="page-head">
        <a href="#containers" className="back">
          ← Containers
        </a>
        <h1 id="detail-title" className="mono">
          {row?.name ?? id.slice(0, 12)}
        </h1>
        {row && <span className={`badge state-${row.state}`}>{row.state}</span>}
        {row && (
          <span className="muted detail-meta">
            {row.image} · {row.status}
            {row.ports.length ? ` · ${formatPorts(row.ports)}` : ''}
          </span>
        )}
        <span className="spacer" />
        {row && <DetailActions row={row} onRemove={() => setRemoving(true)} />}
      </header>
      {containers.isSuccess && !row && (
        <p className="notice" role="status">
          This container no longer exists on the engine (or the engine is disconnected).
        </p>
      )}
      <nav className="tabs" role="tablist" aria-label="Container views">
        {TABS.map((t) => (
          <a key={t} role="tab" aria-selected={t === tab} className={t === tab ? 'tab on' : 'tab'} href={`#containers/${encodeURIComponent(engineId)}/${encodeURIComponent(id)}/${t}`}>
            {TAB_LABEL[t]}
          </a>
        ))}
      </nav>
      <div className="tab-body" role="tabpanel" aria-label={TAB_LABEL[tab]}>
        {tab === 'logs' && <LogsTab target={target} name={row?.name ?? id} />}
        {tab === 'inspect' && <InspectTab target={target} />}
        {tab === 'stats' && (running ? <StatsTab target={target} /> : <p className="muted">Stats are measured while the container runs.</p>)}
        {terminalOpened && <TerminalTab target={target} running={running} hidden={tab !== 'terminal'} />}
      </div>
      {removing && row && (
        <RemoveDialog
          rows={[row]}
          onClose={(removed) => {
            setRemoving(false);
            if (removed) navigate('containers');
          }}
        />
      )}
    </section>
  );
}

function DetailActions({ row, onRemove }: { row: ContainerRow; onRemove(): void }) {
  const action = useContainerAction();
  const up = row.state === 'running' || row.state === 'paused' || row.state === 'restarting';
  const verb = (v: ContainerVerb, label: string, icon?: 'play' | 'stop' | 'restart' | 'pause', disabled = false) => (
    <button disabled={action.isPending || disabled} onClick={() => action.mutate({ row, verb: v })}>
      {icon && <Icon name={icon} />} {label}
    </button>
  );
  return (
    <div className="row-actions detail-actions">
      {up ? verb('stop', 'Stop', 'stop') : verb('start', 'Start', 'play')}
      {row.state === 'paused' ? verb('unpause', 'Resume', 'play') : verb('pause', 'Pause', 'pause', row.state !== 'running')}
      {verb('restart', 'Restart', 'restart')}
      {verb('kill', 'Kill', undefined, !up)}
      <button className="danger-text" onClick={onRemove}>
        <Icon name="trash" /> Remove
      </button>
    </div>
  );
}
