// Pull: a reference checked as it is typed, the engine, credentials, then per-layer
// progress with an overall bar; Cancel stops the engine's pull; errors that arrive
// inside the engine's progress stream mark the pull failed, in the engine's words.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TransferEvent } from '../../../../electron/api/contracts/images';
import { Modal } from '../../components/Modal';
import { errorText } from '../../components/Toasts';
import { EngineField, useEngineChoice } from '../../components/EngineField';
import { client } from '../../lib/rpc';
import { useStream } from '../../lib/use-stream';
import { CredentialsFields, credentialsFor, noCredentials } from './CredentialsFields';
import { refreshImage } from './live';
import { checkReference, ReferenceField } from './ReferenceField';
import { TransferFooter } from './TransferProgress';

export function PullDialog({ onClose, initialRef = '' }: { onClose(): void; initialRef?: string }) {
  const qc = useQueryClient();
  const [engine, setEngineId] = useEngineChoice();
  const [ref, setRef] = useState(initialRef);
  const [creds, setCreds] = useState(noCredentials);
  const [prepError, setPrepError] = useState<string>();
  const pull = useStream<TransferEvent>();
  const check = checkReference(ref);
  const running = pull.status === 'running';

  const start = async () => {
    if (!check.ok || !engine) return;
    setPrepError(undefined);
    let extra;
    try {
      extra = await credentialsFor(check.host, creds);
    } catch (err) {
      return setPrepError(errorText(err));
    }
    const last = await pull.start((signal) => client.images.pull({ engineId: engine, ref: ref.trim(), ...extra }, { signal }));
    if (last?.done) void refreshImage(qc, engine, ref.trim());
  };

  return (
    <Modal title="Pull an image" onClose={() => (pull.cancel(), onClose())} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <fieldset disabled={running} className="plain">
          <ReferenceField label="Image reference" value={ref} onChange={setRef} autoFocus />
          <EngineField value={engine} onChange={setEngineId} />
          <CredentialsFields host={check.ok ? check.host : undefined} value={creds} onChange={setCreds} />
        </fieldset>
        <TransferFooter verb="Pull" what={`Pulling ${ref.trim()}`} prepError={prepError} stream={pull} canStart={check.ok && !!engine} onCancel={pull.cancel} onClose={onClose} />
      </form>
    </Modal>
  );
}
