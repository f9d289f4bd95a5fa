import { oc } from '@orpc/contract';
import { z } from 'zod';

/** A registry host as references name it: host[:port] (no scheme, no path). */
export const RegistryHost = z
  .string()
  .trim()
  .transform((h) => h.replace(/^https?:\/\//, '').replace(/\/+$/, ''))
  .pipe(z.string().min(1, 'enter a registry host').max(256).regex(/^[a-zA-Z0-9.-]+(:\d+)?$|^\[[0-9a-fA-F:.]+\](:\d+)?$/, 'a registry host is host or host:port'));

export const RegistryEntry = z.object({
  host: z.string(),
  username: z.string().optional(),
  source: z.enum(['berth', 'docker-config', 'docker-helper']),
  helper: z.string().optional(),
  storage: z.enum(['memory', 'keychain', 'file']).optional(),
});
export type RegistryEntry = z.infer<typeof RegistryEntry>;

const CheckResult = z.object({ ok: z.boolean(), message: z.string() });

export const registries = {
  /** Registries with credentials (Berth's own and the docker CLI's); never a password. */
  list: oc.output(z.object({ registries: z.array(RegistryEntry), rememberMode: z.enum(['keychain', 'file']) })),
  /** Checks the credentials with the registry, and keeps them only when they work. */
  signIn: oc
    .input(z.object({ host: RegistryHost, username: z.string().trim().min(1).max(256), password: z.string().min(1).max(4096), remember: z.boolean().default(false) }))
    .output(CheckResult),
  signOut: oc.input(z.object({ host: RegistryHost })).output(z.object({ removed: z.boolean() })),
  /** Do the stored credentials for this host work? */
  check: oc.input(z.object({ host: RegistryHost })).output(CheckResult),
};
