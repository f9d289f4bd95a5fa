// Adds an endpoint by hand: a socket path, tcp://, ssh:// or a named pipe.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../../components/Toasts';
import { client } from '../../lib/rpc';

export function AddEngineDialog({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [endpoint, setEndpoint] = useState('');
  const [name, setName] = useState('');
  const add = useMutation({ mutationFn: () => client.engines.add({ endpoint, ...(name.trim() ? { name } : {}) }) });
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-label="Add an engine" onCancel={(e) => (e.preventDefault(), onClose())}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(undefined, { onSuccess: onClose });
        }}
      >
        <h2>Add an engine</h2>
        <label>
          Endpoint
          <input autoFocus required value={endpoint} onChange={(e) => setEndpoint(e.target.value)} placeholder="unix:///run/podman/podman.sock, tcp://host:2375, ssh://user@host" />
        </label>
        <label>
          Name (optional)
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="build server" />
        </label>
        {add.error && (
          <p className="error-text" role="alert">
            {errorText(add.error)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={add.isPending}>
            {add.isPending ? 'Connecting…' : 'Add'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
