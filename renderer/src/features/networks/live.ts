// Network rows follow the engines' network events (Docker emits them; Podman 4 does not,
// so what Berth does itself is patched in from its own results as well).
import type { NetworkRow } from '../../../../electron/api/contracts/networks';
import { registerObjectPatcher } from '../../lib/object-live';
import { client, orpc } from '../../lib/rpc';

export const BUILT_IN = new Set(['bridge', 'host', 'none', 'podman']);
export const patcher = registerObjectPatcher<NetworkRow>({
  type: 'network',
  queryKey: () => orpc.networks.list.queryKey({ input: {} }),
  fetch: (engineId, id) => client.networks.get({ engineId, id }),
  same: (row, id) => row.id === id || row.name === id || (id.length >= 12 && row.id.startsWith(id)),
  idOf: (row) => row.id,
});

