// The pure half of a deploy: which repository and tag an image goes to, and the new task
// definition revision (a copy of the current one with one container's image replaced),
// shown as a diff before anything is done.
import type { ContainerDefinition, RegisterTaskDefinitionCommandInput, TaskDefinition } from '@aws-sdk/client-ecs';
import { parseReference } from '../engines/reference';

/** Fields DescribeTaskDefinition returns that RegisterTaskDefinition refuses. */
export const READ_ONLY_FIELDS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
] as const;

export function registerInputFrom(td: TaskDefinition): RegisterTaskDefinitionCommandInput {
  const copy: Record<string, unknown> = structuredClone(td) as Record<string, unknown>;
  for (const f of READ_ONLY_FIELDS) delete copy[f];
  return copy as unknown as RegisterTaskDefinitionCommandInput;
}

export function withImage(input: RegisterTaskDefinitionCommandInput, container: string, image: string): RegisterTaskDefinitionCommandInput {
  const defs = input.containerDefinitions ?? [];
  if (!defs.some((c) => c.name === container)) {
    throw new Error(`The task definition ${input.family} has no container "${container}" (it has ${defs.map((c) => c.name).join(', ') || 'none'}).`);
  }
  return { ...input, containerDefinitions: defs.map((c: ContainerDefinition) => (c.name === container ? { ...c, image } : c)) };
}

export interface DiffLine {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** A line diff (longest common subsequence) of two JSON texts; small inputs only. */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) (out.push({ kind: 'same', text: a[i]! }), i++, j++);
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ kind: 'removed', text: a[i++]! });
    else out.push({ kind: 'added', text: b[j++]! });
  }
  while (i < n) out.push({ kind: 'removed', text: a[i++]! });
  while (j < m) out.push({ kind: 'added', text: b[j++]! });
  return out;
}

/** An image id ("sha256:…" or bare hex) names no repository and no tag. */
const isImageId = (ref: string) => /^(sha256:)?[0-9a-f]{12,64}$/.test(ref);

const ECR_HOST = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

/**
 * The ECR repository a deploy pushes to: the one the container already runs from (an ECR
 * image, or one on the stand-in registry), else one named after the local image.
 */
export function repositoryFor(currentImage: string | undefined, localRef: string, standInHost?: string): string {
  if (currentImage) {
    try {
      const cur = parseReference(currentImage);
      if (ECR_HOST.test(cur.domain) || (standInHost && cur.domain === standInHost)) return cur.path;
    } catch {
      /* not a reference we can read: fall through */
    }
  }
  if (isImageId(localRef)) return 'app';
  try {
    const local = parseReference(localRef);
    return local.path.replace(/^library\//, '');
  } catch {
    return 'app';
  }
}

/** A new tag that names the image's content: "<local tag>-<12 hex of the image id>". */
export function deployTag(localRef: string, imageId: string): string {
  let tag = 'latest';
  try {
    if (!isImageId(localRef)) tag = parseReference(localRef).tag ?? 'latest';
  } catch {
    /* an image id: no tag */
  }
  const short = imageId.replace(/^sha256:/, '').slice(0, 12);
  return `${tag}-${short}`.slice(0, 128);
}

export const prettyJson = (v: unknown) => JSON.stringify(v, null, 2);
