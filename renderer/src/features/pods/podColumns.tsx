// The Pods table's columns.
import { createColumnHelper } from '@tanstack/react-table';
import type { PodRow } from '../../../../electron/api/contracts/pods';
import { Icon } from '../../components/Icon';
import { formatPorts, relativeTime } from '../../lib/format';
import { navigate } from '../../lib/route';
import { isUp, type PodVerb } from './usePodActions';

const col = createColumnHelper<PodRow>();

export interface PodRowHandlers {
  act(pod: PodRow, verb: PodVerb): void;
  askRemove(pod: PodRow): void;
  busy(pod: PodRow): boolean;
}

export const POD_TEMPLATE = 'minmax(150px,1.2fr) 92px minmax(180px,2fr) minmax(110px,1fr) 84px 320px';

/** A member's name without its pod's name in front (Podman names played containers <pod>-<name>). */
export const shortName = (pod: string, name: string) => (name.startsWith(`${pod}-`) && name.length > pod.length + 1 ? name.slice(pod.length + 1) : name);

export function ContainerChips({ pod }: { pod: PodRow }) {
  return (
    <span className="chips">
      {pod.containers.map((c) => (
        <span key={c.id} className={`chip state-${c.state}${c.infra ? ' infra' : ''}`} title={`${c.name}: ${c.state}${c.infra ? ' (infra container)' : ''}`}>
          {c.infra ? 'infra' : shortName(pod.name, c.name)}
        </span>
      ))}
    </span>
  );
}

export function podColumns(h: PodRowHandlers) {
  return [
    col.accessor('name', {
      header: 'Name',
      cell: (c) => (
        <a className="mono strong" href={`#pods/${c.row.original.engineId}/${c.row.original.id}`} title={c.row.original.id}>
          {c.getValue()}
        </a>
      ),
    }),
    col.accessor('state', { header: 'State', cell: (c) => <span className={`badge state-${c.getValue()}`}>{c.getValue()}</span> }),
    col.accessor((r) => r.containers.length, { id: 'containers', header: 'Containers', cell: (c) => <ContainerChips pod={c.row.original} /> }),
    col.accessor((r) => formatPorts(r.ports), { id: 'ports', header: 'Ports', enableSorting: false, cell: (c) => <span className="mono">{c.getValue()}</span> }),
    col.accessor('created', { header: 'Created', cell: (c) => <span title={new Date(c.getValue() * 1000).toLocaleString()}>{relativeTime(c.getValue())}</span> }),
    col.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: (c) => <PodButtons pod={c.row.original} h={h} />,
    }),
  ];
}

export function PodButtons({ pod, h, withYaml = true }: { pod: PodRow; h: PodRowHandlers; withYaml?: boolean }) {
  const busy = h.busy(pod);
  const btn = (verb: PodVerb, label: string, icon?: 'play' | 'stop' | 'restart' | 'pause', iconOnly = false) => (
    <button disabled={busy} onClick={() => h.act(pod, verb)} aria-label={`${label} pod ${pod.name}`} title={label}>
      {icon && <Icon name={icon} />}
      {!iconOnly && ` ${label}`}
    </button>
  );
  return (
    <div className="row-actions">
      {isUp(pod) ? btn('stop', 'Stop', 'stop') : btn('start', 'Start', 'play')}
      {pod.state === 'paused' ? btn('unpause', 'Resume', 'play') : isUp(pod) && btn('pause', 'Pause', 'pause')}
      {isUp(pod) && btn('restart', 'Restart', 'restart', true)}
      {isUp(pod) && btn('kill', 'Kill')}
      {withYaml && (
        <button onClick={() => navigate('pods', pod.engineId, 'kube', pod.name)} aria-label={`Kubernetes YAML of pod ${pod.name}`} title="Generate Kubernetes YAML">
          YAML
        </button>
      )}
      <button disabled={busy} className="danger-text" onClick={() => h.askRemove(pod)} aria-label={`Remove pod ${pod.name}`} title="Remove">
        <Icon name="trash" />
      </button>
    </div>
  );
}
