// Compose projects: containers grouped by the label Docker Compose (and podman-compose)
// puts on them. Berth acts on the whole group; each container's own event patches its row.
import type { Engine } from './engine';

export const PROJECT_LABEL = 'com.docker.compose.project';
export const SERVICE_LABEL = 'com.docker.compose.service';

export interface Groupable {
  id: string;
  name: string;
  state: string;
  labels: Record<string, string>;
  engineId: string;
}

export interface ComposeGroup<T extends Groupable> {
  engineId: string;
  project: string;
  containers: T[];
  services: string[];
  running: number;
}

/** Groups containers by engine and compose project; containers without the label stay out (pure). */
export function composeGroups<T extends Groupable>(rows: T[]): ComposeGroup<T>[] {
  const groups = new Map<string, ComposeGroup<T>>();
  for (const r of rows) {
    const project = r.labels[PROJECT_LABEL];
    if (!project) continue;
    const key = `${r.engineId}/${project}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { engineId: r.engineId, project, containers: [], services: [], running: 0 }));
    g.containers.push(r);
    const service = r.labels[SERVICE_LABEL];
    if (service && !g.services.includes(service)) g.services.push(service);
    if (r.state === 'running') g.running++;
  }
  for (const g of groups.values()) {
    g.services.sort();
    g.containers.sort((a, b) => (a.labels[SERVICE_LABEL] ?? a.name).localeCompare(b.labels[SERVICE_LABEL] ?? b.name));
  }
  return [...groups.values()].sort((a, b) => a.project.localeCompare(b.project));
}

export type ComposeVerb = 'start' | 'stop' | 'remove';

/** Starts, stops or removes every container of one project on one engine; failures are gathered. */
export async function composeAction(engine: Engine, project: string, verb: ComposeVerb, opts: { timeoutSeconds?: number | undefined } = {}): Promise<number> {
  const list = await engine.docker.listContainers({ all: true, filters: JSON.stringify({ label: [`${PROJECT_LABEL}=${project}`] }) });
  if (list.length === 0) throw Object.assign(new Error(`no containers of project "${project}"`), { statusCode: 404, json: { message: `No containers of the Compose project "${project}".` } });
  const results = await Promise.allSettled(
    list.map(async (c) => {
      const container = engine.docker.getContainer(c.Id);
      try {
        if (verb === 'start') await container.start();
        else if (verb === 'stop') await container.stop(opts.timeoutSeconds !== undefined ? { t: opts.timeoutSeconds } : {});
        else await container.remove({ force: true });
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode === 304) return;
        throw Object.assign(err as object, { container: (c.Names?.[0] ?? c.Id).replace(/^\//, '') });
      }
    }),
  );
  const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { container?: string; json?: { message?: string }; message?: string }] : []));
  if (failed.length) {
    const words = failed.map((f) => `${f.container}: ${(f.json?.message ?? f.message ?? '').trim()}`).join('; ');
    throw Object.assign(new Error(words), { statusCode: 500, json: { message: words } });
  }
  return list.length;
}
