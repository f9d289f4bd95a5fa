// Removing a pod asks first; a pod with running containers needs "force", said plainly.
import { useState } from 'react';
import type { PodRow } from '../../../../electron/api/contracts/pods';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorText } from '../../components/Toasts';
import { isUp, useRemovePod } from './usePodActions';

export function RemovePodDialog({ pod, onClose, onRemoved }: { pod: PodRow; onClose(): void; onRemoved?(): void }) {
  const up = isUp(pod);
  const [force, setForce] = useState(up);
  const remove = useRemovePod();
  const members = pod.containers.filter((c) => !c.infra).length;
  return (
    <ConfirmDialog
      title={`Remove pod ${pod.name}?`}
      confirmLabel="Remove"
      danger
      busy={remove.isPending}
      error={remove.error ? errorText(remove.error) : undefined}
      onCancel={onClose}
      onConfirm={() => remove.mutate({ pod, force }, { onSuccess: () => (onClose(), onRemoved?.()) })}
    >
      <p>
        The pod <code>{pod.name}</code> and its {members} container{members === 1 ? '' : 's'} (and its infra container) are deleted. Images and named volumes stay.
      </p>
      {up && (
        <label className="check">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> It is {pod.state}: kill its containers first (force)
        </label>
      )}
    </ConfirmDialog>
  );
}
