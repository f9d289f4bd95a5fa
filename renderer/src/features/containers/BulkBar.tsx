// What to do with the selected containers, shown while a selection exists.
import type { ContainerRow } from '../../../../electron/api/schemas';
import { VERB_LABEL, useBulkAction, type ContainerVerb } from './useContainerActions';

const VERBS: ContainerVerb[] = ['start', 'stop', 'restart', 'pause', 'unpause', 'kill'];

export function BulkBar({ rows, onRemove, onClear }: { rows: ContainerRow[]; onRemove(): void; onClear(): void }) {
  const bulk = useBulkAction();
  return (
    <div className="bulkbar" role="toolbar" aria-label="Selected containers">
      <strong>{rows.length} selected</strong>
      {VERBS.map((verb) => (
        <button key={verb} disabled={bulk.isPending} onClick={() => bulk.mutate({ rows, verb })}>
          {VERB_LABEL[verb]}
        </button>
      ))}
      <button className="danger-text" disabled={bulk.isPending} onClick={onRemove}>
        Remove…
      </button>
      <button className="link" onClick={onClear}>
        Clear selection
      </button>
      {bulk.isPending && <span className="muted">Working…</span>}
    </div>
  );
}
