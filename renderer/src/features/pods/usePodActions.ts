// Pod lifecycle actions as mutations whose errors reach the user; the pod's events patch its row.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PodRow } from '../../../../electron/api/contracts/pods';
import { useErrorToast } from '../../components/Toasts';
import { client } from '../../lib/rpc';
import { refreshPod } from './podsLive';

export type PodVerb = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

export const VERB_LABEL: Record<PodVerb, string> = { start: 'Start', stop: 'Stop', restart: 'Restart', pause: 'Pause', unpause: 'Resume', kill: 'Kill' };

export function usePodAction() {
  const toast = useErrorToast();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pod, verb }: { pod: PodRow; verb: PodVerb }) => client.pods[verb]({ engineId: pod.engineId, id: pod.id }),
    // Events patch the row; one fetch after the action makes sure its final state shows.
    onSettled: (_d, _e, { pod }) => refreshPod(queryClient, pod.engineId, pod.id),
    onError: (error, { pod, verb }) => toast(`${VERB_LABEL[verb]} pod ${pod.name} failed`, error),
  });
}

export function useRemovePod() {
  return useMutation({
    mutationFn: ({ pod, force }: { pod: PodRow; force: boolean }) => client.pods.remove({ engineId: pod.engineId, id: pod.id, force }),
  });
}

export const isUp = (pod: PodRow) => pod.state === 'running' || pod.state === 'degraded' || pod.state === 'paused';
