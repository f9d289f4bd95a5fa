// Task definition families, their ACTIVE revisions, a revision as JSON, and deregistering one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorText } from '../../components/Toasts';
import { navigate } from '../../lib/route';
import { client, orpc } from '../../lib/rpc';
import { retryAws } from '../aws/poll';

export function TaskDefinitions({ family }: { family?: string | undefined }) {
  const queryClient = useQueryClient();
  const families = useQuery({ ...orpc.aws.ecs.families.queryOptions(), staleTime: 30_000, retry: retryAws });
  const revisions = useQuery({ ...orpc.aws.ecs.revisions.queryOptions({ input: { family: family ?? '' } }), enabled: !!family, retry: retryAws });
  const [chosen, setChosen] = useState<string>();
  const arn = chosen ?? revisions.data?.[0]?.arn;
  const json = useQuery({ ...orpc.aws.ecs.taskDefinition.queryOptions({ input: { taskDefinition: arn ?? '' } }), enabled: !!arn, staleTime: Infinity, retry: retryAws });
  const [deregistering, setDeregistering] = useState<string>();
  const deregister = useMutation({
    mutationFn: (taskDefinition: string) => client.aws.ecs.deregister({ taskDefinition }),
    onSuccess: () => (setDeregistering(undefined), setChosen(undefined), void queryClient.invalidateQueries({ queryKey: orpc.aws.ecs.key() })),
  });
  return (
    <div className="taskdefs">
      <ul className="aws-list" aria-label="Task definition families">
        {families.error && <li className="error-text">{errorText(families.error)}</li>}
        {families.data?.map((f) => (
          <li key={f}>
            <button className={f === family ? 'aws-card on' : 'aws-card'} onClick={() => (setChosen(undefined), navigate('aws', 'taskdefs', f))}>
              {f}
            </button>
          </li>
        ))}
        {families.data?.length === 0 && <li className="muted">No task definitions.</li>}
      </ul>
      {family && (
        <ul className="aws-list" aria-label="Revisions">
          {revisions.data?.map((r) => (
            <li key={r.arn} className="revision-row">
              <button className={r.arn === arn ? 'aws-card on' : 'aws-card'} onClick={() => setChosen(r.arn)}>
                {family}:{r.revision}
              </button>
              <button className="small-button" aria-label={`Deregister ${family}:${r.revision}`} onClick={() => setDeregistering(r.arn)}>
                Deregister
              </button>
            </li>
          ))}
        </ul>
      )}
      <pre className="aws-json mono" aria-label="Task definition JSON">
        {json.error ? errorText(json.error) : (json.data?.json ?? (family ? 'Loading…' : 'Choose a family.'))}
      </pre>
      {deregistering && (
        <ConfirmDialog
          title={`Deregister ${deregistering.split('/').pop()}?`}
          confirmLabel="Deregister"
          danger
          busy={deregister.isPending}
          error={deregister.error ? errorText(deregister.error) : undefined}
          onConfirm={() => deregister.mutate(deregistering)}
          onCancel={() => (setDeregistering(undefined), deregister.reset())}
        >
          <p>Services and tasks that use it keep running, but no new task or service can use this revision.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
