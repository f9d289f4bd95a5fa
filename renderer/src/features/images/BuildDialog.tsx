// Build: a context dropped or chosen here (uploaded), or a folder on the machine Berth
// runs on; tags, build arguments, target stage; the engine's log streams in; Cancel stops it.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { BuildEvent } from '../../../../electron/api/contracts/builds';
import { Modal } from '../../components/Modal';
import { errorText } from '../../components/Toasts';
import { formatBytes } from '../../lib/bytes';
import { parseKeyValues } from '../../lib/kv';
import { client } from '../../lib/rpc';
import { useStream } from '../../lib/use-stream';
import { filesFromDrop, filesFromInput, uploadContext, type PickedFile } from './context-files';
import { refreshImage } from './live';
import { EngineField, useEngineChoice } from '../../components/EngineField';
import { checkReference } from './ReferenceField';

const MAX_LOG_CHARS = 400_000;

export function BuildDialog({ onClose, initialFiles }: { onClose(): void; initialFiles?: Promise<PickedFile[]> | undefined }) {
  const qc = useQueryClient();
  const [engine, setEngineId] = useEngineChoice();
  const [files, setFiles] = useState<PickedFile[]>();
  const [hostPath, setHostPath] = useState('');
  const [dockerfile, setDockerfile] = useState('');
  const [tags, setTags] = useState('');
  const [args, setArgs] = useState('');
  const [target, setTarget] = useState('');
  const [upload, setUpload] = useState<{ sent: number; total: number }>();
  const [prepError, setPrepError] = useState<string>();
  const [log, setLog] = useState('');
  const logRef = useRef<HTMLPreElement>(null);
  const build = useStream<BuildEvent>((e) => {
    if (e.kind === 'log') setLog((l) => (l + e.text).slice(-MAX_LOG_CHARS));
  });
  const busy = build.status === 'running' || (!!upload && upload.sent < upload.total && !prepError);
  const abort = useRef<AbortController | undefined>(undefined);

  const take = (picked: PickedFile[]) => {
    setFiles(picked);
    setHostPath('');
    // A lone file dropped is the Dockerfile, whatever its name.
    if (picked.length === 1 && !dockerfile) setDockerfile(picked[0]!.path);
  };
  useEffect(() => {
    initialFiles?.then(take, (err: unknown) => setPrepError(errorText(err)));
  }, [initialFiles]);
  useEffect(() => {
    logRef.current?.scrollTo({ top: logRef.current.scrollHeight });
  }, [log]);

  const tagList = tags.split(/[\s,]+/).filter(Boolean);
  const badTag = tagList.map(checkReference).find((c) => !c.ok);
  const ready = !!engine && (!!files?.length || !!hostPath.trim()) && !badTag;

  const start = async () => {
    setPrepError(undefined);
    setLog('');
    build.reset();
    abort.current = new AbortController();
    let context: { uploadId: string } | { path: string };
    try {
      if (files?.length) {
        setUpload({ sent: 0, total: files.reduce((s, f) => s + f.file.size, 0) });
        context = { uploadId: await uploadContext(files, (sent, total) => setUpload({ sent, total }), abort.current.signal) };
      } else context = { path: hostPath.trim() };
    } catch (err) {
      return setPrepError(abort.current.signal.aborted ? 'The upload was cancelled.' : errorText(err));
    }
    const done = await build.start((signal) =>
      client.builds.run(
        { engineId: engine, context, tags: tagList, buildArgs: parseKeyValues(args), ...(dockerfile.trim() ? { dockerfile: dockerfile.trim() } : {}), ...(target.trim() ? { target: target.trim() } : {}) },
        { signal },
      ),
    );
    if (done?.kind === 'done') for (const ref of [done.imageId, ...done.tags].filter((x): x is string => !!x)) void refreshImage(qc, engine, ref);
  };
  const cancel = () => (abort.current?.abort(), build.cancel());
  const last = build.last?.kind === 'done' ? build.last : undefined;

  return (
    <Modal title="Build an image" onClose={() => (cancel(), onClose())} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <fieldset disabled={busy} className="plain">
          <div
            className="dropzone"
            data-testid="build-dropzone"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              filesFromDrop(e.dataTransfer).then(take, (err: unknown) => setPrepError(errorText(err)));
            }}
          >
            {files?.length ? (
              <span data-testid="context-summary">
                Context: {files.length} files, {formatBytes(files.reduce((s, f) => s + f.file.size, 0))}
              </span>
            ) : (
              <span className="muted">Drop a folder (or a Dockerfile) here</span>
            )}
            <label className="button-like">
              Choose folder…
              <input type="file" className="sr-only" aria-label="Choose a context folder" {...{ webkitdirectory: '' }} multiple onChange={(e) => e.target.files && void filesFromInput(e.target.files).then(take)} />
            </label>
            <label className="button-like">
              Choose Dockerfile…
              <input type="file" className="sr-only" aria-label="Choose a Dockerfile" onChange={(e) => e.target.files && void filesFromInput(e.target.files).then(take)} />
            </label>
          </div>
          <label>
            Or a folder on the machine Berth runs on
            <input className="mono" value={hostPath} onChange={(e) => (setHostPath(e.target.value), e.target.value && setFiles(undefined))} placeholder="/home/me/project" />
          </label>
          <div className="row2">
            <EngineField value={engine} onChange={setEngineId} />
            <label>
              Dockerfile
              <input className="mono" value={dockerfile} onChange={(e) => setDockerfile(e.target.value)} placeholder="Dockerfile" />
            </label>
          </div>
          <label>
            Tags (space or comma separated)
            <input className="mono" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="app:dev registry.example.com/team/app:1.0" aria-invalid={!!badTag} />
            {badTag && <span className="field-note error-text">{badTag.words}</span>}
          </label>
          <div className="row2">
            <label>
              Build arguments (KEY=value, one a line)
              <textarea className="mono" rows={2} value={args} onChange={(e) => setArgs(e.target.value)} />
            </label>
            <label>
              Target stage
              <input className="mono" value={target} onChange={(e) => setTarget(e.target.value)} placeholder="(last stage)" />
            </label>
          </div>
        </fieldset>
        {upload && upload.total > 0 && upload.sent < upload.total && !prepError && (
          <p className="muted">
            Uploading the context: {formatBytes(upload.sent)} of {formatBytes(upload.total)}
          </p>
        )}
        {(prepError || build.error) && (
          <p className="error-text" role="alert">
            {prepError ?? build.error}
          </p>
        )}
        {build.status !== 'idle' && (
          <pre className="build-log" ref={logRef} aria-label="Build log" data-status={build.status}>
            {log || 'Starting…'}
          </pre>
        )}
        {build.status === 'done' && last && (
          <p className="ok-text" role="status">
            Built {last.imageId ? last.imageId.replace(/^sha256:/, '').slice(0, 12) : 'the image'}
            {last.tags.length ? `, tagged ${last.tags.join(', ')}` : ''}.
          </p>
        )}
        {build.status === 'cancelled' && <p className="muted">The build was cancelled.</p>}
        <div className="dialog-actions">
          {busy ? (
            <button type="button" className="danger" onClick={cancel}>
              Cancel build
            </button>
          ) : (
            <button type="button" onClick={onClose}>
              Close
            </button>
          )}
          <button type="submit" className="primary" disabled={!ready || busy}>
            Build
          </button>
        </div>
      </form>
    </Modal>
  );
}
