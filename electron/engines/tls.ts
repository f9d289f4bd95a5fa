// TLS files of a tcp:// endpoint (like DOCKER_CERT_PATH's ca.pem, cert.pem, key.pem): the
// settings keep their paths; dockerode gets their contents, read when the engine connects.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TlsFiles } from '../api/contracts/engines';
import { EndpointError } from './endpoint';

export type { TlsFiles };
export interface TlsContents {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

const LABELS = { ca: 'CA certificate', cert: 'client certificate', key: 'client key' } as const;

function expand(p: string): string {
  return p.startsWith('~') ? path.join(os.homedir(), p.slice(1)) : p;
}

/** Reads every named file; a missing or unreadable one is refused in words. */
export function readTlsFiles(tls: TlsFiles): TlsContents {
  const out: TlsContents = {};
  for (const k of ['ca', 'cert', 'key'] as const) {
    const p = tls[k];
    if (!p) continue;
    try {
      out[k] = fs.readFileSync(expand(p));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message;
      throw new EndpointError(`The ${LABELS[k]} ${p} cannot be read: ${why}.`);
    }
  }
  return out;
}

export function checkTlsFiles(tls: TlsFiles): void {
  readTlsFiles(tls);
}
