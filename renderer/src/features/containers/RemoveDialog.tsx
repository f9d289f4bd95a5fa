// Remove asks first; running containers need "force", said plainly. One row or a selection.
import { useState } from 'react';
import type { ContainerRow } from '../../../../electron/api/schemas';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorText } from '../../components/Toasts';
import { useRemoveContainers } from './useContainerActions';

const isUp = (r: ContainerRow) => r.state === 'running' || r.state === 'paused' || r.state === 'restarting';

export function RemoveDialog({ rows, onClose }: { rows: ContainerRow[]; onClose(removed: boolean): void }) {
  const up = rows.filter(isUp);
  const [force, setForce] = useState(up.length > 0);
  const [volumes, setVolumes] = useState(false);
  const remove = useRemoveContainers();
  const one = rows.length === 1 ? rows[0] : undefined;
  return (
    <ConfirmDialog
      title={one ? `Remove ${one.name}?` : `Remove ${rows.length} containers?`}
      confirmLabel="Remove"
      danger
      busy={remove.isPending}
      error={remove.error ? errorText(remove.error) : undefined}
      onCancel={() => onClose(false)}
      onConfirm={() => remove.mutate({ rows, force, volumes }, { onSuccess: () => onClose(true) })}
    >
      {one ? (
        <p>
          The container <code>{one.name}</code> ({one.id.slice(0, 12)}) and its writable layer are deleted. Its image and named volumes stay.
        </p>
      ) : (
        <p>
          These containers and their writable layers are deleted: {rows.slice(0, 6).map((r) => r.name).join(', ')}
          {rows.length > 6 ? ` and ${rows.length - 6} more` : ''}. Their images and named volumes stay.
        </p>
      )}
      {up.length > 0 && (
        <label className="check">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
          {one ? ` It is ${one.state}: stop it first (force)` : ` ${up.length} of them are running: stop them first (force)`}
        </label>
      )}
      <label className="check">
        <input type="checkbox" checked={volumes} onChange={(e) => setVolumes(e.target.checked)} /> Also remove their anonymous volumes
      </label>
    </ConfirmDialog>
  );
}
