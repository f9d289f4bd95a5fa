import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SettingsPatch } from '../../../../electron/api/contracts/settings';
import { client, orpc } from '../../lib/rpc';

/** settings.update, with the settings cache replaced by what the backend saved. */
export function useSettingsUpdate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => client.settings.update(patch),
    onSuccess: (next) => queryClient.setQueryData(orpc.settings.get.queryKey(), next),
  });
}
