// Sign in to a registry: checked with the registry before it is kept. "Remember" keeps it
// across restarts: sealed with the OS keychain in the desktop app; under `berth serve`
// (no keychain) in a file only the user can read, which the dialog says plainly.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Modal } from '../../components/Modal';
import { errorText } from '../../components/Toasts';
import { client } from '../../lib/rpc';

export function SignInDialog({ host: initialHost, rememberMode, onClose }: { host: string; rememberMode: 'keychain' | 'file'; onClose(): void }) {
  const [host, setHost] = useState(initialHost);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const signIn = useMutation({
    mutationFn: () => client.registries.signIn({ host, username, password, remember }),
    onSuccess: (r) => {
      if (r.ok) onClose();
    },
  });
  const refused = signIn.data && !signIn.data.ok ? signIn.data.message : undefined;
  return (
    <Modal title="Sign in to a registry" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          signIn.mutate();
        }}
      >
        <label>
          Registry
          <input className="mono" autoFocus={!initialHost} required value={host} onChange={(e) => setHost(e.target.value)} placeholder="registry.example.com or 127.0.0.1:5001" />
        </label>
        <label>
          User name
          <input autoFocus={!!initialHost} required autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          Password or token
          <input type="password" required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Remember after Berth stops
        </label>
        {remember && (
          <p className={rememberMode === 'file' ? 'note' : 'muted field-note'}>
            {rememberMode === 'keychain'
              ? 'The password is sealed with your OS keychain.'
              : 'No OS keychain here (berth serve): the password is stored in registry-credentials.json in Berth’s data folder, readable only by your user (mode 0600), not encrypted. Leave this unticked to keep it in memory only.'}
          </p>
        )}
        {(refused || signIn.error) && (
          <p className="error-text" role="alert">
            {refused ?? errorText(signIn.error)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={signIn.isPending}>
            {signIn.isPending ? 'Checking…' : 'Sign in'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
