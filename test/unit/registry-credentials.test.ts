// Registry credentials: the docker CLI's config (auths, credsStore, credHelpers through a
// fake docker-credential helper on PATH), Berth's own store, and no password in any log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logUnexpected } from '../../electron/backend';
import { CredentialStore } from '../../electron/registries/credentials';
import { DockerConfig } from '../../electron/registries/docker-config';
import { describeForLog, type SecretBox } from '../../electron/registries/secrets';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'berth-cred-'));

/** A config dir, plus a bin dir holding docker-credential-fake that answers for one host. */
function setup(config: object) {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
  const bin = tmp();
  const helper = path.join(bin, 'docker-credential-fake');
  fs.writeFileSync(
    helper,
    `#!/bin/sh
read host
case "$1" in
  get)
    if [ "$host" = "helper.example:5000" ] || [ "$host" = "https://index.docker.io/v1/" ]; then
      echo '{"ServerURL":"'"$host"'","Username":"helper-user","Secret":"helper-secret-42"}'
    else
      echo "credentials not found in native keychain"; exit 1
    fi ;;
  list) echo '{"helper.example:5000":"helper-user"}' ;;
esac
`,
    { mode: 0o755 },
  );
  return { env: { HOME: dir, DOCKER_CONFIG: dir, PATH: `${bin}:${process.env.PATH}` } };
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('DockerConfig', () => {
  it('reads auths (base64 user:pass), including Docker Hub under its v1 key', async () => {
    const { env } = setup({ auths: { '127.0.0.1:5001': { auth: b64('berth:pa:ss') }, 'https://index.docker.io/v1/': { auth: b64('hubuser:hubpass') } } });
    const cfg = new DockerConfig(env);
    expect(await cfg.get('127.0.0.1:5001')).toEqual({ host: '127.0.0.1:5001', username: 'berth', secret: 'pa:ss' });
    expect(await cfg.get('docker.io')).toMatchObject({ username: 'hubuser', secret: 'hubpass' });
    expect(await cfg.get('nowhere.example')).toBeUndefined();
    expect(await cfg.hosts()).toEqual(
      expect.arrayContaining([
        { host: '127.0.0.1:5001', username: 'berth', source: 'docker-config' },
        { host: 'docker.io', username: 'hubuser', source: 'docker-config' },
      ]),
    );
  });

  it('asks the credsStore helper with the host on stdin, as the docker CLI does', async () => {
    const { env } = setup({ auths: { 'helper.example:5000': {} }, credsStore: 'fake' });
    const cfg = new DockerConfig(env);
    expect(await cfg.get('helper.example:5000')).toEqual({ host: 'helper.example:5000', username: 'helper-user', secret: 'helper-secret-42' });
    expect(await cfg.get('other.example')).toBeUndefined();
    expect(await cfg.hosts()).toEqual([{ host: 'helper.example:5000', username: 'helper-user', source: 'docker-helper', helper: 'fake' }]);
  });

  it('prefers credHelpers for its host over auths, and survives a missing helper', async () => {
    const { env } = setup({ auths: { 'helper.example:5000': { auth: b64('a:b') } }, credHelpers: { 'helper.example:5000': 'fake', 'gone.example': 'missing' } });
    const cfg = new DockerConfig(env);
    expect((await cfg.get('helper.example:5000'))?.secret).toBe('helper-secret-42');
    expect(await cfg.get('gone.example')).toBeUndefined();
  });
});

describe('CredentialStore', () => {
  const box: SecretBox = {
    available: () => true,
    encrypt: (s) => Buffer.from(`sealed:${Buffer.from(s).toString('hex')}`),
    decrypt: (b) => Buffer.from(b.toString().replace(/^sealed:/, ''), 'hex').toString(),
  };

  it("uses Berth's own credentials first, then the docker CLI's", async () => {
    const { env } = setup({ auths: { 'reg.example': { auth: b64('cli:cli-pass') } } });
    const store = new CredentialStore({ dataDir: tmp(), env });
    expect(await store.resolve('reg.example')).toEqual({ username: 'cli', password: 'cli-pass', serveraddress: 'reg.example' });
    store.signIn('reg.example', 'mine', 'my-pass', false);
    expect(await store.resolve('reg.example')).toMatchObject({ username: 'mine', password: 'my-pass' });
    expect(store.signOut('reg.example')).toBe(true);
    expect((await store.resolve('reg.example'))?.username).toBe('cli');
  });

  it('keeps remembered passwords sealed by the keychain, or in a 0600 file without one, and never in memory-only mode', async () => {
    const { env } = setup({});
    const sealedDir = tmp();
    new CredentialStore({ dataDir: sealedDir, env, secretBox: box }).signIn('a.example', 'u', 'sealed-pass-1', true);
    const text = fs.readFileSync(path.join(sealedDir, 'registry-credentials.json'), 'utf8');
    expect(text).not.toContain('sealed-pass-1');
    expect(await new CredentialStore({ dataDir: sealedDir, env, secretBox: box }).resolve('a.example')).toMatchObject({ password: 'sealed-pass-1' });

    const fileDir = tmp();
    const serve = new CredentialStore({ dataDir: fileDir, env });
    expect(serve.rememberMode).toBe('file');
    serve.signIn('b.example', 'u', 'file-pass-2', true);
    const file = path.join(fileDir, 'registry-credentials.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect((await serve.list()).find((r) => r.host === 'b.example')?.storage).toBe('file');

    const memDir = tmp();
    new CredentialStore({ dataDir: memDir, env }).signIn('c.example', 'u', 'mem-pass-3', false);
    expect(fs.existsSync(path.join(memDir, 'registry-credentials.json'))).toBe(false);
  });
});

describe('no password in logs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('logUnexpected and the diagnostic form hide every password Berth has seen, also base64-encoded', async () => {
    const { env } = setup({ auths: { 'helper.example:5000': {} }, credsStore: 'fake' });
    const store = new CredentialStore({ dataDir: tmp(), env });
    store.signIn('127.0.0.1:5001', 'berth', 'berth-password-xyz', false);
    const auth = await store.resolve('127.0.0.1:5001');
    const fromHelper = await store.resolve('helper.example:5000');
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    const err = Object.assign(new Error(`push failed for ${JSON.stringify(auth)} and ${fromHelper?.password}`), {
      status: 500,
      passwordB64: Buffer.from(auth!.password).toString('base64'),
      store,
    });
    logUnexpected(err);
    expect(lines.length).toBe(1);
    expect(lines[0]).toContain('push failed');
    for (const secret of ['berth-password-xyz', 'helper-secret-42', Buffer.from('berth-password-xyz').toString('base64').replace(/=+$/, '')]) {
      expect(lines[0]).not.toContain(secret);
    }
    expect(describeForLog(store)).not.toContain('berth-password-xyz');
    expect(JSON.stringify(await store.list())).not.toContain('berth-password-xyz');
  });
});
