// Per-user settings, kept as one JSON file in the app's data folder (Electron's userData,
// or the platform's config folder under `berth serve`). Written atomically.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

export const Settings = z.object({
  /** Endpoints added by hand (engines/registry.ts). */
  endpoints: z
    .array(
      z.object({
        endpoint: z.string(),
        name: z.string(),
        /** PEM file paths for tcp:// with TLS. */
        tls: z.object({ ca: z.string().optional(), cert: z.string().optional(), key: z.string().optional() }).optional(),
      }),
    )
    .default([]),
  /** The engine new actions default to. */
  defaultEngine: z.string().optional(),
  // A value edited by hand into something unknown falls back rather than losing the file.
  theme: z.enum(['system', 'light', 'dark']).default('system').catch('system'),
  /** AWS: the profile and region last used, and the registry host that stands for ECR's (emulators). */
  aws: z
    .object({
      profile: z.string().optional(),
      region: z.string().optional(),
      ecrRegistryHost: z.string().optional(),
    })
    .default({}),
  /** The desktop window's last size and place (applied by electron/main.ts). */
  window: z
    .object({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(200), height: z.number().int().min(150), maximized: z.boolean().default(false) })
    .optional()
    .catch(undefined),
});
export type Settings = z.infer<typeof Settings>;

/** Where `berth serve` keeps its data when Electron's userData is not there to ask. */
export function defaultDataDir(env: Record<string, string | undefined> = process.env): string {
  if (env.BERTH_DATA_DIR) return env.BERTH_DATA_DIR;
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'Berth');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Berth');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'Berth');
}

export class SettingsStore {
  private readonly file: string;
  private current: Settings;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
    this.current = this.read();
  }

  get(): Settings {
    return this.current;
  }

  update(fn: (s: Settings) => Settings): Settings {
    const next = Settings.parse(fn(structuredClone(this.current)));
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(next, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
    this.current = next;
    return next;
  }

  private read(): Settings {
    try {
      return Settings.parse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        console.warn(`berth: ignoring unreadable settings file ${this.file}: ${(err as Error).message}`);
      }
      return Settings.parse({});
    }
  }
}
