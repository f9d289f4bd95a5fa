// Remove asks first; a running container needs "force", said plainly.
import { useState } from 'react';
import type { ContainerRow } from '../../../../electron/api/schemas';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorText } from '../../components/Toasts';
import { useRemoveContainer } from './useContainerActions';

export function RemoveDialog({ row, onClose }: { row: ContainerRow; onClose(): void }) {
  const running = row.state === 'running' || row.state === 'paused' || row.state === 'restarting';
  const [force, setForce] = useState(running);
  const remove = useRemoveContainer();
  return (
    <ConfirmDialog
      title={`Remove ${row.name}?`}
      confirmLabel="Remove"
      danger
      busy={remove.isPending}
      error={remove.error ? errorText(remove.error) : undefined}
      onCancel={onClose}
      onConfirm={() => remove.mutate({ row, force }, { onSuccess: onClose })}
    >
      <p>
        The container <code>{row.name}</code> ({row.id.slice(0, 12)}) and its writable layer are deleted. Its image and named volumes stay.
      </p>
      {running && (
        <label className="check">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> It is {row.state}: stop it first (force)
        </label>
      )}
    </ConfirmDialog>
  );
}
