// Light, dark or the system's choice, kept in the user's settings (settings.json), so the
// desktop app and `berth serve` agree and it survives a restart.
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSettingsUpdate } from '../features/settings/useSettingsUpdate';
import { orpc } from './rpc';

export type Theme = 'system' | 'light' | 'dark';

export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}

export function useTheme(): [Theme, (t: Theme) => void] {
  const settings = useQuery({ ...orpc.settings.get.queryOptions(), staleTime: Infinity });
  const update = useSettingsUpdate();
  const pending = update.isPending ? update.variables?.theme : undefined;
  const theme: Theme = pending ?? settings.data?.theme ?? 'system';
  useEffect(() => applyTheme(theme), [theme]);
  return [theme, (t) => update.mutate({ theme: t })];
}
