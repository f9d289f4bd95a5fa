// Lists one kind of object on one engine, or on every connected engine: then one engine
// failing is logged and skipped, so it cannot hide the others' objects.
import { engineMessage, toRpcError } from '../engines/errors';
import type { Engine } from '../engines/engine';
import type { BackendContext } from './base';

export async function listAcross<T>(context: BackendContext, engineId: string | undefined, what: string, list: (e: Engine) => Promise<T[]>): Promise<T[]> {
  const engines = engineId ? [context.registry.get(engineId)] : context.registry.connectedEngines();
  const lists = await Promise.all(
    engines.map((e) =>
      list(e).catch((err: unknown) => {
        if (engineId) throw toRpcError(err, `Listing ${what} on ${e.snapshot.name}`);
        console.warn(`berth: listing ${what} on ${e.snapshot.name} failed: ${engineMessage(err)}`);
        return [] as T[];
      }),
    ),
  );
  return lists.flat();
}
