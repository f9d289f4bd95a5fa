import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TlsFiles } from '../../electron/api/contracts/engines';
import { dockerodeOptions, parseEndpoint } from '../../electron/engines/endpoint';
import { readTlsFiles } from '../../electron/engines/tls';

describe('TLS files of a tcp:// endpoint', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-tls-'));
  const ca = path.join(dir, 'ca.pem');
  fs.writeFileSync(ca, '-----BEGIN CERTIFICATE-----\n');

  it('reads the files for dockerode, which then speaks https', () => {
    const certs = readTlsFiles({ ca });
    expect(certs.ca?.toString()).toMatch(/BEGIN CERTIFICATE/);
    expect(dockerodeOptions(parseEndpoint('tcp://build:2376'), certs)).toMatchObject({ host: 'build', port: 2376, protocol: 'https', ca: certs.ca });
    expect(dockerodeOptions(parseEndpoint('tcp://build:2375'))).toMatchObject({ protocol: 'http' });
  });

  it('says which file cannot be read, and why', () => {
    expect(() => readTlsFiles({ cert: path.join(dir, 'nope.pem'), key: ca })).toThrow(/client certificate .*nope\.pem cannot be read: there is no such file/);
    expect(() => readTlsFiles({ ca: dir })).toThrow(/it is a folder/);
  });

  it('the contract wants absolute paths, and a certificate with its key', () => {
    expect(TlsFiles.safeParse({ ca: 'ca.pem' }).success).toBe(false);
    expect(TlsFiles.safeParse({ cert: '/c.pem' }).success).toBe(false);
    expect(TlsFiles.safeParse({ cert: '/c.pem', key: '/k.pem', ca: 'C:\\certs\\ca.pem' }).success).toBe(true);
  });
});
