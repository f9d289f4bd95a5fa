// Tag, remove (one or many, with force) and prune (dangling or all unused) with the space reclaimed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImageRow } from '../../../../electron/api/contracts/images';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorText } from '../../components/Toasts';
import { formatBytes } from '../../lib/bytes';
import { client } from '../../lib/rpc';
import { imageName } from './columns';
import { refreshImage } from './live';
import { EngineField, useEngineChoice } from '../../components/EngineField';
import { checkReference, ReferenceField } from './ReferenceField';

export function TagDialog({ image, onClose }: { image: ImageRow; onClose(): void }) {
  const qc = useQueryClient();
  const [target, setTarget] = useState('');
  const tag = useMutation({
    mutationFn: () => client.images.tag({ engineId: image.engineId, source: image.id, target: target.trim() }),
    onSuccess: () => (void refreshImage(qc, image.engineId, image.id), onClose()),
  });
  return (
    <ConfirmDialog
      title={`Tag ${imageName(image)}`}
      confirmLabel="Tag"
      busy={tag.isPending}
      error={tag.error ? errorText(tag.error) : undefined}
      onCancel={onClose}
      onConfirm={() => checkReference(target).ok && tag.mutate()}
    >
      <ReferenceField label="New name" value={target} onChange={setTarget} autoFocus />
    </ConfirmDialog>
  );
}

export function RemoveImagesDialog({ images, onClose }: { images: ImageRow[]; onClose(): void }) {
  const [force, setForce] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);
  const remove = useMutation({
    mutationFn: async () => {
      const failed: string[] = [];
      for (const img of images) {
        await client.images.remove({ engineId: img.engineId, ref: img.id, force }).catch((err: unknown) => failed.push(`${imageName(img)}: ${errorText(err)}`));
      }
      setFailures(failed);
      if (!failed.length) onClose();
    },
  });
  const used = images.filter((i) => i.containers > 0).length;
  return (
    <ConfirmDialog
      title={images.length === 1 ? `Remove ${imageName(images[0]!)}?` : `Remove ${images.length} images?`}
      confirmLabel="Remove"
      danger
      busy={remove.isPending}
      error={failures.length ? failures.join('\n') : undefined}
      onCancel={onClose}
      onConfirm={() => remove.mutate()}
    >
      <p>Every tag of {images.length === 1 ? 'this image' : 'these images'} is removed, and the layers no other image uses are deleted.</p>
      {used > 0 && <p className="warn-text">{used === 1 && images.length === 1 ? 'Containers use this image.' : `${used} of them are used by containers.`} Removing needs force.</p>}
      <label className="check">
        <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> Force (also when containers use it or it has several tags)
      </label>
    </ConfirmDialog>
  );
}

export function PruneDialog({ onClose }: { onClose(): void }) {
  const [engine, setEngineId] = useEngineChoice();
  const [all, setAll] = useState(false);
  const [label, setLabel] = useState('');
  const prune = useMutation({ mutationFn: () => client.images.prune({ engineId: engine, all, ...(label.trim() ? { label: label.trim() } : {}) }) });
  return (
    <ConfirmDialog
      title="Prune images"
      confirmLabel={prune.data ? 'Prune again' : 'Prune'}
      danger
      busy={prune.isPending || !engine}
      error={prune.error ? errorText(prune.error) : undefined}
      onCancel={onClose}
      onConfirm={() => prune.mutate()}
    >
      <EngineField value={engine} onChange={setEngineId} />
      <div className="segmented" role="radiogroup" aria-label="What to prune">
        <button type="button" role="radio" aria-checked={!all} className={!all ? 'on' : ''} onClick={() => setAll(false)}>
          Dangling only
        </button>
        <button type="button" role="radio" aria-checked={all} className={all ? 'on' : ''} onClick={() => setAll(true)}>
          All unused
        </button>
      </div>
      <p className="muted">{all ? 'Every image no container uses is removed, tagged or not.' : 'Images without a tag that no container uses are removed.'}</p>
      <label>
        Only images with the label (optional)
        <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="key or key=value" />
      </label>
      {prune.data && (
        <p className="ok-text" role="status" data-testid="prune-result">
          Removed {prune.data.deleted.length} {prune.data.deleted.length === 1 ? 'entry' : 'entries'}, reclaimed {formatBytes(prune.data.spaceReclaimed)}.
        </p>
      )}
    </ConfirmDialog>
  );
}
