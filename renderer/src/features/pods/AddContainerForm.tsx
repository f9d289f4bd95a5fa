// Adds a container to a pod (libpod's create with "pod"), started at once.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { PodRow } from '../../../../electron/api/contracts/pods';
import { errorText } from '../../components/Toasts';
import { client } from '../../lib/rpc';
import { splitCommand } from './parse';

export function AddContainerForm({ pod }: { pod: PodRow }) {
  const [image, setImage] = useState('');
  const [command, setCommand] = useState('');
  const [name, setName] = useState('');
  const [formError, setFormError] = useState<string>();
  const add = useMutation({
    mutationFn: (input: Parameters<typeof client.pods.addContainer>[0]) => client.pods.addContainer(input),
    onSuccess: () => (setImage(''), setCommand(''), setName('')),
  });
  const submit = () => {
    setFormError(undefined);
    try {
      if (!image.trim()) throw new Error('Enter an image.');
      const words = splitCommand(command);
      add.mutate({
        engineId: pod.engineId,
        pod: pod.id,
        image: image.trim(),
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(words.length ? { command: words } : {}),
        start: pod.state === 'running' || pod.state === 'degraded',
      });
    } catch (err) {
      setFormError(errorText(err));
    }
  };
  return (
    <form
      className="add-container"
      aria-label="Add a container to this pod"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label>
        Image
        <input value={image} onChange={(e) => setImage(e.target.value)} placeholder="docker.io/library/nginx:latest" spellCheck={false} />
      </label>
      <label className="grow">
        <span>
          Command <span className="muted">(optional)</span>
        </span>
        <input value={command} onChange={(e) => setCommand(e.target.value)} placeholder={'/bin/sh -c "echo hello; sleep 3600"'} spellCheck={false} />
      </label>
      <label>
        <span>
          Name <span className="muted">(optional)</span>
        </span>
        <input value={name} onChange={(e) => setName(e.target.value)} spellCheck={false} />
      </label>
      <button type="submit" className="primary" disabled={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add container'}
      </button>
      {(formError || add.error) && (
        <p className="error-text" role="alert">
          {formError ?? `Adding the container failed: ${errorText(add.error)}`}
        </p>
      )}
    </form>
  );
}
