// Adds an endpoint by hand: a socket path, tcp:// (with TLS files), ssh:// or a named pipe.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { EngineInfo } from '../../../../electron/api/schemas';
import { errorText } from '../../components/Toasts';
import { client } from '../../lib/rpc';

export function AddEngineDialog({ onClose, onAdded }: { onClose(): void; onAdded?(engine: EngineInfo): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [endpoint, setEndpoint] = useState('');
  const [name, setName] = useState('');
  const [tls, setTls] = useState({ ca: '', cert: '', key: '' });
  const isTcp = /^(tcp|https?):\/\//i.test(endpoint.trim());
  const tlsGiven = isTcp && (tls.ca || tls.cert || tls.key);
  const add = useMutation({
    mutationFn: () =>
      client.engines.add({
        endpoint,
        ...(name.trim() ? { name } : {}),
        ...(tlsGiven ? { tls: Object.fromEntries(Object.entries(tls).filter(([, v]) => v.trim())) } : {}),
      }),
  });
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  const tlsField = (k: keyof typeof tls, label: string, placeholder: string) => (
    <label>
      {label}
      <input value={tls[k]} onChange={(e) => setTls({ ...tls, [k]: e.target.value })} placeholder={placeholder} />
    </label>
  );
  return (
    <dialog ref={ref} className="dialog" aria-label="Add an engine" onCancel={(e) => (e.preventDefault(), onClose())}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(undefined, { onSuccess: (engine) => (onAdded?.(engine), onClose()) });
        }}
      >
        <h2>Add an engine</h2>
        <label>
          Endpoint
          <input autoFocus required value={endpoint} onChange={(e) => setEndpoint(e.target.value)} placeholder="unix:///run/podman/podman.sock, tcp://host:2376, ssh://user@host" />
        </label>
        <label>
          Name (optional)
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="build server" />
        </label>
        {isTcp && (
          <fieldset className="tls-fields">
            <legend>TLS (optional: files on this machine, as in DOCKER_CERT_PATH)</legend>
            {tlsField('ca', 'CA certificate', '/home/me/.docker/ca.pem')}
            {tlsField('cert', 'Client certificate', '/home/me/.docker/cert.pem')}
            {tlsField('key', 'Client key', '/home/me/.docker/key.pem')}
          </fieldset>
        )}
        {add.error && (
          <p className="error-text" role="alert">
            {errorText(add.error)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={add.isPending}>
            {add.isPending ? 'Connecting…' : 'Add'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
