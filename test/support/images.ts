// Fixtures for image tests: a build context with a .dockerignore, and clean-up of what
// this run made (images and volumes/networks carry the run's label; nothing else is touched).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { BASE_IMAGE, RUN_ID, TEST_LABEL } from './engines';

/** A folder whose .dockerignore excludes secret.txt and the junk/ folder. */
export function makeContext(extra: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-ctx-'));
  const files: Record<string, string> = {
    Dockerfile: `FROM ${BASE_IMAGE}\nARG GREETING=hi\nLABEL ${TEST_LABEL}=${RUN_ID}\nCOPY . /ctx/\nRUN echo "$GREETING" > /ctx/greeting.txt\n`,
    '.dockerignore': '# local only\nsecret.txt\njunk/\n',
    'kept.txt': 'kept\n',
    'secret.txt': 'do not ship\n',
    'junk/big.bin': 'x'.repeat(1024),
    'sub/inner.txt': 'inner\n',
    ...extra,
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Whether a path exists in an image's filesystem (read from a created, never started container). */
export async function pathInImage(docker: Docker, image: string, file: string): Promise<boolean> {
  const c = await docker.createContainer({ Image: image, Cmd: ['true'], Labels: { [TEST_LABEL]: RUN_ID } });
  try {
    const stream = await c.getArchive({ path: file });
    (stream as NodeJS.ReadableStream & { resume(): void }).resume();
    return true;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return false;
    throw err;
  } finally {
    await c.remove({ force: true }).catch(() => undefined);
  }
}

/** Removes the images, volumes and networks this run labelled (by label filter only). */
export async function removeTestObjects(docker: Docker): Promise<void> {
  const label = { label: [`${TEST_LABEL}=${RUN_ID}`] };
  const imgs = await docker.listImages({ filters: JSON.stringify(label) }).catch(() => []);
  for (const i of imgs) await docker.getImage(i.Id).remove({ force: true }).catch(() => undefined);
  const vols = await docker.listVolumes({ filters: JSON.stringify(label) }).catch(() => ({ Volumes: [] }));
  for (const v of vols.Volumes ?? []) await docker.getVolume(v.Name).remove({ force: true }).catch(() => undefined);
  const nets = await docker.listNetworks({ filters: JSON.stringify(label) }).catch(() => []);
  for (const n of nets) await docker.getNetwork(n.Id).remove().catch(() => undefined);
}

/** A dangling image of this test run: a container of berth-base writes ~200 kB, is committed
 * without a tag (so the image is dangling) with the run's label, and is removed. */
export async function makeDanglingImage(docker: Docker): Promise<string> {
  const script = 'i=0; while [ $i -lt 3000 ]; do echo 0123456789012345678901234567890123456789012345678901234567890123456789; i=$((i+1)); done > /blob';
  const c = await docker.createContainer({ Image: BASE_IMAGE, Cmd: ['sh', '-c', script], Labels: { [TEST_LABEL]: RUN_ID } });
  try {
    await c.start();
    await c.wait();
    const { Id } = (await c.commit({ changes: `LABEL ${TEST_LABEL}=${RUN_ID}` } as never)) as unknown as { Id: string };
    return Id;
  } finally {
    await c.remove({ force: true }).catch(() => undefined);
  }
}

/** Removes the images of this run left behind (only those carrying the run's label). */
export async function removeTestImages(docker: Docker): Promise<void> {
  const list = await docker.listImages({ all: true, filters: JSON.stringify({ label: [`${TEST_LABEL}=${RUN_ID}`] }) });
  for (const i of list) await docker.getImage(i.Id).remove({ force: true }).catch(() => undefined);
}
