// Turns the engine's container summaries (GET /containers/json) into Berth's rows.
import type { ContainerInfo, ContainerInspectInfo } from 'dockerode';
import type { ContainerRow } from '../api/schemas';

const STATES = new Set(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);

export function toContainerRow(engineId: string, c: ContainerInfo): ContainerRow {
  const state = (c.State ?? '').toLowerCase();
  return {
    engineId,
    id: c.Id,
    name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
    image: c.Image,
    command: c.Command ?? '',
    // Podman's compat API reports "stopped" where Docker says "exited".
    state: (STATES.has(state) ? state : state === 'stopped' ? 'exited' : 'unknown') as ContainerRow['state'],
    status: c.Status ?? '',
    ports: (c.Ports ?? []).map((p) => ({
      ...(p.IP ? { ip: p.IP } : {}),
      privatePort: p.PrivatePort,
      ...(p.PublicPort ? { publicPort: p.PublicPort } : {}),
      type: p.Type,
    })),
    labels: c.Labels ?? {},
    created: c.Created,
  };
}

/**
 * A row from GET /containers/{id}/json. Used after an event: the engine's list view can
 * lag its events (dockerd logs "die" before it updates the view GET /containers/json
 * reads), while inspect reads the container itself.
 */
export function rowFromInspect(engineId: string, c: ContainerInspectInfo, now = Date.now()): ContainerRow {
  const s = c.State;
  const state = (s.Status ?? '').toLowerCase();
  const ports: ContainerRow['ports'] = [];
  for (const [key, bindings] of Object.entries(c.NetworkSettings?.Ports ?? {})) {
    const [port, type = 'tcp'] = key.split('/');
    const privatePort = Number(port);
    if (!bindings?.length) ports.push({ privatePort, type });
    for (const b of bindings ?? []) {
      ports.push({ ...(b.HostIp ? { ip: b.HostIp } : {}), privatePort, ...(b.HostPort ? { publicPort: Number(b.HostPort) } : {}), type });
    }
  }
  return {
    engineId,
    id: c.Id,
    name: c.Name.replace(/^\//, ''),
    image: c.Config?.Image ?? c.Image,
    command: [c.Path, ...(c.Args ?? [])].filter(Boolean).join(' '),
    state: (STATES.has(state) ? state : state === 'stopped' ? 'exited' : 'unknown') as ContainerRow['state'],
    status: statusText(s, now),
    ports,
    labels: c.Config?.Labels ?? {},
    created: Math.floor(Date.parse(c.Created) / 1000),
  };
}

type InspectState = ContainerInspectInfo['State'] & { Health?: { Status?: string } };

/** The status line as `docker ps` words it. */
export function statusText(s: InspectState, now = Date.now()): string {
  const since = (iso: string) => humanDuration(now - Date.parse(iso));
  const valid = (iso: string | undefined) => !!iso && !iso.startsWith('0001-');
  const health = s.Health?.Status && s.Health.Status !== 'none' ? ` (${s.Health.Status})` : '';
  switch ((s.Status ?? '').toLowerCase()) {
    case 'running':
      return `Up ${since(s.StartedAt)}${health}`;
    case 'paused':
      return `Up ${since(s.StartedAt)} (Paused)`;
    case 'restarting':
      return `Restarting (${s.ExitCode}) ${valid(s.FinishedAt) ? `${since(s.FinishedAt)} ago` : ''}`.trim();
    case 'exited':
    case 'stopped':
      return valid(s.FinishedAt) ? `Exited (${s.ExitCode}) ${since(s.FinishedAt)} ago` : `Exited (${s.ExitCode})`;
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
    case 'created':
    case 'configured':
      return 'Created';
    default:
      return s.Status ?? '';
  }
}

/** Docker's HumanDuration wording ("Less than a second", "About a minute", "3 hours"). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const hours = Math.round(seconds / 3600);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(hours / 24 / 365)} years`;
}
