// Create an ECR repository: name, tag mutability, scan on push.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../components/Toasts';
import { client, orpc } from '../../lib/rpc';
import { useModal } from '../aws/AwsTable';

export function CreateRepositoryDialog({ onClose }: { onClose(): void }) {
  const queryClient = useQueryClient();
  const ref = useModal();
  const [name, setName] = useState('');
  const [immutable, setImmutable] = useState(false);
  const [scan, setScan] = useState(true);
  const create = useMutation({
    mutationFn: () => client.aws.ecr.createRepository({ name: name.trim(), tagMutability: immutable ? 'IMMUTABLE' : 'MUTABLE', scanOnPush: scan }),
    onSuccess: () => (void queryClient.invalidateQueries({ queryKey: orpc.aws.ecr.key() }), onClose()),
  });
  return (
    <dialog ref={ref} className="dialog" aria-label="New repository" onCancel={(e) => (e.preventDefault(), onClose())}>
      <form onSubmit={(e) => (e.preventDefault(), create.mutate())}>
        <h2>New ECR repository</h2>
        <label>
          Name
          <input autoFocus value={name} placeholder="team/app" onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={immutable} onChange={(e) => setImmutable(e.target.checked)} /> Immutable tags
        </label>
        <label className="check">
          <input type="checkbox" checked={scan} onChange={(e) => setScan(e.target.checked)} /> Scan on push
        </label>
        {create.error && (
          <p className="error-text" role="alert">
            {errorText(create.error)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!name.trim() || create.isPending}>
            Create
          </button>
        </div>
      </form>
    </dialog>
  );
}
