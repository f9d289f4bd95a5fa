// Image rows follow the engines' image events (tag, untag, pull, delete, ...): one fetch per
// changed image. Also after a pull, push or build that Berth ran (Podman's builds emit no event).
import type { QueryClient } from '@tanstack/react-query';
import type { ImageRow } from '../../../../electron/api/contracts/images';
import { patchObject, registerObjectPatcher, type ObjectPatcher } from '../../lib/object-live';
import { client, orpc } from '../../lib/rpc';

export const imagesKey = () => orpc.images.list.queryKey({ input: {} });

export const sameImageId = (a: string, b: string) => {
  const x = a.replace(/^sha256:/, '');
  const y = b.replace(/^sha256:/, '');
  return x === y || (y.length >= 12 && x.startsWith(y));
};

const patcher: ObjectPatcher<ImageRow> = registerObjectPatcher({
  type: 'image',
  queryKey: imagesKey,
  fetch: (engineId, ref) => client.images.get({ engineId, ref }),
  // An event names an image by id, or (pull, push) by reference.
  same: (row, id) => sameImageId(row.id, id) || row.repoTags.includes(id),
  idOf: (row) => row.id,
});

/** Fetches one image's row now and patches the list (after an operation Berth ran itself). */
export async function refreshImage(qc: QueryClient, engineId: string, ref: string): Promise<void> {
  const row = await client.images.get({ engineId, ref }).catch(() => undefined);
  if (row !== undefined) qc.setQueryData<ImageRow[]>(imagesKey(), (old) => patchObject(old, patcher, engineId, ref, row));
}
