// Kubernetes YAML with Podman: generate it from pods or containers, play it, take it down.
// Podman's play leaves what it made so far when a later part fails (a second document, a
// container that cannot start): Berth removes those pods again, so a failed play leaves
// nothing half-made, and says the engine's words.
import { parseAllDocuments } from 'yaml';
import type { Engine } from './engine';
import { libpod } from './libpod';
import { removePod, type LibpodPodSummary } from './pods';

const YAML_TYPE = 'application/x-yaml';

export async function generateKube(engine: Engine, names: string[], service: boolean): Promise<string> {
  return libpod<string>(engine, { method: 'GET', path: '/generate/kube', query: { names, service } });
}

/**
 * The names of the pods a YAML would make: Pods by their name, Deployments by theirs
 * (Podman names a deployment's pods "<name>-pod..."). Unparsable YAML names nothing:
 * the engine says what is wrong with it.
 */
export function podNamesIn(yaml: string): string[] {
  const names: string[] = [];
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(yaml);
  } catch {
    return names;
  }
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    let value: unknown;
    try {
      value = doc.toJS();
    } catch {
      continue;
    }
    const v = value as { kind?: unknown; metadata?: { name?: unknown } } | null;
    if (v && (v.kind === 'Pod' || v.kind === 'Deployment') && typeof v.metadata?.name === 'string') names.push(v.metadata.name);
  }
  return names;
}

/** Whether a pod named `pod` was made from a YAML naming `names` (pure; unit-tested). */
export function madeFrom(pod: string, names: string[]): boolean {
  return names.some((n) => pod === n || pod.startsWith(`${n}-pod`));
}

interface PlayReport {
  Pods?: Array<{ ID: string; Containers?: string[] | null; ContainerErrors?: string[] | null }> | null;
}

export interface PlayResult {
  pods: Array<{ id: string; name: string; containers: number }>;
}

async function podSummaries(engine: Engine): Promise<LibpodPodSummary[]> {
  return (await libpod<LibpodPodSummary[] | null>(engine, { method: 'GET', path: '/pods/json' })) ?? [];
}

export async function playKube(engine: Engine, yaml: string): Promise<PlayResult> {
  const names = podNamesIn(yaml);
  const before = new Set((await podSummaries(engine)).map((p) => p.Id));
  let report: PlayReport;
  try {
    report = await libpod<PlayReport>(engine, { method: 'POST', path: '/play/kube', raw: { body: yaml, contentType: YAML_TYPE } });
    const errors = (report.Pods ?? []).flatMap((p) => p.ContainerErrors ?? []);
    if (errors.length) throw Object.assign(new Error(errors.join('; ')), { statusCode: 500, json: { message: `playing YAML file: ${errors.join('; ')}` } });
  } catch (err) {
    await rollBack(engine, before, names);
    throw err;
  }
  const made = new Set((report.Pods ?? []).map((p) => p.ID));
  const after = await podSummaries(engine);
  return {
    pods: after
      .filter((p) => made.has(p.Id))
      .map((p) => ({ id: p.Id, name: p.Name, containers: (report.Pods ?? []).find((r) => r.ID === p.Id)?.Containers?.length ?? 0 })),
  };
}

/** Removes the pods a failed play made: new since `before`, named by the YAML. */
async function rollBack(engine: Engine, before: Set<string>, names: string[]): Promise<void> {
  if (!names.length) return;
  try {
    const leftovers = (await podSummaries(engine)).filter((p) => !before.has(p.Id) && madeFrom(p.Name, names));
    await Promise.all(leftovers.map((p) => removePod(engine, p.Id, true).catch(() => undefined)));
  } catch {
    // the engine went away; the original error is what the user needs to read
  }
}

export interface DownResult {
  removed: string[];
}

/** `podman kube down`: stops and removes the pods the YAML names. */
export async function downKube(engine: Engine, yaml: string): Promise<DownResult> {
  const report = await libpod<{ RmReport?: Array<{ Id: string; Err?: unknown }> | null }>(engine, {
    method: 'DELETE',
    path: '/play/kube',
    raw: { body: yaml, contentType: YAML_TYPE },
  });
  const failed = (report.RmReport ?? []).filter((r) => r.Err);
  if (failed.length) throw Object.assign(new Error('kube down'), { json: { message: failed.map((r) => `${r.Id.slice(0, 12)}: ${JSON.stringify(r.Err)}`).join('; ') } });
  return { removed: (report.RmReport ?? []).map((r) => r.Id) };
}
