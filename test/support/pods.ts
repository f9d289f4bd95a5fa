// Removes the pods a test made (by name), straight through the libpod module over the
// Podman socket: this works even when the backend under test saw Podman go away.
import type { Engine } from '../../electron/engines/engine';
import { removePod } from '../../electron/engines/pods';
import { engineClients } from './engines';

export async function removeTestPods(names: string[]): Promise<void> {
  const podman = engineClients().podman;
  // Another suite may be restarting the Podman service: give it a moment to return.
  for (let i = 0; i < 40; i++) {
    if (await podman.ping().then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const engine = { docker: podman, snapshot: { kind: 'podman', name: 'podman' } } as unknown as Engine;
  await Promise.all(names.map((n) => removePod(engine, n, true).catch(() => undefined)));
}
