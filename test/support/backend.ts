// A backend for tests, returned once the real engines it should see are connected: a
// loaded machine can make Podman's /version slower than the first connect attempt, and
// the engine then connects on its own retry a moment later.
import { createBackend, type Backend, type BackendOptions } from '../../electron/backend';

export async function createTestBackend(opts: BackendOptions, kinds: Array<'docker' | 'podman'> = ['docker', 'podman'], timeoutMs = 30_000): Promise<Backend> {
  const backend = await createBackend(opts);
  const deadline = Date.now() + timeoutMs;
  const ready = () => kinds.every((k) => backend.registry.list().some((e) => e.kind === k && e.state === 'connected'));
  while (!ready()) {
    if (Date.now() > deadline) {
      const states = backend.registry.list().map((e) => `${e.name}: ${e.state}${e.reason ? ` (${e.reason})` : ''}`);
      backend.close();
      throw new Error(`engines not connected within ${timeoutMs} ms: ${states.join('; ') || 'none discovered'}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return backend;
}
