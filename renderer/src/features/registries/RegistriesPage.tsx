// Registries with credentials: the docker CLI's (config.json, credential helpers) and
// Berth's own. Sign in (checked against the registry first), sign out, check.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RegistryEntry } from '../../../../electron/api/contracts/registries';
import { errorText } from '../../components/Toasts';
import { client, orpc } from '../../lib/rpc';
import { SignInDialog } from './SignInDialog';
import '../images/images.css';

function whereKept(r: RegistryEntry): string {
  if (r.source === 'docker-helper') return `docker CLI, docker-credential-${r.helper}`;
  if (r.source === 'docker-config') return 'docker CLI, config.json';
  if (r.storage === 'keychain') return 'Berth, remembered (OS keychain)';
  if (r.storage === 'file') return 'Berth, remembered (0600 file in the data folder)';
  return 'Berth, until it stops';
}

export function RegistriesPage() {
  const qc = useQueryClient();
  const regs = useQuery({ ...orpc.registries.list.queryOptions(), staleTime: 0 });
  const [signingIn, setSigningIn] = useState<string | undefined>();
  const [checks, setChecks] = useState<Record<string, { ok: boolean; message: string }>>({});
  const refresh = () => qc.invalidateQueries({ queryKey: orpc.registries.list.queryKey() });
  const check = useMutation({
    mutationFn: (host: string) => client.registries.check({ host }),
    onSuccess: (r, host) => setChecks((c) => ({ ...c, [host]: r })),
    onError: (err, host) => setChecks((c) => ({ ...c, [host]: { ok: false, message: errorText(err) } })),
  });
  const signOut = useMutation({ mutationFn: (host: string) => client.registries.signOut({ host }), onSuccess: refresh });

  return (
    <section className="page" aria-labelledby="registries-title">
      <header className="page-head">
        <h1 id="registries-title">Registries</h1>
        <span className="muted">Credentials Berth uses to push and pull. Passwords stay in the backend.</span>
        <div className="page-actions">
          <button className="primary" onClick={() => setSigningIn('')}>
            Sign in…
          </button>
        </div>
      </header>
      {regs.error && (
        <p className="error-text" role="alert">
          {errorText(regs.error)}
        </p>
      )}
      <div className="detail-pane">
        <table className="plain-table" aria-label="Registries">
          <thead>
            <tr>
              <th>Registry</th>
              <th>User</th>
              <th>Kept by</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {(regs.data?.registries ?? []).map((r) => (
              <tr key={r.host} data-registry={r.host}>
                <td className="mono strong">{r.host}</td>
                <td>{r.username ?? <span className="muted">—</span>}</td>
                <td>{whereKept(r)}</td>
                <td>
                  <div className="row-actions" style={{ justifyContent: 'flex-start' }}>
                    <button onClick={() => check.mutate(r.host)} aria-label={`Check ${r.host}`}>
                      Check
                    </button>
                    {r.source === 'berth' ? (
                      <button className="danger-text" onClick={() => signOut.mutate(r.host)} aria-label={`Sign out of ${r.host}`}>
                        Sign out
                      </button>
                    ) : (
                      <button onClick={() => setSigningIn(r.host)}>Sign in with Berth</button>
                    )}
                  </div>
                  {checks[r.host] && (
                    <div className={checks[r.host]!.ok ? 'ok-text' : 'error-text'} role="status">
                      {checks[r.host]!.message}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {regs.data?.registries.length === 0 && <p className="muted">No credentials yet: sign in to a registry, or `docker login` (Berth reads the docker CLI's).</p>}
      </div>
      {signingIn !== undefined && regs.data && (
        <SignInDialog
          host={signingIn}
          rememberMode={regs.data.rememberMode}
          onClose={() => {
            setSigningIn(undefined);
            void refresh();
          }}
        />
      )}
    </section>
  );
}
