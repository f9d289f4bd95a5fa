// Turns the engine's container summaries (GET /containers/json) into Berth's rows.
import type { ContainerInfo } from 'dockerode';
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
