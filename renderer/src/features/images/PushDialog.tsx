// Push an image to any registry: the target reference (tagged first when it is a new
// name), the credentials, and the engine's push progress; errors inside the stream
// (a refused password, say) mark the push failed, in the registry's words.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImageRow, TransferEvent } from '../../../../electron/api/contracts/images';
import { Modal } from '../../components/Modal';
import { errorText } from '../../components/Toasts';
import { client } from '../../lib/rpc';
import { useStream } from '../../lib/use-stream';
import { CredentialsFields, credentialsFor, noCredentials } from './CredentialsFields';
import { refreshImage } from './live';
import { checkReference, ReferenceField } from './ReferenceField';
import { TransferFooter } from './TransferProgress';

export function PushDialog({ image, onClose }: { image: ImageRow; onClose(): void }) {
  const qc = useQueryClient();
  const [ref, setRef] = useState(image.repoTags[0] ?? '');
  const [creds, setCreds] = useState(noCredentials);
  const [prepError, setPrepError] = useState<string>();
  const push = useStream<TransferEvent>();
  const check = checkReference(ref);
  const running = push.status === 'running';

  const start = async () => {
    if (!check.ok) return;
    setPrepError(undefined);
    const target = ref.trim();
    let extra;
    try {
      if (!image.repoTags.includes(target)) {
        await client.images.tag({ engineId: image.engineId, source: image.id, target });
        void refreshImage(qc, image.engineId, image.id);
      }
      extra = await credentialsFor(check.host, creds);
    } catch (err) {
      return setPrepError(errorText(err));
    }
    await push.start((signal) => client.images.push({ engineId: image.engineId, ref: target, ...extra }, { signal }));
  };

  return (
    <Modal title={`Push ${image.repoTags[0] ?? image.id.slice(7, 19)}`} onClose={() => (push.cancel(), onClose())} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <fieldset disabled={running} className="plain">
          <ReferenceField label="Push as" value={ref} onChange={setRef} autoFocus />
          {check.ok && !image.repoTags.includes(ref.trim()) && <p className="muted field-note">The image is tagged with this name first.</p>}
          <CredentialsFields host={check.ok ? check.host : undefined} value={creds} onChange={setCreds} />
        </fieldset>
        <TransferFooter verb="Push" what={`Pushing ${ref.trim()}`} prepError={prepError} stream={push} canStart={check.ok} onCancel={push.cancel} onClose={onClose} />
      </form>
    </Modal>
  );
}
