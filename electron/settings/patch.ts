// Applies a validated SettingsPatch: absent fields stay as they are, null clears one.
import type { SettingsPatch, SettingsView } from '../api/contracts/settings';
import type { Settings } from './store';

function merge<T extends object>(target: T, patch: Partial<Record<keyof T, unknown>>): T {
  const out = { ...target } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out as T;
}

export function applySettingsPatch(s: Settings, patch: SettingsPatch): Settings {
  const { aws, ...top } = patch;
  const next = merge(s, top as Partial<Record<keyof Settings, unknown>>);
  if (aws) next.aws = merge(s.aws, aws);
  return next;
}

/** What the renderer sees: everything but the window's bounds (the desktop shell's own). */
export function settingsView(s: Settings): SettingsView {
  const { window: _window, ...view } = s;
  return view;
}
