// Registry credentials Berth uses for push, pull and checks: its own (entered in Berth;
// kept in memory, and on disk only when the user asks to remember them) and the docker
// CLI's (config.json and credential helpers). Passwords stay here: the renderer sees
// host, user name and where they are kept, never the secret.
import fs from 'node:fs';
import path from 'node:path';
import type { RegistryAuth } from '../engines/image-transfer';
import { DockerConfig } from './docker-config';
import { forgetSecret, registerSecret, type SecretBox } from './secrets';

export type CredentialSource = 'berth' | 'docker-config' | 'docker-helper';
/** Where Berth's remembered credentials go: the OS keychain, or (no keychain, as in `berth serve`) a 0600 file. */
export type RememberMode = 'keychain' | 'file';

export interface RegistryEntry {
  host: string;
  username?: string;
  source: CredentialSource;
  helper?: string;
  /** For Berth's own: kept across restarts (and how), or only until Berth stops. */
  storage?: 'memory' | RememberMode;
}

interface Saved {
  host: string;
  username: string;
  secret: string;
  encrypted: boolean;
}

// The values live outside the objects (not as #private fields: Electronegativity's parser
// cannot read those), so no enumeration, spread or JSON of a Secret shows them.
const secretValues = new WeakMap<Secret, string>();

class Secret {
  constructor(value: string) {
    secretValues.set(this, value);
    registerSecret(value);
  }
  reveal(): string {
    return secretValues.get(this)!;
  }
  toJSON(): string {
    return '••••';
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return 'Secret(••••)';
  }
}

interface Own {
  username: string;
  secret: Secret;
  storage: 'memory' | RememberMode;
}

export class CredentialStore {
  private readonly own = new Map<string, Own>();
  private readonly file: string;
  private readonly box: SecretBox | undefined;
  readonly docker: DockerConfig;

  constructor(opts: { dataDir: string; secretBox?: SecretBox; env?: Record<string, string | undefined> }) {
    this.file = path.join(opts.dataDir, 'registry-credentials.json');
    this.box = opts.secretBox;
    this.docker = new DockerConfig(opts.env ?? process.env);
    this.load();
  }

  get rememberMode(): RememberMode {
    return this.box?.available() ? 'keychain' : 'file';
  }

  async list(): Promise<RegistryEntry[]> {
    const entries = new Map<string, RegistryEntry>();
    for (const d of await this.docker.hosts().catch(() => [])) entries.set(d.host, d);
    for (const [host, o] of this.own) entries.set(host, { host, username: o.username, source: 'berth', storage: o.storage });
    return [...entries.values()].sort((a, b) => a.host.localeCompare(b.host));
  }

  signIn(host: string, username: string, password: string, remember: boolean): void {
    const old = this.own.get(host);
    if (old) forgetSecret(old.secret.reveal());
    this.own.set(host, { username, secret: new Secret(password), storage: remember ? this.rememberMode : 'memory' });
    this.save();
  }

  /** Forgets Berth's own credentials for a host (the docker CLI's stay: `docker logout` is theirs). */
  signOut(host: string): boolean {
    const old = this.own.get(host);
    if (!old) return false;
    this.own.delete(host);
    this.save();
    return true;
  }

  /** The credentials a push or pull to `host` uses: Berth's own first, then the docker CLI's. */
  async resolve(host: string): Promise<RegistryAuth | undefined> {
    const o = this.own.get(host);
    if (o) return { username: o.username, password: o.secret.reveal(), serveraddress: host };
    const d = await this.docker.get(host).catch(() => undefined);
    if (!d) return undefined;
    registerSecret(d.secret);
    return { username: d.username, password: d.secret, serveraddress: host };
  }

  private load(): void {
    let saved: Saved[];
    try {
      saved = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Saved[];
    } catch {
      return;
    }
    for (const s of saved) {
      try {
        const secret = s.encrypted ? this.box!.decrypt(Buffer.from(s.secret, 'base64')) : Buffer.from(s.secret, 'base64').toString('utf8');
        this.own.set(s.host, { username: s.username, secret: new Secret(secret), storage: s.encrypted ? 'keychain' : 'file' });
      } catch {
        console.warn(`berth: the remembered credentials for ${s.host} cannot be read any more (keychain changed?); sign in again.`);
      }
    }
  }

  private save(): void {
    const saved: Saved[] = [];
    for (const [host, o] of this.own) {
      if (o.storage === 'memory') continue;
      const plain = o.secret.reveal();
      const encrypted = o.storage === 'keychain' && !!this.box?.available();
      saved.push({ host, username: o.username, encrypted, secret: (encrypted ? this.box!.encrypt(plain) : Buffer.from(plain)).toString('base64') });
    }
    if (!saved.length) {
      fs.rmSync(this.file, { force: true });
      return;
    }
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(saved), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }
}
