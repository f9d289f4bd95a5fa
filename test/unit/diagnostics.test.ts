import { describe, expect, it } from 'vitest';
import type { EngineInfo } from '../../electron/api/schemas';
import { Settings } from '../../electron/settings/store';
import { diagnosticsText, redactSecrets } from '../../electron/shell/diagnostics';

const SECRETS = {
  awsKeyId: 'AKIAIOSFODNN7EXAMPLE',
  awsSecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  serveToken: 'q3Jx9V_a8Bz-Lm2NcR7tYw5KpE4sUdHf6GiOj1XvTnQ',
  password: 'hunter2-berth-password',
  ghToken: 'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
};

const engine = (over: Partial<EngineInfo>): EngineInfo => ({
  id: 'docker-abc123',
  name: 'docker',
  endpoint: 'unix:///var/run/docker.sock',
  source: 'default-socket',
  kind: 'docker',
  state: 'connected',
  version: '20.10.24+dfsg1',
  apiVersion: '1.41',
  os: 'linux',
  arch: 'amd64',
  ...over,
});

describe('diagnostics', () => {
  const text = diagnosticsText({
    appVersion: '0.1.0',
    transport: 'berth serve',
    platform: 'linux',
    arch: 'x64',
    versions: { node: '20.19.0', v8: '12.4' },
    engines: [
      engine({}),
      engine({
        id: 'build-server-9f8e7d',
        name: 'build server',
        endpoint: `tcp://admin:${SECRETS.password}@10.0.0.5:2376`,
        source: 'manual',
        state: 'disconnected',
        reason: `Nothing answers; token=${SECRETS.serveToken} AWS_SECRET_ACCESS_KEY=${SECRETS.awsSecret} Authorization: Bearer ${SECRETS.ghToken} key ${SECRETS.awsKeyId}`,
      }),
    ],
    settings: Settings.parse({
      endpoints: [{ endpoint: 'tcp://10.0.0.5:2376', name: 'build', tls: { ca: '/home/me/.docker/ca.pem', cert: '/home/me/.docker/cert.pem', key: '/home/me/.docker/key.pem' } }],
      theme: 'dark',
      aws: { profile: 'prod-admin', region: 'eu-west-1', ecrRegistryHost: '127.0.0.1:5001' },
    }),
    now: new Date('2026-01-01T00:00:00Z'),
  });

  it('says versions, engines, endpoints and settings', () => {
    expect(text).toMatch(/^Berth 0\.1\.0 \(berth serve\)/);
    expect(text).toContain('node 20.19.0');
    expect(text).toContain('- docker [docker-abc123]: connected, Docker 20.10.24+dfsg1 (API 1.41, linux/amd64)');
    expect(text).toContain('endpoint unix:///var/run/docker.sock (default-socket)');
    expect(text).toContain('- build: tcp://10.0.0.5:2376 (TLS files set)');
    expect(text).toContain('region eu-west-1; ECR registry host 127.0.0.1:5001');
  });

  it('carries no secret-looking value: tokens, passwords, AWS keys, TLS key paths, profile names', () => {
    for (const [what, secret] of Object.entries(SECRETS)) expect(text, what).not.toContain(secret);
    expect(text).not.toMatch(/AKIA[A-Z0-9]{16}/);
    expect(text).not.toContain('key.pem');
    expect(text).not.toContain('prod-admin');
  });

  it('redacts what looks secret and leaves ordinary words, paths, ids and versions alone', () => {
    expect(redactSecrets('password: abc and secret="x y"')).toBe('password: [redacted] and secret=[redacted]');
    expect(redactSecrets(`https://u:${SECRETS.password}@h/x`)).toBe('https://u:[redacted]@h/x');
    expect(redactSecrets(`id ${'a1b2c3d4'.repeat(8)}`)).toBe('id [redacted]');
    const plain = 'podman-machine-default-rootful-abcdef unix:///Users/me/.local/share/containers/podman/machine/podman.sock 20.10.24+dfsg1';
    expect(redactSecrets(plain)).toBe(plain);
  });
});
