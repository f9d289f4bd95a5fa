// A dangling image of this test run: a container of berth-base writes ~200 kB, is committed
// without a tag (so the image is dangling) with the run's label, and is removed.
import type Docker from 'dockerode';
import { BASE_IMAGE, RUN_ID, TEST_LABEL } from './engines';

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
