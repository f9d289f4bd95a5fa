// Which credentials a pull or push will use: the registry's stored ones (Berth's or the
// docker CLI's), or a user name and password typed here (for this transfer only, or kept
// by signing in). The password goes to the backend once and never comes back.
import { useQuery } from '@tanstack/react-query';
import { client, orpc } from '../../lib/rpc';

export interface TypedCredentials {
  username: string;
  password: string;
  remember: boolean;
}

export function CredentialsFields({ host, value, onChange }: { host: string | undefined; value: TypedCredentials; onChange(v: TypedCredentials): void }) {
  const regs = useQuery({ ...orpc.registries.list.queryOptions(), staleTime: 5_000 });
  if (!host) return null;
  const known = regs.data?.registries.find((r) => r.host === host);
  return (
    <fieldset className="creds">
      <legend>Credentials for {host}</legend>
      {known && !value.username ? (
        <p className="muted" data-testid="creds-known">
          Using {known.username ? <strong>{known.username}</strong> : 'the stored credentials'} ({known.source === 'berth' ? 'signed in with Berth' : known.helper ? `docker-credential-${known.helper}` : 'docker config.json'}). Type others below to override.
        </p>
      ) : (
        <p className="muted">No stored credentials for this registry: leave empty for an anonymous transfer, or type them.</p>
      )}
      <div className="row2">
        <label>
          User name
          <input autoComplete="username" value={value.username} onChange={(e) => onChange({ ...value, username: e.target.value })} />
        </label>
        <label>
          Password or token
          <input type="password" autoComplete="current-password" value={value.password} onChange={(e) => onChange({ ...value, password: e.target.value })} />
        </label>
      </div>
      <label className="check">
        <input type="checkbox" checked={value.remember} onChange={(e) => onChange({ ...value, remember: e.target.checked })} /> Sign in with them (checked
        first, then kept until Berth stops; the Registries page can remember them longer)
      </label>
    </fieldset>
  );
}

/** What the transfer call gets: one-off credentials, or none after signing in (the backend then uses the stored ones). */
export async function credentialsFor(host: string, c: TypedCredentials): Promise<{ credentials?: { username: string; password: string } }> {
  if (!c.username || !c.password) return {};
  if (!c.remember) return { credentials: { username: c.username, password: c.password } };
  const r = await client.registries.signIn({ host, username: c.username, password: c.password, remember: false });
  if (!r.ok) throw new Error(r.message);
  return {};
}

export const noCredentials: TypedCredentials = { username: '', password: '', remember: false };
