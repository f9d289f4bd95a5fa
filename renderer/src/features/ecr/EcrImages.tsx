// The images of one ECR repository: tags, digest, size, pushed at, scan status and findings.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorText } from '../../components/Toasts';
import { client, orpc } from '../../lib/rpc';
import { ago, bytes } from '../aws/format';
import { awsLive } from '../aws/poll';
import { AwsTable } from '../aws/AwsTable';

export function EcrImages({ repository, onPull }: { repository: string; onPull(tag: string | undefined, digest: string): void }) {
  const queryClient = useQueryClient();
  const images = useQuery({ ...orpc.aws.ecr.images.queryOptions({ input: { repository } }), ...awsLive(30_000) });
  const [findingsOf, setFindingsOf] = useState<string>();
  const findings = useQuery({ ...orpc.aws.ecr.findings.queryOptions({ input: { repository, digest: findingsOf ?? '' } }), enabled: !!findingsOf });
  const [deleting, setDeleting] = useState<string>();
  const remove = useMutation({
    mutationFn: (digest: string) => client.aws.ecr.deleteImage({ repository, digest }),
    onSuccess: () => (setDeleting(undefined), void queryClient.invalidateQueries({ queryKey: orpc.aws.ecr.images.key() })),
  });
  return (
    <div className="aws-panel">
      <h2 className="aws-h2">Images in {repository}</h2>
      <AwsTable label="Images" headers={['Tags', 'Digest', 'Size', 'Pushed', 'Scan', '']} rows={images.data} error={images.error} emptyText="No images yet: push one.">
        {images.data?.map((i) => (
          <tr key={i.digest} data-digest={i.digest}>
            <td className="mono">{i.tags.join(', ') || <span className="muted">untagged</span>}</td>
            <td className="mono small" title={i.digest}>
              {i.digest.slice(0, 19)}…
            </td>
            <td>{bytes(i.sizeBytes)}</td>
            <td>{ago(i.pushedAt)}</td>
            <td>
              {i.scanStatus ?? '—'}{' '}
              {Object.keys(i.findings).length > 0 && (
                <button className="link" onClick={() => setFindingsOf(findingsOf === i.digest ? undefined : i.digest)}>
                  {Object.entries(i.findings)
                    .map(([k, v]) => `${v} ${k.toLowerCase()}`)
                    .join(', ')}
                </button>
              )}
            </td>
            <td className="row-actions">
              <button onClick={() => onPull(i.tags[0], i.digest)}>Pull…</button>
              <button onClick={() => setDeleting(i.digest)}>Delete</button>
            </td>
          </tr>
        ))}
      </AwsTable>
      {findingsOf && (
        <ul className="aws-events" aria-label="Scan findings">
          {findings.error && <li className="error-text">{errorText(findings.error)}</li>}
          {findings.data?.map((f, i) => (
            <li key={i}>
              <span className="strong">{f.severity}</span> {f.name} <span className="muted">{f.description}</span>
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this image?"
          confirmLabel="Delete"
          danger
          busy={remove.isPending}
          error={remove.error ? errorText(remove.error) : undefined}
          onConfirm={() => remove.mutate(deleting)}
          onCancel={() => (setDeleting(undefined), remove.reset())}
        >
          <p className="mono">{deleting}</p>
          <p>Every tag on it goes with it. Services whose task definition names it can no longer start new tasks.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
