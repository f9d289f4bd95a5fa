// Create a pod: a name, the ports it publishes (its infra container holds them), labels.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PodRow } from '../../../../electron/api/contracts/pods';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorText } from '../../components/Toasts';
import { client } from '../../lib/rpc';
import { parseLabels, parsePorts } from './parse';
import { patchPods } from './patchPods';
import { podsKey } from './podsLive';

export function CreatePodDialog({ engineId, engineName, onClose }: { engineId: string; engineName: string; onClose(): void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [ports, setPorts] = useState('');
  const [labels, setLabels] = useState('');
  const [formError, setFormError] = useState<string>();
  const create = useMutation({
    mutationFn: (input: Parameters<typeof client.pods.create>[0]) => client.pods.create(input),
    onSuccess: (row) => {
      queryClient.setQueryData<PodRow[]>(podsKey(), (old) => patchPods(old, row.engineId, row.id, row));
      onClose();
    },
  });
  const submit = () => {
    setFormError(undefined);
    try {
      if (!name.trim()) throw new Error('Enter a name for the pod.');
      create.mutate({ engineId, name: name.trim(), ports: parsePorts(ports), labels: parseLabels(labels) });
    } catch (err) {
      setFormError(errorText(err));
    }
  };
  return (
    <ConfirmDialog
      title={`Create a pod on ${engineName}`}
      confirmLabel="Create"
      busy={create.isPending}
      error={formError ?? (create.error ? errorText(create.error) : undefined)}
      onCancel={onClose}
      onConfirm={submit}
    >
      <form
        className="pod-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label>
          Name
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="my-app" spellCheck={false} />
        </label>
        <label>
          Published ports <span className="muted">hostPort:containerPort[/udp], separated by commas</span>
          <input value={ports} onChange={(e) => setPorts(e.target.value)} placeholder="8080:80, 5353:53/udp" spellCheck={false} />
        </label>
        <label>
          Labels <span className="muted">key=value, one per line</span>
          <textarea rows={3} value={labels} onChange={(e) => setLabels(e.target.value)} placeholder="app=web" spellCheck={false} />
        </label>
        <button type="submit" hidden />
      </form>
    </ConfirmDialog>
  );
}
