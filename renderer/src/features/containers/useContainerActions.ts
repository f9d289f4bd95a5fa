// The lifecycle actions of containers (one row or a selection), as mutations whose errors reach the user.
import { useMutation } from '@tanstack/react-query';
import type { ContainerRow } from '../../../../electron/api/schemas';
import { useErrorToast } from '../../components/Toasts';
import { client } from '../../lib/rpc';

export type ContainerVerb = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

export const VERB_LABEL: Record<ContainerVerb, string> = {
  start: 'Start',
  stop: 'Stop',
  restart: 'Restart',
  pause: 'Pause',
  unpause: 'Resume',
  kill: 'Kill',
};

function act(row: ContainerRow, verb: ContainerVerb): Promise<void> {
  const target = { engineId: row.engineId, id: row.id };
  return client.containers[verb](target);
}

export function useContainerAction() {
  const toast = useErrorToast();
  return useMutation({
    mutationFn: ({ row, verb }: { row: ContainerRow; verb: ContainerVerb }) => act(row, verb),
    // No refetch on success: the engine's event patches the row.
    onError: (error, { row, verb }) => toast(`${VERB_LABEL[verb]} ${row.name} failed`, error),
  });
}

/** Runs `each` over the rows, four at a time; the failures are returned, not thrown. */
export async function forEachRow(rows: ContainerRow[], each: (row: ContainerRow) => Promise<void>): Promise<{ row: ContainerRow; error: unknown }[]> {
  const failures: { row: ContainerRow; error: unknown }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++]!;
      await each(row).catch((error: unknown) => failures.push({ row, error }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, rows.length) }, worker));
  return failures;
}

function failureText(failures: { row: ContainerRow; error: unknown }[]): Error {
  return new Error(failures.map((f) => `${f.row.name}: ${f.error instanceof Error ? f.error.message : String(f.error)}`).join('\n'));
}

export function useBulkAction() {
  const toast = useErrorToast();
  return useMutation({
    mutationFn: async ({ rows, verb }: { rows: ContainerRow[]; verb: ContainerVerb }) => {
      const failures = await forEachRow(rows, (row) => act(row, verb));
      if (failures.length) throw failureText(failures);
    },
    onError: (error, { rows, verb }) => toast(`${VERB_LABEL[verb]} failed for some of ${rows.length} containers`, error),
  });
}

export function useRemoveContainers() {
  return useMutation({
    mutationFn: async ({ rows, force, volumes }: { rows: ContainerRow[]; force: boolean; volumes: boolean }) => {
      const failures = await forEachRow(rows, (row) => client.containers.remove({ engineId: row.engineId, id: row.id, force, volumes }));
      if (failures.length) throw failureText(failures);
    },
  });
}
