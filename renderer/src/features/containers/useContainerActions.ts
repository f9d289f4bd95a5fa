// The lifecycle actions of one container, as mutations whose errors reach the user.
import { useMutation } from '@tanstack/react-query';
import type { ContainerRow } from '../../../../electron/api/schemas';
import { useErrorToast } from '../../components/Toasts';
import { client } from '../../lib/rpc';

export type ContainerVerb = 'start' | 'stop' | 'restart';

const LABEL: Record<ContainerVerb, string> = { start: 'Start', stop: 'Stop', restart: 'Restart' };

export function useContainerAction() {
  const toast = useErrorToast();
  return useMutation({
    mutationFn: ({ row, verb }: { row: ContainerRow; verb: ContainerVerb }) =>
      client.containers[verb]({ engineId: row.engineId, id: row.id }),
    // No refetch on success: the engine's event patches the row.
    onError: (error, { row, verb }) => toast(`${LABEL[verb]} ${row.name} failed`, error),
  });
}

export function useRemoveContainer() {
  return useMutation({
    mutationFn: ({ row, force }: { row: ContainerRow; force: boolean }) =>
      client.containers.remove({ engineId: row.engineId, id: row.id, force, volumes: false }),
  });
}
