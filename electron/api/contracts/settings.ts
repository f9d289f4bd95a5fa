import { oc } from '@orpc/contract';
import { z } from 'zod';
import { EngineId } from '../schemas';

export const Theme = z.enum(['system', 'light', 'dark']);

/** An AWS profile name as ~/.aws/config spells it. */
const AwsProfile = z.string().trim().min(1).max(128).regex(/^[A-Za-z0-9_.+@-]+$/, 'a profile name has letters, digits and _ . + @ - only');
/** An AWS region code: us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-4 ... */
const AwsRegion = z.string().trim().regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d{1,2}$/, 'a region looks like us-east-1');
/** host[:port] of a registry, no scheme and no path (127.0.0.1:5001, registry.local). */
const RegistryHost = z
  .string()
  .trim()
  .max(253)
  .regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)(:\d{1,5})?$/, 'give host or host:port, without http:// or a path');

export const SettingsView = z.object({
  endpoints: z.array(z.object({ endpoint: z.string(), name: z.string(), tls: z.object({ ca: z.string().optional(), cert: z.string().optional(), key: z.string().optional() }).optional() })),
  defaultEngine: z.string().optional(),
  theme: Theme,
  aws: z.object({ profile: z.string().optional(), region: z.string().optional(), ecrRegistryHost: z.string().optional() }),
});
export type SettingsView = z.infer<typeof SettingsView>;

/** A change to the settings: absent fields stay, null clears. Endpoints change through engines.add/remove. */
export const SettingsPatch = z
  .object({
    defaultEngine: EngineId.nullable().optional(),
    theme: Theme.optional(),
    aws: z
      .object({
        profile: AwsProfile.nullable().optional(),
        region: AwsRegion.nullable().optional(),
        ecrRegistryHost: RegistryHost.nullable().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const settings = {
  get: oc.output(SettingsView),
  update: oc.input(SettingsPatch).output(SettingsView),
};
