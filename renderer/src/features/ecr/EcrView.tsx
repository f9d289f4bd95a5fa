// ECR: repositories (URI, created, tag mutability, scan on push, encryption), the chosen
// repository's images (tags, digest, size, pushed, scan findings); create and delete,
// copy a URI, push a local image, pull an image into an engine.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorText, useErrorToast } from '../../components/Toasts';
import { navigate } from '../../lib/route';
import { client, orpc } from '../../lib/rpc';
import { ago } from '../aws/format';
import { awsLive } from '../aws/poll';
import { CreateRepositoryDialog } from './CreateRepositoryDialog';
import { EcrImages } from './EcrImages';
import { TransferDialog, type Transfer } from './TransferDialog';
import { AwsTable } from '../aws/AwsTable';

export function EcrView({ repository }: { repository?: string | undefined }) {
  const queryClient = useQueryClient();
  const toast = useErrorToast();
  const repos = useQuery({ ...orpc.aws.ecr.repositories.queryOptions(), ...awsLive(30_000) });
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<string>();
  const [force, setForce] = useState(false);
  const [transfer, setTransfer] = useState<Transfer>();
  const remove = useMutation({
    mutationFn: (name: string) => client.aws.ecr.deleteRepository({ name, force }),
    onSuccess: () => (setDeleting(undefined), navigate('aws', 'ecr'), void queryClient.invalidateQueries({ queryKey: orpc.aws.ecr.key() })),
  });
  const copy = (uri: string) => navigator.clipboard.writeText(uri).catch((e) => toast('Copying the URI failed', e));
  return (
    <div className="ecr-layout">
      <div className="aws-panel">
        <h2 className="aws-h2">
          Repositories{' '}
          <button className="small-button" onClick={() => setCreating(true)}>
            New repository…
          </button>
        </h2>
        <AwsTable label="Repositories" headers={['Name', 'URI', 'Created', 'Tags', 'Scan on push', 'Encryption', '']} rows={repos.data} error={repos.error} emptyText="No repositories in this account and region.">
          {repos.data?.map((r) => (
            <tr key={r.arn} data-repository={r.name} className={r.name === repository ? 'on' : ''} onClick={() => navigate('aws', 'ecr', r.name)}>
              <td className="strong">{r.name}</td>
              <td className="mono small">{r.uri}</td>
              <td>{ago(r.createdAt)}</td>
              <td>{r.tagMutability.toLowerCase()}</td>
              <td>{r.scanOnPush ? 'yes' : 'no'}</td>
              <td>{r.encryption}</td>
              <td className="row-actions" onClick={(e) => e.stopPropagation()}>
                <button onClick={() => void copy(r.uri)} aria-label={`Copy the URI of ${r.name}`}>
                  Copy URI
                </button>
                <button onClick={() => setTransfer({ kind: 'push', repository: r.name })} aria-label={`Push to ${r.name}`}>
                  Push…
                </button>
                <button onClick={() => (setForce(false), setDeleting(r.name))} aria-label={`Delete ${r.name}`}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </AwsTable>
      </div>
      {repository && <EcrImages repository={repository} onPull={(tag, digest) => setTransfer({ kind: 'pull', repository, ...(tag ? { tag } : {}), digest })} />}
      {creating && <CreateRepositoryDialog onClose={() => setCreating(false)} />}
      {transfer && <TransferDialog transfer={transfer} onClose={() => setTransfer(undefined)} />}
      {deleting && (
        <ConfirmDialog
          title={`Delete repository ${deleting}?`}
          confirmLabel="Delete"
          danger
          busy={remove.isPending}
          error={remove.error ? errorText(remove.error) : undefined}
          onConfirm={() => remove.mutate(deleting)}
          onCancel={() => (setDeleting(undefined), remove.reset())}
        >
          <p>ECR refuses to delete a repository that still holds images, unless you delete them with it.</p>
          <label className="check">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> Also delete every image in it
          </label>
        </ConfirmDialog>
      )}
    </div>
  );
}

