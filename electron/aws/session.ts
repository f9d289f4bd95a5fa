// The AWS side of the backend: which profile and region are in use (kept in settings),
// the SDK clients for them, and the caller's identity. Clients are made once per
// profile+region; the SDK reads AWS_ENDPOINT_URL itself (moto in tests), and so do we
// from the backend's env so `berth serve --env` and the Electron main agree.
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { SettingsStore } from '../settings/store';
import type { ORPCError } from '@orpc/server';
import { credentialProvider, toAwsRpcError, listProfiles, type AwsEnv, type ProfileInfo } from './credentials';

export interface AwsClients {
  profile: string | undefined;
  region: string;
  ecr: ECRClient;
  ecs: ECSClient;
  logs: CloudWatchLogsClient;
  sts: STSClient;
  scaling: ApplicationAutoScalingClient;
}

export interface AccountStatus {
  /** The profile in use; undefined means the standard chain (env, SSO, process, IMDS). */
  profile?: string;
  region: string;
  profiles: ProfileInfo[];
  /** The registry host pushes go to: the stand-in's (emulators) or ECR's own. */
  ecrRegistryHost?: string;
  /** AWS_ENDPOINT_URL when set (an emulator, or a proxy). */
  endpoint?: string;
  /** Whether credentials come from the environment (AWS_ACCESS_KEY_ID) when no profile is chosen. */
  envCredentials: boolean;
}

export interface Identity {
  account: string;
  arn: string;
  userId: string;
}

export const REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1',
  'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'me-south-1', 'af-south-1',
];

export class AwsService {
  private cache: AwsClients | undefined;
  private retired: AwsClients[] = [];

  constructor(
    private readonly settings: SettingsStore,
    readonly env: AwsEnv = process.env,
  ) {}

  get profile(): string | undefined {
    return this.settings.get().aws.profile ?? this.env.AWS_PROFILE ?? undefined;
  }

  get region(): string {
    return this.settings.get().aws.region ?? this.env.AWS_REGION ?? this.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  }

  get registryHostOverride(): string | undefined {
    return this.settings.get().aws.ecrRegistryHost || undefined;
  }

  /**
   * How to log in to the registry: ECR's own host, or the stand-in's. The password override
   * (BERTH_ECR_PASSWORD_OVERRIDE) is for emulators only, so it counts only with a stand-in.
   */
  loginOptions(): { standInHost?: string; passwordOverride?: string } {
    const host = this.registryHostOverride;
    if (!host) return {};
    const override = this.env.BERTH_ECR_PASSWORD_OVERRIDE;
    return { standInHost: host, ...(override ? { passwordOverride: override } : {}) };
  }

  async status(): Promise<AccountStatus> {
    let profiles: ProfileInfo[] = [];
    try {
      profiles = await listProfiles(this.env);
    } catch (err) {
      console.warn(`berth: cannot read the AWS config files: ${(err as Error).message}`);
    }
    const host = this.registryHostOverride;
    const profile = this.profile;
    return {
      ...(profile ? { profile } : {}),
      region: this.region,
      profiles,
      ...(host ? { ecrRegistryHost: host } : {}),
      ...(this.env.AWS_ENDPOINT_URL ? { endpoint: this.env.AWS_ENDPOINT_URL } : {}),
      envCredentials: !!this.env.AWS_ACCESS_KEY_ID,
    };
  }

  /** Chooses the profile (null: the standard chain) and region; a profile's own region applies when none is given. */
  async setAccount(input: { profile?: string | null; region?: string }): Promise<AccountStatus> {
    let region = input.region;
    if (input.profile && !region) region = (await listProfiles(this.env)).find((p) => p.name === input.profile)?.region;
    this.settings.update((s) => ({
      ...s,
      aws: {
        ...s.aws,
        ...(input.profile !== undefined ? { profile: input.profile ?? undefined } : {}),
        ...(region ? { region } : {}),
      },
    }));
    this.cache = undefined;
    return this.status();
  }

  setRegistryHost(host: string | null): AccountStatus['ecrRegistryHost'] {
    this.settings.update((s) => ({ ...s, aws: { ...s.aws, ecrRegistryHost: host ?? undefined } }));
    return this.registryHostOverride;
  }

  clients(): AwsClients {
    const profile = this.profile;
    const region = this.region;
    if (this.cache && this.cache.profile === profile && this.cache.region === region) return this.cache;
    // The old clients are dropped, not destroyed: a deploy or a log stream may still be using them.
    if (this.cache) this.retired.push(this.cache);
    const config = {
      region,
      credentials: credentialProvider(profile, this.env),
      ...(this.env.AWS_ENDPOINT_URL ? { endpoint: this.env.AWS_ENDPOINT_URL } : {}),
      maxAttempts: 2,
    };
    this.cache = {
      profile,
      region,
      ecr: new ECRClient(config),
      ecs: new ECSClient(config),
      logs: new CloudWatchLogsClient(config),
      sts: new STSClient(config),
      scaling: new ApplicationAutoScalingClient(config),
    };
    return this.cache;
  }

  /** Runs one AWS call with this account's clients; its failure comes back in words. */
  async call<T>(what: string, fn: (c: AwsClients) => Promise<T>): Promise<T> {
    const c = this.clients();
    try {
      return await fn(c);
    } catch (err) {
      throw await this.toError(err, what);
    }
  }

  /** An AWS failure in words, knowing how the profile in use gets its credentials. */
  async toError(err: unknown, what: string): Promise<ORPCError<string, unknown>> {
    const profile = this.profile;
    const kind = profile ? (await listProfiles(this.env).catch(() => [])).find((p) => p.name === profile)?.kind : undefined;
    return toAwsRpcError(err, what, profile, kind);
  }

  identity(): Promise<Identity> {
    return this.call('Checking who you are on AWS', async ({ sts }) => {
      const r = await sts.send(new GetCallerIdentityCommand({}));
      return { account: r.Account ?? '', arn: r.Arn ?? '', userId: r.UserId ?? '' };
    });
  }

  close(): void {
    for (const c of [...this.retired, ...(this.cache ? [this.cache] : [])]) for (const client of [c.ecr, c.ecs, c.logs, c.sts, c.scaling]) client.destroy();
    this.cache = undefined;
    this.retired = [];
  }
}
