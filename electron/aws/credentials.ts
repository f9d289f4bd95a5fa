// AWS profiles from the shared config and credentials files, the credential provider for
// the chosen one (or the standard chain), and AWS failures in words a user can act on.
// Credentials stay in this process: nothing here returns them to a caller outside aws/.
import { ORPCError } from '@orpc/server';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { loadSharedConfigFiles } from '@smithy/core/config';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

export type AwsEnv = Record<string, string | undefined>;

export interface ProfileInfo {
  name: string;
  /** The region the profile names, if any. */
  region?: string;
  /** How it gets credentials: keys in a file, SSO, a process, a role to assume, or the chain. */
  kind: 'keys' | 'sso' | 'process' | 'role' | 'other';
  /** Where it is written. */
  files: Array<'config' | 'credentials'>;
}

/** The files' paths as the SDK resolves them (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). */
export function sharedFiles(env: AwsEnv): { configFilepath?: string; filepath?: string } {
  return {
    ...(env.AWS_CONFIG_FILE ? { configFilepath: env.AWS_CONFIG_FILE } : {}),
    ...(env.AWS_SHARED_CREDENTIALS_FILE ? { filepath: env.AWS_SHARED_CREDENTIALS_FILE } : {}),
  };
}

export function profileKind(settings: Record<string, string | undefined>): ProfileInfo['kind'] {
  if (settings.sso_session || settings.sso_start_url) return 'sso';
  if (settings.credential_process) return 'process';
  if (settings.role_arn) return 'role';
  if (settings.aws_access_key_id) return 'keys';
  return 'other';
}

export async function listProfiles(env: AwsEnv): Promise<ProfileInfo[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ...sharedFiles(env), ignoreCache: true });
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)]);
  return [...names].sort().map((name) => {
    const merged = { ...configFile[name], ...credentialsFile[name] };
    const files: ProfileInfo['files'] = [];
    if (configFile[name]) files.push('config');
    if (credentialsFile[name]) files.push('credentials');
    return { name, ...(merged.region ? { region: merged.region } : {}), kind: profileKind(merged), files };
  });
}

/**
 * The provider for a profile (its file entries, SSO, process, role), or the standard chain
 * (env, SSO, process, container, IMDS) when none is chosen. Cached by the SDK between calls.
 */
export function credentialProvider(profile: string | undefined, env: AwsEnv): AwsCredentialIdentityProvider {
  if (profile) return fromIni({ profile, ...sharedFiles(env), ignoreCache: true });
  return fromNodeProviderChain(sharedFiles(env));
}

interface AwsErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $fault?: string;
}

const TOKEN_ERRORS = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const KEY_ERRORS = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'InvalidSignatureException', 'SignatureDoesNotMatch', 'AuthFailure']);

/** What went wrong with AWS, and what to do, for a profile (or the default chain) of a kind. */
export function awsMessage(err: unknown, profile?: string, kind?: ProfileInfo['kind']): string {
  const e = err as AwsErrorLike;
  const name = e?.name ?? '';
  const raw = (e?.message ?? String(err)).trim();
  const who = profile ? `profile "${profile}"` : 'the default credential chain';
  const login = profile ? `aws sso login --profile ${profile}` : 'aws sso login';
  const renew = kind === 'sso' ? `run \`${login}\`` : kind === 'process' ? 'check the credential_process command of the profile' : kind === 'role' ? 'renew the source credentials of the role' : 'get new keys';
  if (TOKEN_ERRORS.has(name)) {
    return `The credentials of ${who} have expired. Renew them (${kind ? renew : `for SSO: \`${login}\`; for keys or a role, get new ones`}), then retry.`;
  }
  if (KEY_ERRORS.has(name)) {
    return `AWS does not accept the credentials of ${who} (${name}): the access key is unknown or the secret is wrong. Check the keys in your credentials file or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.`;
  }
  if (name === 'CredentialsProviderError' || /Could not load credentials|Unable to locate credentials/i.test(raw)) {
    if (kind === 'sso' || /\bsso\b.*(token|session)|token.*\bsso\b/i.test(raw)) return `The SSO session of ${who} is missing or expired: run \`${login}\`, then retry.`;
    if (/expired/i.test(raw)) return `The credentials of ${who} have expired (${raw.replace(/\.$/, '')}): ${renew}, then retry.`;
    return profile
      ? `No credentials for profile "${profile}" (${raw.replace(/\.$/, '')}). Add keys for it to your credentials file, or pick another profile.`
      : 'No AWS credentials were found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pick a profile from your ~/.aws/config.';
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied') return `Access denied for ${who}: ${raw}`;
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT/.test(`${e?.code ?? ''} ${raw}`)) {
    return `AWS cannot be reached (${e?.code ?? raw}). Check your network${process.env.AWS_ENDPOINT_URL ? ` or AWS_ENDPOINT_URL (${process.env.AWS_ENDPOINT_URL})` : ''}.`;
  }
  if (/Deserialization error/.test(raw)) return `AWS answered with something that is not an AWS response (HTTP ${e.$metadata?.httpStatusCode ?? '?'}).`;
  return name && !raw.startsWith(name) && !/^(Error|ServiceException)$/.test(name) ? `${name}: ${raw}` : raw;
}

/** An AWS failure as an RPC error whose message says what failed and what to do. */
export function toAwsRpcError(err: unknown, what: string, profile?: string, kind?: ProfileInfo['kind']): ORPCError<string, unknown> {
  if (err instanceof ORPCError) return err;
  const e = err as AwsErrorLike;
  const message = `${what}: ${awsMessage(err, profile, kind)}`;
  const name = e?.name ?? '';
  if (TOKEN_ERRORS.has(name) || KEY_ERRORS.has(name) || name === 'CredentialsProviderError') return new ORPCError('UNAUTHORIZED', { message });
  if (/NotFound|NotFoundException|DoesNotExist/.test(name)) return new ORPCError('NOT_FOUND', { message });
  if (/AlreadyExists|InUse|NotEmpty/.test(name)) return new ORPCError('CONFLICT', { message });
  if (name === 'AccessDeniedException' || name === 'AccessDenied') return new ORPCError('FORBIDDEN', { message });
  if (/InvalidParameter|Validation|ClientException|InvalidRequest/.test(name)) return new ORPCError('BAD_REQUEST', { message });
  return new ORPCError('INTERNAL_SERVER_ERROR', { message });
}

/** Wraps one AWS call so its failure reaches the user in words. */
export async function awsCall<T>(what: string, profile: string | undefined, fn: () => Promise<T>, kind?: ProfileInfo['kind']): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toAwsRpcError(err, what, profile, kind);
  }
}
