// A pull's or push's progress: one bar overall, and one line per layer (download, then
// extract on a pull; upload on a push) with its own bar and bytes.
import type { TransferEvent } from '../../../../electron/api/contracts/images';
import { formatBytes } from '../../lib/bytes';
import type { StreamState, StreamStatus } from '../../lib/use-stream';

export function ProgressBar({ fraction, label }: { fraction: number; label: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
      <div className="progress-fill" style={{ width: `${pct}%` }} />
    </div>
  );
}

export function TransferProgress({ what, status, last, error }: { what: string; status: StreamStatus; last?: TransferEvent | undefined; error?: string | undefined }) {
  if (status === 'idle') return null;
  const words: Record<StreamStatus, string> = {
    idle: '',
    running: `${what}…`,
    done: `${what}: done${last?.digest ? ` (${last.digest.slice(0, 19)}…)` : ''}`,
    failed: `${what} failed`,
    cancelled: `${what} was cancelled`,
  };
  return (
    <div className={`transfer transfer-${status}`} data-status={status}>
      <div className="transfer-head">
        <strong>{words[status]}</strong>
        <span className="muted">{Math.round((last?.fraction ?? 0) * 100)}%</span>
      </div>
      <ProgressBar fraction={last?.fraction ?? 0} label={`${what} overall`} />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {last?.message && status === 'running' && <div className="muted transfer-message">{last.message}</div>}
      {!!last?.layers.length && (
        <ul className="layers" aria-label="Layers">
          {last.layers.map((l) => (
            <li key={l.id} data-layer={l.id}>
              <span className="mono">{l.id}</span>
              <span className="layer-status">{l.status}</span>
              <ProgressBar fraction={l.fraction} label={`layer ${l.id}`} />
              <span className="muted layer-bytes">{l.total ? `${formatBytes(l.current ?? 0)} / ${formatBytes(l.total)}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The end of a pull or push dialog: an error from before the transfer, its progress, Cancel/Close and the verb. */
export function TransferFooter({ verb, what, prepError, stream, canStart, onCancel, onClose }: {
  verb: 'Pull' | 'Push';
  what: string;
  prepError: string | undefined;
  stream: StreamState<TransferEvent>;
  canStart: boolean;
  onCancel(): void;
  onClose(): void;
}) {
  const running = stream.status === 'running';
  return (
    <>
      {prepError && (
        <p className="error-text" role="alert">
          {prepError}
        </p>
      )}
      <TransferProgress what={what} status={stream.status} last={stream.last} error={stream.error} />
      <div className="dialog-actions">
        {running ? (
          <button type="button" className="danger" onClick={onCancel}>
            Cancel {verb.toLowerCase()}
          </button>
        ) : (
          <button type="button" onClick={onClose}>
            Close
          </button>
        )}
        <button type="submit" className="primary" disabled={!canStart || running}>
          {stream.status === 'failed' || stream.status === 'cancelled' ? `${verb} again` : verb}
        </button>
      </div>
    </>
  );
}
