// Secrets at rest and in logs. SecretBox is the OS keychain's encryption (Electron's
// safeStorage, handed in by main.ts: nothing else may import electron); redact() keeps
// every secret Berth has seen out of whatever it logs.
import { inspect } from 'node:util';

export interface SecretBox {
  /** False when the OS offers no keychain (then Berth says so and keeps secrets as told). */
  available(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

const known = new Set<string>();

/** Remembers a secret so that redact() hides it from now on. */
export function registerSecret(secret: string): void {
  if (secret.length >= 3) known.add(secret);
}

export function forgetSecret(secret: string): void {
  known.delete(secret);
}

/** The text with every known secret (and its base64 form) replaced. */
export function redact(text: string): string {
  let out = text;
  for (const s of known) {
    out = out.split(s).join('••••');
    const b64 = Buffer.from(s).toString('base64').replace(/=+$/, '');
    if (b64.length >= 6) out = out.split(b64).join('••••');
  }
  return out;
}

/** What Berth logs for an unexpected failure: the error in full, minus secrets. */
export function describeForLog(value: unknown): string {
  return redact(typeof value === 'string' ? value : inspect(value, { depth: 4, breakLength: Infinity }));
}
