// One pod: its state and actions, its containers (infra marked), adding one, merged logs.
import type { PodRow } from '../../../../electron/api/contracts/pods';
import { formatPorts, relativeTime } from '../../lib/format';
import { AddContainerForm } from './AddContainerForm';
import { PodButtons, type PodRowHandlers } from './podColumns';
import { PodLogs } from './PodLogs';

export function PodDetail({ pod, h }: { pod: PodRow; h: PodRowHandlers }) {
  const labels = Object.entries(pod.labels);
  return (
    <div className="pod-detail">
      <div className="pod-summary">
        <span className={`badge state-${pod.state}`}>{pod.state}</span>
        <span className="mono muted" title={pod.id}>
          {pod.id.slice(0, 12)}
        </span>
        <span className="muted">created {relativeTime(pod.created)}</span>
        {pod.ports.length > 0 && <span className="mono">{formatPorts(pod.ports)}</span>}
        {labels.map(([k, v]) => (
          <span key={k} className="chip mono">
            {k}={v}
          </span>
        ))}
        <span className="spacer" />
        <PodButtons pod={pod} h={h} />
      </div>
      <h2 className="section-title">Containers</h2>
      <ul className="pod-containers" aria-label="Containers of the pod">
        {pod.containers.map((c) => (
          <li key={c.id}>
            <span className={`badge state-${c.state}`}>{c.state}</span>
            <span className="mono strong">{c.name}</span>
            {c.infra && <span className="chip infra" title="Holds the pod's namespaces and published ports">infra</span>}
            <span className="mono muted">{c.image}</span>
          </li>
        ))}
      </ul>
      <h2 className="section-title">Add a container</h2>
      <AddContainerForm pod={pod} />
      <h2 className="section-title">Logs</h2>
      <PodLogs engineId={pod.engineId} podId={pod.id} />
    </div>
  );
}
