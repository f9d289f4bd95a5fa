// Compose projects on an engine: containers grouped by com.docker.compose.project, with
// start, stop and remove of the whole group. Rows stay live through container events.
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { composeGroups, SERVICE_LABEL, type ComposeGroup } from '../../../../electron/engines/compose';
import type { ContainerRow } from '../../../../electron/api/schemas';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { errorText, useErrorToast } from '../../components/Toasts';
import { client } from '../../lib/rpc';

type Verb = 'start' | 'stop' | 'remove';
type Group = ComposeGroup<ContainerRow>;

export function ComposeGroups({ engineId, containers }: { engineId: string; containers: ContainerRow[] }) {
  const groups = useMemo(() => composeGroups(containers.filter((c) => c.engineId === engineId)), [containers, engineId]);
  const toast = useErrorToast();
  const [removing, setRemoving] = useState<Group>();
  const act = useMutation({
    mutationFn: ({ group, verb }: { group: Group; verb: Verb }) => client.pods.compose[verb]({ engineId, project: group.project }),
    onError: (error, { group, verb }) => verb !== 'remove' && toast(`${verb === 'start' ? 'Start' : 'Stop'} ${group.project} failed`, error),
  });
  const busy = (g: Group) => act.isPending && act.variables?.group.project === g.project;

  if (groups.length === 0) {
    return <div className="vtable-empty">No Compose projects here: no container carries the label com.docker.compose.project.</div>;
  }
  return (
    <div className="compose-groups">
      {groups.map((g) => (
        <section key={g.project} className="compose-group" aria-label={`Compose project ${g.project}`}>
          <header>
            <span className="mono strong">{g.project}</span>
            <span className="muted">
              {g.running}/{g.containers.length} running · services: {g.services.join(', ') || '—'}
            </span>
            <span className="spacer" />
            <div className="row-actions">
              {g.running < g.containers.length && (
                <button disabled={busy(g)} onClick={() => act.mutate({ group: g, verb: 'start' })} aria-label={`Start project ${g.project}`}>
                  <Icon name="play" /> Start
                </button>
              )}
              {g.running > 0 && (
                <button disabled={busy(g)} onClick={() => act.mutate({ group: g, verb: 'stop' })} aria-label={`Stop project ${g.project}`}>
                  <Icon name="stop" /> Stop
                </button>
              )}
              <button disabled={busy(g)} className="danger-text" onClick={() => setRemoving(g)} aria-label={`Remove project ${g.project}`} title="Remove">
                <Icon name="trash" />
              </button>
            </div>
          </header>
          <ul>
            {g.containers.map((c) => (
              <li key={c.id} data-container={c.name}>
                <span className={`badge state-${c.state}`}>{c.state}</span>
                <span className="mono">{c.labels[SERVICE_LABEL] ?? '—'}</span>
                <span className="mono muted">{c.name}</span>
                <span className="muted">{c.status}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {removing && (
        <ConfirmDialog
          title={`Remove project ${removing.project}?`}
          confirmLabel="Remove"
          danger
          busy={act.isPending}
          error={act.error && act.variables?.verb === 'remove' ? errorText(act.error) : undefined}
          onCancel={() => setRemoving(undefined)}
          onConfirm={() => act.mutate({ group: removing, verb: 'remove' }, { onSuccess: () => setRemoving(undefined) })}
        >
          <p>
            Its {removing.containers.length} containers are stopped and deleted. Images, volumes and networks stay.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
