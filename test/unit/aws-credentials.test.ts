import { describe, expect, it } from 'vitest';
import { awsMessage, profileKind, toAwsRpcError } from '../../electron/aws/credentials';

const err = (name: string, message = 'x') => Object.assign(new Error(message), { name });

describe('AWS failures in words', () => {
  it.each([
    ['ExpiredToken', 'sso', /have expired.*aws sso login --profile dev/],
    ['ExpiredTokenException', 'keys', /have expired.*get new keys/],
    ['InvalidClientTokenId', undefined, /does not accept the credentials.*AWS_ACCESS_KEY_ID/],
    ['UnrecognizedClientException', undefined, /does not accept the credentials/],
  ] as const)('%s (%s)', (name, kind, words) => {
    expect(awsMessage(err(name), 'dev', kind)).toMatch(words);
    expect(toAwsRpcError(err(name), 'Listing').code).toBe('UNAUTHORIZED');
  });

  it('missing credentials say what to set', () => {
    expect(awsMessage(err('CredentialsProviderError', 'Could not load credentials from any providers'))).toMatch(/set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
    expect(awsMessage(err('CredentialsProviderError', 'The SSO session token is expired'), 'corp', 'sso')).toMatch(/aws sso login --profile corp/);
  });

  it('keeps other AWS messages and maps not-found', () => {
    expect(toAwsRpcError(err('RepositoryNotFoundException', 'The repository with name r does not exist'), 'Listing r')).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Listing r: RepositoryNotFoundException: The repository with name r does not exist',
    });
  });

  it('tells profile kinds apart', () => {
    expect(profileKind({ sso_session: 'corp' })).toBe('sso');
    expect(profileKind({ credential_process: 'x' })).toBe('process');
    expect(profileKind({ role_arn: 'arn', source_profile: 'a' })).toBe('role');
    expect(profileKind({ aws_access_key_id: 'AKIA' })).toBe('keys');
  });
});
